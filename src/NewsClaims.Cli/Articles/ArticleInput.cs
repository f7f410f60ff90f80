using System.Globalization;
using System.Text.Json;
using NewsClaims.Cli.Commands;
using NewsClaims.Extraction;

namespace NewsClaims.Cli.Articles;

/// <summary>One input article with the id it is reported under.</summary>
public sealed record ArticleInput(JsonElement Id, ArticleText Article);

/// <summary>Reads articles: JSON lines (<c>{"id","text","title"?,"published"?,"outlet"?}</c>) and plain-text files.</summary>
public static class ArticleReader
{
    /// <summary>Reads a JSON-lines file; a malformed line is bad input, reported with its line number.</summary>
    public static IEnumerable<ArticleInput> ReadJsonLines(string path, string textField = "text", string? fallbackTextField = null)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseLine(path, number, line, textField, fallbackTextField);
        }
    }

    public static ArticleInput ParseLine(string path, int number, string line, string textField = "text", string? fallbackTextField = null)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}:{number}: not valid JSON ({e.Message})");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{path}:{number}: expected a JSON object");
            }

            if (!root.TryGetProperty(textField, out var text) && (fallbackTextField is null || !root.TryGetProperty(fallbackTextField, out text)))
            {
                throw new UsageException($"{path}:{number}: missing \"{textField}\"");
            }

            if (text.ValueKind != JsonValueKind.String)
            {
                throw new UsageException($"{path}:{number}: \"{textField}\" must be a string");
            }

            var id = root.TryGetProperty("id", out var idValue) ? idValue.Clone() : JsonSerializer.SerializeToElement(number.ToString(CultureInfo.InvariantCulture));
            var published = OptionalString(root, "published", path, number);
            DateOnly? date = null;
            if (published is not null)
            {
                if (!DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    throw new UsageException($"{path}:{number}: \"published\" must be YYYY-MM-DD");
                }

                date = d;
            }

            var article = new ArticleText(text.GetString()!, OptionalString(root, "title", path, number), date, OptionalString(root, "outlet", path, number));
            return new ArticleInput(id, article);
        }
    }

    private static string? OptionalString(JsonElement root, string name, string path, int number)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new UsageException($"{path}:{number}: \"{name}\" must be a string");
    }

    /// <summary>
    /// A plain-text article. With a front-matter block (<c>---</c> lines around <c>key: value</c> lines) the text is
    /// what follows the block; without one, the first non-empty line is the title and the text is the whole file,
    /// so offsets match the file.
    /// </summary>
    public static ArticleText ReadText(string content)
    {
        var normalized = content.StartsWith('\uFEFF') ? content[1..] : content;
        if (normalized.StartsWith("---\n", StringComparison.Ordinal) || normalized.StartsWith("---\r\n", StringComparison.Ordinal))
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var position = normalized.IndexOf('\n', StringComparison.Ordinal) + 1;
            while (position < normalized.Length)
            {
                var lineEnd = normalized.IndexOf('\n', position);
                var next = lineEnd < 0 ? normalized.Length : lineEnd + 1;
                var line = normalized[position..(lineEnd < 0 ? normalized.Length : lineEnd)].TrimEnd('\r');
                position = next;
                if (line.Trim() == "---")
                {
                    var body = normalized[position..];
                    DateOnly? published = fields.TryGetValue("published", out var p)
                        && DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                    return new ArticleText(body, fields.GetValueOrDefault("title"), published, fields.GetValueOrDefault("outlet"));
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    fields[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"');
                }
            }
        }

        var title = normalized.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return new ArticleText(normalized, title);
    }
}
