using System.Globalization;
using System.Text.Json;
using NewsClaims.Extraction;

namespace NewsClaims.Cli.Articles;

/// <summary>Writes an extraction result in the JSON shape of the extract contract (camelCase).</summary>
public static class ExtractionJson
{
    public static void Write(Utf8JsonWriter w, JsonElement id, ExtractionResult result, bool explain = false)
    {
        w.WriteStartObject();
        w.WritePropertyName("id");
        id.WriteTo(w);
        w.WriteStartArray("statements");
        foreach (var s in result.Statements)
        {
            w.WriteStartObject();
            w.WriteString("kind", s.Kind switch { StatementKind.Direct => "direct", StatementKind.Mixed => "mixed", _ => "indirect" });
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteString("text", s.Text);
            if (s.SpeakerIndex is null && s.SpeakerMention is null)
            {
                w.WriteNull("speaker");
            }
            else
            {
                w.WriteStartObject("speaker");
                if (s.SpeakerIndex is { } i)
                {
                    w.WriteString("name", result.Speakers[i].Name);
                }
                else
                {
                    w.WriteNull("name");
                }

                w.WritePropertyName("mention");
                WriteSpan(w, s.SpeakerMention);
                w.WriteEndObject();
            }

            w.WritePropertyName("cue");
            WriteSpan(w, s.Cue);
            w.WriteString("where", s.Place);
            if (s.When is { } when)
            {
                w.WriteStartObject("when");
                w.WriteString("text", when.Text);
                w.WriteString("date", when.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteString("precision", when.Precision.ToString().ToLowerInvariant());
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("when");
            }

            w.WriteNumber("confidence", s.Confidence);
            if (explain)
            {
                w.WriteString("rule", s.Rule);
                w.WriteString("source", s.UnnamedSource);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (result.ReportedVia.Count > 0)
        {
            w.WriteStartArray("reportedVia");
            foreach (var r in result.ReportedVia)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Name);
                w.WriteNumber("start", r.Span.Start);
                w.WriteNumber("end", r.Span.End);
                w.WriteStartArray("statements");
                foreach (var index in r.Statements)
                {
                    w.WriteNumberValue(index);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter w, TextSpan? span)
    {
        if (span is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteNumber("start", span.Start);
        w.WriteNumber("end", span.End);
        w.WriteString("text", span.Text);
        w.WriteEndObject();
    }
}
