using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Auditing;

namespace NewsClaims.Data.People;

/// <summary>What an editor sets on a person: name, description and the aliases the engine may know them by.</summary>
public sealed record PersonEdit(string Name, string? Description, IReadOnlyList<string> Aliases);

/// <summary>A person as the edit and merge pages show them.</summary>
public sealed record PersonCard(long Id, uint Version, string Name, string Slug, string? Description, IReadOnlyList<string> Aliases, bool NeedsReview, long Statements)
{
    public IReadOnlyList<RoleLine> Roles { get; init; } = [];
}

/// <summary>A dated role ("NATO Secretary General, from 2024-10-01"): statements show the role held on their date.</summary>
public sealed record RoleLine(long Id, string Title, string? Organisation, DateOnly? StartedOn, DateOnly? EndedOn);

/// <summary>What a merge would do: the statements that would move from one record to the other.</summary>
public sealed record MergePreview(PersonCard From, PersonCard Into, IReadOnlyList<MovingStatement> Moving);

public sealed record MovingStatement(long Id, string Text, long ArticleId, string ArticleTitle);

/// <summary>How an edit or merge ended.</summary>
public abstract record PersonOutcome
{
    private PersonOutcome()
    {
    }

    public sealed record Done(string Slug) : PersonOutcome;

    public sealed record NotFound : PersonOutcome;

    /// <summary>Someone saved the person since the editor loaded the page; nothing was written.</summary>
    public sealed record Conflict(PersonCard Current) : PersonOutcome;

    public sealed record Invalid(string Problem) : PersonOutcome;
}

/// <summary>
/// Editors' changes to people: rename, describe, set aliases; and merge two records of the same person — every
/// statement, mention, annotation and role moves to the survivor and the old slug redirects there. Each change is
/// version-checked and recorded in the audit log in the same transaction.
/// </summary>
public sealed class PersonEditing(NewsClaimsDbContext db)
{
    public const string EntityType = AuditedEntity.Person;

    public const int PreviewSize = 50;

    public async Task<PersonCard?> CardAsync(string slug, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.Slug == slug && p.MergedIntoId == null)
            .Select(p => new PersonCard(p.Id, p.Version, p.Name, p.Slug, p.Description,
                p.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(), p.NeedsReview, db.Statements.Count(s => s.SpeakerId == p.Id))
            {
                Roles = p.Roles.OrderBy(r => r.StartedOn).ThenBy(r => r.Id).Select(r => new RoleLine(r.Id, r.Title, r.Organisation, r.StartedOn, r.EndedOn)).ToList(),
            })
            .SingleOrDefaultAsync(ct);

    /// <summary>Adds a dated role (title, organisation, from, to), or removes one (<paramref name="removeRoleId"/>).</summary>
    public async Task<PersonOutcome> ChangeRolesAsync(
        string editorId, string slug, string? title, string? organisation, DateOnly? startedOn, DateOnly? endedOn, long? removeRoleId, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Roles).SingleOrDefaultAsync(p => p.Slug == slug && p.MergedIntoId == null, ct);
        if (person is null)
        {
            return new PersonOutcome.NotFound();
        }

        Dictionary<string, FieldChange> changes;
        if (removeRoleId is { } roleId)
        {
            var role = person.Roles.FirstOrDefault(r => r.Id == roleId);
            if (role is null || !person.RemoveRole(roleId))
            {
                return new PersonOutcome.Invalid("That role is not one of this person's.");
            }

            changes = new(StringComparer.Ordinal) { ["role"] = new(Describe(role.Title, role.Organisation, role.StartedOn, role.EndedOn), null) };
        }
        else
        {
            var name = title?.Trim() ?? "";
            if (name.Length is 0 or > 200 || (organisation?.Trim().Length ?? 0) > 200)
            {
                return new PersonOutcome.Invalid("A role needs a title (and an organisation if any) of at most 200 characters.");
            }

            if (startedOn is { } from && endedOn is { } to && to < from)
            {
                return new PersonOutcome.Invalid("A role cannot end before it starts.");
            }

            person.AddRole(name, organisation, startedOn, endedOn);
            changes = new(StringComparer.Ordinal) { ["role"] = new(null, Describe(name, organisation, startedOn, endedOn)) };
        }

        db.AuditEntries.Add(new AuditEntry(editorId, EntityType, person.Id.ToString(CultureInfo.InvariantCulture), "roles", changes));
        return await SaveAsync(person.Slug, slug, ct);
    }

    private static string Describe(string title, string? organisation, DateOnly? from, DateOnly? to) =>
        $"{title}{(string.IsNullOrWhiteSpace(organisation) ? "" : ", " + organisation.Trim())} ({from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"} – {to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "now"})";

    public async Task<PersonOutcome> EditAsync(string editorId, string slug, uint version, PersonEdit edit, CancellationToken ct)
    {
        var name = edit.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return new PersonOutcome.Invalid("A person needs a name of at most 200 characters.");
        }

        var aliases = edit.Aliases.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (aliases.Count > 100 || aliases.Any(a => a.Length > 200))
        {
            return new PersonOutcome.Invalid("At most 100 aliases, each at most 200 characters.");
        }

        var person = await db.People.Include(p => p.Aliases).SingleOrDefaultAsync(p => p.Slug == slug && p.MergedIntoId == null, ct);
        if (person is null)
        {
            return new PersonOutcome.NotFound();
        }

        if (person.Version != version)
        {
            return new PersonOutcome.Conflict((await CardAsync(slug, ct))!);
        }

        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        if (name != person.Name)
        {
            changes["name"] = new FieldChange(person.Name, name);
            var newSlug = Core.Common.Slug.From(name);
            var taken = newSlug != person.Slug && await db.People.AnyAsync(p => p.Slug == newSlug, ct);
            person.Rename(name, taken ? person.Slug : newSlug);
        }

        var description = string.IsNullOrWhiteSpace(edit.Description) ? null : edit.Description.Trim();
        if (description != person.Description)
        {
            changes["description"] = new FieldChange(person.Description, description);
            person.Describe(description);
        }

        var before = person.Aliases.Select(a => a.Alias).OrderBy(a => a, StringComparer.Ordinal).ToList();
        person.SetAliases(aliases);
        var after = person.Aliases.Select(a => a.Alias).OrderBy(a => a, StringComparer.Ordinal).ToList();
        if (!before.SequenceEqual(after, StringComparer.Ordinal))
        {
            changes["aliases"] = new FieldChange(string.Join(", ", before), string.Join(", ", after));
        }

        if (changes.Count == 0)
        {
            return new PersonOutcome.Done(person.Slug);
        }

        person.MarkReviewed();
        db.AuditEntries.Add(new AuditEntry(editorId, EntityType, person.Id.ToString(CultureInfo.InvariantCulture), "edit", changes));
        return await SaveAsync(person.Slug, slug, ct);
    }

    public async Task<MergePreview?> PreviewMergeAsync(string fromSlug, string intoSlug, CancellationToken ct)
    {
        if (fromSlug == intoSlug || await CardAsync(fromSlug, ct) is not { } from || await CardAsync(intoSlug, ct) is not { } into)
        {
            return null;
        }

        var moving = await db.Statements.AsNoTracking().Where(s => s.SpeakerId == from.Id)
            .OrderByDescending(s => s.Id).Take(PreviewSize)
            .Select(s => new MovingStatement(s.Id, s.Text, s.ArticleId, s.Article!.Title))
            .ToListAsync(ct);
        return new MergePreview(from, into, moving);
    }

    /// <summary>Merges <paramref name="fromSlug"/> (as seen at <paramref name="fromVersion"/>) into <paramref name="intoSlug"/>.</summary>
    public async Task<PersonOutcome> MergeAsync(string editorId, string fromSlug, uint fromVersion, string intoSlug, CancellationToken ct)
    {
        if (fromSlug == intoSlug)
        {
            return new PersonOutcome.Invalid("Choose another person to merge into.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var from = await db.People.Include(p => p.Aliases).Include(p => p.Roles).SingleOrDefaultAsync(p => p.Slug == fromSlug && p.MergedIntoId == null, ct);
        var into = await db.People.Include(p => p.Aliases).Include(p => p.Roles).SingleOrDefaultAsync(p => p.Slug == intoSlug && p.MergedIntoId == null, ct);
        if (from is null || into is null)
        {
            return new PersonOutcome.NotFound();
        }

        if (from.Version != fromVersion)
        {
            return new PersonOutcome.Conflict((await CardAsync(fromSlug, ct))!);
        }

        // Set-based moves: a person with thousands of statements merges in one statement per table.
        var moved = await db.Statements.Where(s => s.SpeakerId == from.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.SpeakerId, into.Id), ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE statement_persons m SET person_id = {into.Id}
            WHERE m.person_id = {from.Id}
              AND NOT EXISTS (SELECT 1 FROM statement_persons o WHERE o.statement_id = m.statement_id AND o.role = m.role AND o.person_id = {into.Id})
            """, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM statement_persons WHERE person_id = {from.Id}", ct);
        await db.Annotations.Where(a => a.PersonId == from.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.PersonId, into.Id), ct);
        foreach (var role in from.Roles.Where(r => !into.Roles.Any(i => i.Title == r.Title && i.Organisation == r.Organisation && i.StartedOn == r.StartedOn)))
        {
            into.AddRole(role.Title, role.Organisation, role.StartedOn, role.EndedOn);
        }

        var fromName = from.Name;
        from.MergeInto(into);
        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal)
        {
            ["merged_into"] = new(null, $"{into.Name} ({into.Slug})"),
            ["statements_moved"] = new(null, moved.ToString(CultureInfo.InvariantCulture)),
        };
        db.AuditEntries.Add(new AuditEntry(editorId, EntityType, from.Id.ToString(CultureInfo.InvariantCulture), "merge", changes));
        db.AuditEntries.Add(new AuditEntry(editorId, EntityType, into.Id.ToString(CultureInfo.InvariantCulture), "absorb",
            new Dictionary<string, FieldChange>(StringComparer.Ordinal) { ["absorbed"] = new(null, $"{fromName} ({fromSlug}), {moved} statements") }));
        var outcome = await SaveAsync(into.Slug, fromSlug, ct);
        if (outcome is PersonOutcome.Done)
        {
            await transaction.CommitAsync(ct);
        }

        return outcome;
    }

    private async Task<PersonOutcome> SaveAsync(string slug, string originalSlug, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new PersonOutcome.Done(slug);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await CardAsync(originalSlug, ct) is { } current ? new PersonOutcome.Conflict(current) : new PersonOutcome.NotFound();
        }
    }
}
