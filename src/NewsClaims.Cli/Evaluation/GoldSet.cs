using System.Globalization;
using System.Text.Json;
using NewsClaims.Cli.Commands;

namespace NewsClaims.Cli.Evaluation;

/// <summary>A gold attribution: its content spans (code points), its source spans and the resolved speaker name.</summary>
public sealed record GoldItem(IReadOnlyList<(int Start, int End)> Spans, IReadOnlyList<(int Start, int End)> SourceSpans, string Name);

/// <summary>One gold document: text, attributions and quoted words that are not statements.</summary>
public sealed record GoldDocument(string Id, string Text, DateOnly? Published, string? Title, IReadOnlyList<GoldItem> Items, IReadOnlyList<(int Start, int End)> NotStatements);

/// <summary>Loads the gold sets score.py knows: <c>seed:PATH</c> and <c>polnear:DOCS,ATTRIBUTIONS</c>.</summary>
public static class GoldSet
{
    public static IReadOnlyList<GoldDocument> Load(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new UsageException($"--gold must be KIND:PATH, got \"{spec}\"");
        }

        var kind = spec[..colon];
        var path = spec[(colon + 1)..];
        return kind switch
        {
            "seed" => [Seed(path)],
            "polnear" => PolNear(path),
            _ => throw new UsageException($"unknown gold kind \"{kind}\" (use seed: or polnear:)"),
        };
    }

    private static GoldDocument Seed(string path)
    {
        Require(path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var file = root.GetProperty("file").GetString()!;
        var text = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, file));
        var items = root.GetProperty("statements").EnumerateArray()
            .Select(s => new GoldItem([(s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32())], [], s.GetProperty("speaker").GetString() ?? ""))
            .ToList();
        var negatives = root.GetProperty("not_statements").EnumerateArray()
            .Select(s => (s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()))
            .ToList();
        return new GoldDocument(Path.GetFileNameWithoutExtension(file), text, null, null, items, negatives);
    }

    private static List<GoldDocument> PolNear(string paths)
    {
        var parts = paths.Split(',');
        if (parts.Length != 2)
        {
            throw new UsageException("polnear: needs DOCS,ATTRIBUTIONS");
        }

        Require(parts[0]);
        Require(parts[1]);
        var docs = new Dictionary<string, (string Text, DateOnly? Published, string? Title)>();
        foreach (var line in File.ReadLines(parts[0]))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var d = json.RootElement;
            DateOnly? published = d.TryGetProperty("publication_date", out var p) && p.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(p.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            var title = d.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            docs[d.GetProperty("doc_id").GetString()!] = (d.GetProperty("text").GetString()!, published, title);
        }

        var result = new List<GoldDocument>();
        foreach (var line in File.ReadLines(parts[1]))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var a = json.RootElement;
            if (a.TryGetProperty("primary", out var primary) && primary.ValueKind == JsonValueKind.False)
            {
                continue;
            }

            var id = a.GetProperty("doc_id").GetString()!;
            var doc = docs[id];
            var items = new List<GoldItem>();
            foreach (var x in a.GetProperty("attributions").EnumerateArray())
            {
                var content = x.GetProperty("content");
                if (content.GetArrayLength() == 0)
                {
                    continue;
                }

                var spans = content.EnumerateArray().Select(c => (c[0].GetInt32(), c[1].GetInt32())).ToList();
                var sources = x.GetProperty("source").EnumerateArray().Select(c => (c[0].GetInt32(), c[1].GetInt32())).ToList();
                items.Add(new GoldItem(spans, sources, ""));
            }

            result.Add(new GoldDocument(id, doc.Text, doc.Published, doc.Title, items, []));
        }

        return result;
    }

    private static void Require(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such file");
        }
    }
}
