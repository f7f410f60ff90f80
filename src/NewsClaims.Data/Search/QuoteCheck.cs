using System.Text.RegularExpressions;
using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;
using Npgsql;

namespace NewsClaims.Data.Search;

public sealed record QuoteMatch(StatementHit Statement, double Similarity, IReadOnlyList<DiffPart> Diff, bool? SpeakerMatches);

public sealed record QuoteCheckResult(string Text, string? Quote, string? NamedSpeaker, IReadOnlyList<QuoteMatch> Matches, IReadOnlyList<string> Messages);

/// <summary>
/// "Did they really say that?": a quote as remembered ("Rutte said the offensive would be fatal for Russia") against
/// the statements held, with the closest real wordings, how close each is, and a word-level diff.
/// </summary>
public sealed partial class QuoteCheck(QuoteSearch search, SearchLanguages languages)
{
    public const int MaxLength = 1000;

    public async Task<QuoteCheckResult> CheckAsync(string? text, CancellationToken ct)
    {
        var messages = new List<string>();
        var (clean, truncated) = QueryText.Clean(text, MaxLength);
        if (truncated)
        {
            messages.Add($"Only the first {clean.Length} characters were checked.");
        }

        var (speaker, quote) = SplitAttribution(clean);
        var words = QueryText.Words(quote).Select(SearchKey.ForQuote).Distinct(StringComparer.Ordinal).Take(40).ToList();
        if (words.Count == 0)
        {
            messages.Add("Paste the quote as you remember it, e.g. “Rutte said an offensive would be fatal for Russia”.");
            return new QuoteCheckResult(clean, null, speaker, [], messages);
        }

        var connection = await search.OpenAsync(ct);
        try
        {
            var configs = await languages.ConfigurationsAsync(connection, null, ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await QuoteSearch.SetLocalAsync(connection, "pg_trgm.similarity_threshold", 0.35, ct);
            var speakerIds = speaker is null ? [] : await SpeakersNamedAsync(connection, speaker, ct);
            var candidates = await CandidatesAsync(connection, words, SearchKey.ForQuote(quote), configs, ct);
            var anyWord = string.Join(" or ", words);
            var hits = await QuoteSearch.DetailsAsync(connection, [.. candidates.Select(c => (c, 0.0))], anyWord, configs, ct);
            await transaction.CommitAsync(ct);

            var speakerSlugs = speakerIds.ToHashSet(StringComparer.Ordinal);
            var matches = hits
                .Select(h =>
                {
                    bool? sameSpeaker = speaker is null ? null : h.SpeakerSlug is not null && speakerSlugs.Contains(h.SpeakerSlug);
                    var similarity = WordDiff.Similarity(quote, h.Text);
                    var ranking = similarity + (sameSpeaker == true ? 0.15 : 0);
                    return (Match: new QuoteMatch(h with { Score = similarity }, Math.Round(similarity, 2), WordDiff.Compare(quote, h.Text), sameSpeaker), Ranking: ranking);
                })
                .Where(m => m.Match.Similarity > 0)
                .OrderByDescending(m => m.Ranking)
                .ThenByDescending(m => m.Match.Statement.Id)
                .Take(5)
                .Select(m => m.Match)
                .ToList();
            if (matches.Count == 0)
            {
                messages.Add("No statement held is close to that quote. It may not have been reported in the articles imported, or it may be made up.");
            }
            else if (speaker is not null && matches[0].SpeakerMatches == false)
            {
                messages.Add($"The closest statement is not attributed to “{speaker}” in its source. Check who really said it.");
            }

            return new QuoteCheckResult(clean, quote, speaker, matches, messages);
        }
        finally
        {
            await search.CloseAsync();
        }
    }

    /// <summary>"Rutte said (that) ..." → ("Rutte", "..."); text in quote marks is the quote.</summary>
    public static (string? Speaker, string Quote) SplitAttribution(string text)
    {
        var quoted = Quoted().Match(text);
        var attribution = Attribution().Match(text);
        string? speaker = attribution.Success ? attribution.Groups["who"].Value.Trim() : null;
        var quote = quoted.Success && quoted.Groups["q"].Value.Trim().Length > 0
            ? quoted.Groups["q"].Value.Trim()
            : attribution.Success ? attribution.Groups["rest"].Value.Trim() : text;
        return (speaker, quote.Length == 0 ? text : quote);
    }

    private static async Task<List<string>> SpeakersNamedAsync(NpgsqlConnection connection, string speaker, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT p.slug FROM person_aliases a JOIN people p ON p.id = a.person_id
            WHERE a.normalised_alias = @name OR @name <% a.normalised_alias
            LIMIT 20
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("name", SearchKey.ForName(speaker)));
        var slugs = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            slugs.Add(reader.GetString(0));
        }

        return slugs;
    }

    /// <summary>Statements sharing the most words with the quote, and statements most alike letter by letter.</summary>
    private static async Task<List<long>> CandidatesAsync(NpgsqlConnection connection, List<string> words, string folded, IReadOnlyList<string> configs, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH q AS (SELECT {QuoteSearch.TsQuery(configs)} AS tsq)
            (SELECT s.statement_id FROM statement_search s CROSS JOIN q
             WHERE s.document @@ q.tsq AND {ReaderVisibility.Sql("s")}
             ORDER BY ts_rank_cd(ARRAY[0.1, 0.2, 0.4, 1.0]::real[], s.document, q.tsq, 1) DESC, s.statement_id DESC
             LIMIT 40)
            UNION
            (SELECT s.statement_id FROM statement_search s
             WHERE s.folded_text % @folded AND {ReaderVisibility.Sql("s")}
             ORDER BY similarity(s.folded_text, @folded) DESC, s.statement_id DESC
             LIMIT 20)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("q", string.Join(" or ", words)));
        command.Parameters.Add(new NpgsqlParameter<string>("folded", folded));
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    [GeneratedRegex(@"[""“«](?<q>[^""“”«»]{3,})[""”»]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\s*(?<who>[\p{L}\p{M}.'’\- ]{2,60}?)\s+(?:has |had )?(?:said|says|told|warned|claimed|stated|argued|added|insisted|urged|called|described|suggested|wrote|declared)\b(?:\s+(?:that|me|us|reporters))?[\s,:]*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();
}
