using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using NewsClaims.Data.Exports;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Exports;

/// <summary>
/// Statements as CSV (RFC 4180): a header row, CRLF between records, a field quoted when it holds a quote, comma,
/// line break or edge white space, quotes doubled. UTF-8 without a byte-order mark. Empty means null (the knowledge
/// base stores no empty texts). Values are written exactly as stored, never prefixed against spreadsheet formula
/// injection: a leading <c>'</c> before <c>= + - @</c> would change the words a fact-checker quotes and break the
/// round trip; open the file in a spreadsheet as text (import, column type Text) rather than double-clicking it.
/// </summary>
public static class StatementCsv
{
    public static readonly string[] Header =
    [
        "id", "url", "kind", "text", "start", "end", "speaker_id", "speaker_slug", "speaker_name", "unnamed_source", "mention_text",
        "cue", "where", "when_text", "when_date", "when_precision", "article_id", "article_title", "article_url", "outlet", "published", "reported_via",
        "status", "confidence", "extractor_version",
    ];

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create("\",\r\n");

    public static async Task WriteAsync(PipeWriter output, string origin, IAsyncEnumerable<IReadOnlyList<StatementExportRow>> batches, CancellationToken ct)
    {
        var text = new StringBuilder();
        Record(text, Header);
        await foreach (var batch in batches.WithCancellation(ct))
        {
            foreach (var s in batch)
            {
                Record(text,
                [
                    Number(s.Id), origin + SiteUrls.Statement(s.Id), KnowledgeBaseExport.Text(s.Kind), s.Text, Number(s.Start), Number(s.End),
                    s.SpeakerId is { } speaker ? Number(speaker) : null, s.SpeakerSlug, s.SpeakerName, s.UnnamedSource, s.MentionText,
                    s.CueText, s.Place, s.WhenText, s.WhenDate is { } date ? ExportJson.Date(date) : null, KnowledgeBaseExport.Text(s.WhenPrecision),
                    Number(s.ArticleId), s.ArticleTitle, s.ArticleUrl, s.Outlet, s.Published is { } published ? ExportJson.Date(published) : null, s.ReportedVia,
                    KnowledgeBaseExport.Text(s.Status), s.Confidence.ToString("R", CultureInfo.InvariantCulture), s.ExtractorVersion,
                ]);
            }

            Encode(text, output);
            await output.FlushAsync(ct);
        }

        Encode(text, output);
        await output.FlushAsync(ct);
    }

    /// <summary>Moves the text to the pipe as UTF-8 and empties it; a surrogate pair split across chunks is kept whole.</summary>
    private static void Encode(StringBuilder text, PipeWriter output)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        foreach (var chunk in text.GetChunks())
        {
            encoder.Convert(chunk.Span, output, flush: false, out _, out _);
        }

        encoder.Convert(ReadOnlySpan<char>.Empty, output, flush: true, out _, out _);
        text.Clear();
    }

    /// <summary>Appends one record and its CRLF.</summary>
    public static void Record(StringBuilder text, ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Field(text, fields[i]);
        }

        text.Append("\r\n");
    }

    private static void Field(StringBuilder text, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0 && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]))
        {
            text.Append(value);
            return;
        }

        text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
