using System.IO.Pipelines;
using System.Text.Json;
using NewsClaims.Data.Exports;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Exports;

/// <summary>A person as one JSON line: names, roles, Wikidata id, how many statements the export's scope holds, and the slugs and ids merged into them.</summary>
public static class PersonLines
{
    public static Task WriteAsync(PipeWriter output, string origin, IAsyncEnumerable<IReadOnlyList<PersonExportRow>> batches, CancellationToken ct) =>
        ExportJson.WriteLinesAsync(output, batches, (json, p) => Write(json, origin, p), ct);

    private static void Write(Utf8JsonWriter json, string origin, PersonExportRow p)
    {
        json.WriteStartObject();
        json.WriteNumber("id", p.Id);
        json.WriteString("slug", p.Slug);
        json.WriteString("name", p.Name);
        json.WriteString("url", origin + SiteUrls.Person(p.Slug));
        json.WriteOptional("description", p.Description);
        json.WriteOptional("wikidataId", p.WikidataId);
        json.WriteBoolean("needsReview", p.NeedsReview);
        json.WriteStartArray("aliases");
        foreach (var alias in p.Aliases)
        {
            json.WriteStringValue(alias);
        }

        json.WriteEndArray();
        json.WriteStartArray("roles");
        foreach (var role in p.Roles)
        {
            json.WriteStartObject();
            json.WriteString("title", role.Title);
            json.WriteOptional("organisation", role.Organisation);
            json.WriteOptional("started", role.StartedOn);
            json.WriteOptional("ended", role.EndedOn);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("statementCount", p.Statements);
        json.WriteStartArray("formerSlugs");
        foreach (var slug in p.FormerSlugs)
        {
            json.WriteStringValue(slug);
        }

        json.WriteEndArray();
        json.WriteStartArray("mergedIds");
        foreach (var id in p.MergedIds)
        {
            json.WriteNumberValue(id);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
