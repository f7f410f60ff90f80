using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsClaims.Core.Auditing;

namespace NewsClaims.Web.Features.Shared;

/// <summary>
/// Evicts the reader page cache after the site saves a change readers can see (articles, statements, people,
/// claims, annotations ...), so no feature has to remember to. Account and audit rows do not count. Changes committed by
/// another process (the command-line import, another instance) reach <see cref="ReaderChangeListener"/> instead.
/// </summary>
internal sealed class ReaderCacheInterceptor(IReaderCacheInvalidator invalidator) : SaveChangesInterceptor
{
    // Contexts whose save in progress touches reader content; keyed weakly, so a failed save leaks nothing.
    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.Remove(context))
        {
            await invalidator.InvalidateAsync(cancellationToken);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _pending.Remove(context))
        {
            invalidator.InvalidateAsync().GetAwaiter().GetResult();
        }

        return base.SavedChanges(eventData, result);
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && ChangesReaderContent(context))
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    private static bool ChangesReaderContent(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is not AuditEntry
            && e.Entity.GetType().Namespace?.StartsWith("NewsClaims.Core", StringComparison.Ordinal) == true
            && e.Entity is not IdentityUser);
}
