using System.IO.Pipelines;
using System.Text.Json;
using NewsClaims.Data.Exports;

namespace NewsClaims.Web.Features.Exports;

/// <summary>Every claim as one JSON-LD document, <c>{"@context": "https://schema.org", "@graph": [...]}</c>, a node per claim from <see cref="ClaimReviewJsonLd"/>.</summary>
public static class ClaimGraph
{
    public static async Task WriteAsync(PipeWriter output, string origin, IAsyncEnumerable<IReadOnlyList<ClaimExportRow>> batches, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, ExportJson.Options);
        json.WriteStartObject();
        json.WriteString("@context", ClaimReviewJsonLd.Context);
        json.WriteStartArray("@graph");
        await foreach (var batch in batches.WithCancellation(ct))
        {
            foreach (var c in batch)
            {
                ClaimReviewJsonLd.For(
                        origin, c.Id, c.Text, c.Verdict, c.Explanation, c.RatedAt,
                        c.Statements.Select(s => new ClaimAppearance(s.StatementId, s.Text, s.SpeakerName, s.SpeakerSlug, s.ArticleId, s.ArticleTitle, s.ArticleUrl, s.Outlet, s.Published)),
                        withContext: false)
                    .WriteTo(json);
            }

            await json.FlushAsync(ct);
            await output.FlushAsync(ct);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        await output.FlushAsync(ct);
    }
}
