using System.Globalization;

namespace NewsClaims.Data.Import;

/// <summary>
/// Reads the plain-text article format: an optional front-matter block of <c>key: value</c> lines between
/// <c>---</c> lines (title, url, outlet, published, author, language, reported_via); without it the first
/// non-empty line is the title and the rest is the body.
/// </summary>
public static class PlainTextArticle
{
    public static ArticleSubmission Parse(string content, bool isSample = false)
    {
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = text;
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var close = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
            var closeAtEnd = text.EndsWith("\n---", StringComparison.Ordinal) ? text.Length - 4 : -1;
            var end = close >= 0 ? close : closeAtEnd;
            if (end < 0)
            {
                throw new FormatException("The front matter opened with '---' is never closed by a '---' line.");
            }

            foreach (var line in text[4..end].Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        throw new FormatException($"Front matter line '{line.Trim()}' is not 'key: value'.");
                    }

                    continue;
                }

                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"');
            }

            body = end + 5 <= text.Length ? text[(end + 5)..] : string.Empty;
        }

        var title = fields.GetValueOrDefault("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            var lines = body.Split('\n');
            var first = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
            if (first < 0)
            {
                throw new FormatException("The article has no text.");
            }

            title = lines[first].Trim();
            body = string.Join('\n', lines[(first + 1)..]);
        }

        return new ArticleSubmission(
            title,
            body,
            Url: fields.GetValueOrDefault("url"),
            Outlet: fields.GetValueOrDefault("outlet"),
            Author: fields.GetValueOrDefault("author"),
            Published: ParseDate(fields.GetValueOrDefault("published")),
            Language: fields.GetValueOrDefault("language"),
            ReportedVia: fields.GetValueOrDefault("reported_via") ?? fields.GetValueOrDefault("reportedVia"),
            IsSample: isSample);
    }

    private static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'published: {value}' is not a real date in the form YYYY-MM-DD.");
    }
}
