using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsClaims.Core.Common;

namespace NewsClaims.Data.Interceptors;

/// <summary>Stamps <see cref="IHasCreatedAt.CreatedAt"/> and <see cref="IHasUpdatedAt.UpdatedAt"/> from the TimeProvider, in one place.</summary>
public sealed class TimestampInterceptor(TimeProvider timeProvider) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = timeProvider.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries<IHasCreatedAt>())
        {
            if (entry.State == EntityState.Added && entry.Entity.CreatedAt == default)
            {
                entry.Property(nameof(IHasCreatedAt.CreatedAt)).CurrentValue = now;
            }

            var changed = entry.State is EntityState.Added or EntityState.Modified || HasChangedOwnedEntities(entry);
            if (entry.Entity is IHasUpdatedAt && changed)
            {
                entry.Property(nameof(IHasUpdatedAt.UpdatedAt)).CurrentValue = now;
            }
        }
    }

    // JSON columns (selectors, verdict sources) are owned entities: editing one leaves the owner Unchanged.
    private static bool HasChangedOwnedEntities(EntityEntry entry) =>
        entry.References.Any(r => r.TargetEntry is { } target && target.Metadata.IsOwned() && target.State is EntityState.Added or EntityState.Modified);
}
