using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Configurations;
using Npgsql;

namespace NewsClaims.Data.Exports;

/// <summary>
/// The whole knowledge base, a batch at a time: keyset pages by id, read without tracking, so memory stays flat
/// however much there is and no connection is held between batches while a slow client downloads. Not a snapshot:
/// a row changed during a long export shows as it was when its batch was read. Readers' scope applies
/// <see cref="ReaderVisibility"/> to statements and shows published notes only.
/// </summary>
public sealed class KnowledgeBaseExport(NewsClaimsDbContext db)
{
    public const int BatchSize = 1000;

    /// <summary>An enum value as the database stores it and the exports write it (<c>mostly_true</c>).</summary>
    public static string Text<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumText.Of(value);

    /// <summary>The statements a caller in <paramref name="scope"/> may see; the one place the exports apply the rule.</summary>
    public IQueryable<Statement> Statements(ExportScope scope) =>
        scope == ExportScope.All ? db.Statements.AsNoTracking() : db.Statements.AsNoTracking().Where(ReaderVisibility.IsShown);

    public IQueryable<Annotation> Annotations(ExportScope scope)
    {
        if (scope == ExportScope.All)
        {
            return db.Annotations.AsNoTracking();
        }

        // A published note on a statement readers cannot see stays hidden with it.
        var shown = Statements(scope);
        return db.Annotations.AsNoTracking()
            .Where(a => a.Visibility == AnnotationVisibility.Published && (a.StatementId == null || shown.Any(s => s.Id == a.StatementId)));
    }

    public async IAsyncEnumerable<IReadOnlyList<StatementExportRow>> StatementBatchesAsync(ExportScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        for (long last = 0; ;)
        {
            var batch = await Statements(scope)
                .Where(s => s.Id > last)
                .OrderBy(s => s.Id)
                .Take(BatchSize)
                .Select(s => new StatementExportRow(
                    s.Id, s.Kind, s.Text, s.Start, s.End,
                    s.SpeakerId, s.Speaker != null ? s.Speaker.Slug : null, s.Speaker != null ? s.Speaker.Name : null, s.UnnamedSource,
                    s.MentionStart, s.MentionEnd, s.MentionText,
                    s.CueStart, s.CueEnd, s.CueText,
                    s.Place, s.WhenSaidText, s.WhenSaidDate, s.WhenSaidPrecision,
                    s.ArticleId, s.Article!.Title, s.Article.CanonicalUrl, s.Article.Outlet != null ? s.Article.Outlet.Name : null, s.Article.PublishedOn,
                    s.Status, s.Confidence, s.ExtractorVersion, s.ReportedVia ?? s.Article.ReportedVia))
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
            last = batch[^1].Id;
        }
    }

    /// <summary>People who are someone (merged records are folded into their survivor), with their statement count in <paramref name="scope"/>.</summary>
    public async IAsyncEnumerable<IReadOnlyList<PersonExportRow>> PersonBatchesAsync(ExportScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        for (long last = 0; ;)
        {
            var people = await db.People.AsNoTracking()
                .Where(p => p.Id > last && p.MergedIntoId == null)
                .OrderBy(p => p.Id)
                .Take(BatchSize)
                .Select(p => new
                {
                    p.Id, p.Slug, p.Name, p.Description, p.WikidataId, p.NeedsReview,
                    Aliases = p.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(),
                    Roles = p.Roles.OrderBy(r => r.StartedOn).ThenBy(r => r.Id).Select(r => new ExportRole(r.Title, r.Organisation, r.StartedOn, r.EndedOn)).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(ct);
            if (people.Count == 0)
            {
                yield break;
            }

            var ids = people.Select(p => p.Id).ToList();
            var counts = await Statements(scope)
                .Where(s => s.SpeakerId != null && ids.Contains(s.SpeakerId.Value))
                .GroupBy(s => s.SpeakerId!.Value)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var merged = await MergedAsync(ids, ct);
            yield return [.. people.Select(p =>
            {
                var (slugs, mergedIds) = merged.GetValueOrDefault(p.Id, ([], []));
                return new PersonExportRow(p.Id, p.Slug, p.Name, p.Description, p.WikidataId, p.NeedsReview, p.Aliases, p.Roles, slugs, mergedIds, counts.GetValueOrDefault(p.Id));
            })];
            last = people[^1].Id;
        }
    }

    /// <summary>Every claim with the statements grouped into it that <paramref name="scope"/> shows.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ClaimExportRow>> ClaimBatchesAsync(ExportScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        var shown = Statements(scope);
        for (long last = 0; ;)
        {
            var claims = await db.Claims.AsNoTracking()
                .Where(c => c.Id > last)
                .OrderBy(c => c.Id)
                .Take(BatchSize)
                .Select(c => new { c.Id, c.Text, c.Topics, c.Verdict, c.VerdictExplanation, c.VerdictSources, c.RatedAt, c.CreatedAt, c.UpdatedAt })
                .ToListAsync(ct);
            if (claims.Count == 0)
            {
                yield break;
            }

            var ids = claims.Select(c => c.Id).ToList();
            var statements = (await db.ClaimStatements.AsNoTracking()
                    .Where(cs => ids.Contains(cs.ClaimId) && shown.Any(s => s.Id == cs.StatementId))
                    .OrderBy(cs => cs.ClaimId).ThenBy(cs => cs.StatementId)
                    .Select(cs => new
                    {
                        cs.ClaimId,
                        Row = new ClaimStatementRow(
                            cs.StatementId, cs.Statement!.Text,
                            cs.Statement.Speaker != null ? cs.Statement.Speaker.Name : null,
                            cs.Statement.Speaker != null ? cs.Statement.Speaker.Slug : null,
                            cs.Statement.UnnamedSource,
                            cs.Statement.ArticleId, cs.Statement.Article!.Title, cs.Statement.Article.CanonicalUrl,
                            cs.Statement.Article.Outlet != null ? cs.Statement.Article.Outlet.Name : null,
                            cs.Statement.Article.PublishedOn, cs.Statement.Status),
                    })
                    .ToListAsync(ct))
                .ToLookup(s => s.ClaimId, s => s.Row);
            yield return [.. claims.Select(c => new ClaimExportRow(
                c.Id, c.Text, c.Topics, c.Verdict, c.VerdictExplanation, c.VerdictSources ?? [], c.RatedAt, c.CreatedAt, c.UpdatedAt, [.. statements[c.Id]]))];
            last = claims[^1].Id;
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<AnnotationExportRow>> AnnotationBatchesAsync(ExportScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        for (long last = 0; ;)
        {
            var batch = await Annotations(scope)
                .Where(a => a.Id > last)
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .Select(a => new AnnotationExportRow(
                    a.Id, a.Motivation, a.Body, a.Tags, a.CreatedAt, a.UpdatedAt, a.ParentId, a.ArticleId, a.StatementId, a.ClaimId,
                    a.Person != null ? a.Person.Slug : null, a.AnchorStatus, a.Selector, a.Visibility,
                    db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault()))
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
            last = batch[^1].Id;
        }
    }

    /// <summary>For each of <paramref name="ids"/>: the old slugs that lead to it and the records merged into it, following chains of merges.</summary>
    private async Task<Dictionary<long, (List<string> Slugs, List<long> MergedIds)>> MergedAsync(List<long> ids, CancellationToken ct)
    {
        const string sql = """
            WITH RECURSIVE chain(root_id, person_id) AS (
                SELECT id, id FROM people WHERE id = ANY(@ids)
                UNION ALL
                SELECT c.root_id, m.id FROM people m JOIN chain c ON m.merged_into_id = c.person_id
            )
            SELECT c.root_id, c.person_id, r.old_slug
            FROM chain c LEFT JOIN person_slug_redirects r ON r.person_id = c.person_id
            WHERE c.person_id <> c.root_id OR r.old_slug IS NOT NULL
            ORDER BY c.root_id, c.person_id, r.old_slug
            """;
        var found = new Dictionary<long, (List<string> Slugs, List<long> MergedIds)>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var root = reader.GetInt64(0);
                var person = reader.GetInt64(1);
                if (!found.TryGetValue(root, out var entry))
                {
                    entry = ([], []);
                    found[root] = entry;
                }

                if (person != root && (entry.MergedIds.Count == 0 || entry.MergedIds[^1] != person))
                {
                    entry.MergedIds.Add(person);
                }

                if (!reader.IsDBNull(2))
                {
                    entry.Slugs.Add(reader.GetString(2));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return found;
    }
}
