using System.IO.Pipelines;
using System.Text.Json;
using NewsClaims.Data.Exports;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Exports;

/// <summary>
/// A statement as one JSON line, shaped like the extraction contract's statements (kind, start, end, text, speaker
/// with its mention, cue, where, when, confidence) plus what the knowledge base adds: ids, article, the second-hand
/// source it was reported through, review status, links.
/// </summary>
public static class StatementLines
{
    public static Task WriteAsync(PipeWriter output, string origin, IAsyncEnumerable<IReadOnlyList<StatementExportRow>> batches, CancellationToken ct) =>
        ExportJson.WriteLinesAsync(output, batches, (json, s) => Write(json, origin, s), ct);

    private static void Write(Utf8JsonWriter json, string origin, StatementExportRow s)
    {
        json.WriteStartObject();
        json.WriteNumber("id", s.Id);
        json.WriteString("url", origin + SiteUrls.Statement(s.Id));
        json.WriteString("kind", KnowledgeBaseExport.Text(s.Kind));
        json.WriteString("text", s.Text);
        json.WriteNumber("start", s.Start);
        json.WriteNumber("end", s.End);
        if (s.SpeakerId is { } speakerId)
        {
            json.WriteStartObject("speaker");
            json.WriteNumber("id", speakerId);
            json.WriteOptional("slug", s.SpeakerSlug);
            json.WriteOptional("name", s.SpeakerName);
            json.WriteOptional("url", s.SpeakerSlug is null ? null : origin + SiteUrls.Person(s.SpeakerSlug));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("speaker");
        }

        json.WriteOptional("unnamedSource", s.UnnamedSource);
        WriteSpan(json, "mention", s.MentionStart, s.MentionEnd, s.MentionText);
        WriteSpan(json, "cue", s.CueStart, s.CueEnd, s.CueText);
        json.WriteOptional("where", s.Place);
        if (s.WhenText is null && s.WhenDate is null)
        {
            json.WriteNull("when");
        }
        else
        {
            json.WriteStartObject("when");
            json.WriteOptional("text", s.WhenText);
            json.WriteOptional("date", s.WhenDate);
            json.WriteString("precision", KnowledgeBaseExport.Text(s.WhenPrecision));
            json.WriteEndObject();
        }

        json.WriteStartObject("article");
        json.WriteNumber("id", s.ArticleId);
        json.WriteString("title", s.ArticleTitle);
        json.WriteOptional("url", s.ArticleUrl);
        json.WriteString("page", origin + SiteUrls.Article(s.ArticleId));
        json.WriteOptional("outlet", s.Outlet);
        json.WriteOptional("published", s.Published);
        json.WriteEndObject();
        json.WriteOptional("reportedVia", s.ReportedVia);
        json.WriteString("status", KnowledgeBaseExport.Text(s.Status));
        json.WriteNumber("confidence", s.Confidence);
        json.WriteOptional("extractorVersion", s.ExtractorVersion);
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, string name, int? start, int? end, string? text)
    {
        if (text is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteOptional("start", start);
        json.WriteOptional("end", end);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
