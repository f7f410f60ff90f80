using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsClaims.Data.Import;

/// <summary>
/// Reads articles from files and folders: <c>.txt</c> (optional front matter), <c>.html</c>/<c>.htm</c>,
/// <c>.json</c> (one article object or an array of them) and <c>.jsonl</c>/<c>.ndjson</c> (one per line, streamed).
/// Every problem becomes an item naming the file (and line) and what is wrong; reading goes on with the next item.
/// </summary>
public static class ArticleFiles
{
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The files named, folders expanded recursively to their article files (sorted, so runs are repeatable).
    /// A named file is kept whatever its extension, so that an unsupported one is reported rather than ignored.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => IsArticleFile(f) && !f.EndsWith(".gold.json", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"{path}: no such file or folder", path);
            }
        }

        return files;
    }

    public static bool IsArticleFile(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>How many articles a file holds, cheaply (JSON lines are counted, not parsed): for progress and ETA.</summary>
    public static long Count(string file)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension is not (".jsonl" or ".ndjson"))
        {
            return 1;
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long lines = 0;
            var lineHasContent = false;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                foreach (var b in buffer.AsSpan(0, read))
                {
                    if (b == (byte)'\n')
                    {
                        lines += lineHasContent ? 1 : 0;
                        lineHasContent = false;
                    }
                    else if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t'))
                    {
                        lineHasContent = true;
                    }
                }
            }

            return lines + (lineHasContent ? 1 : 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The articles in one file, streamed.</summary>
    public static IEnumerable<ImportItem> Read(string file, ImportOptions options)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        return extension switch
        {
            ".jsonl" or ".ndjson" => ReadJsonLines(file, options),
            ".txt" or ".html" or ".htm" or ".json" => ReadWhole(file, extension, options),
            _ => [ImportItem.Unreadable(file, $"unsupported file type '{extension}': use .txt, .html, .json or .jsonl")],
        };
    }

    /// <summary>Reads one uploaded or saved file from its bytes; <paramref name="name"/> decides the format.</summary>
    public static IEnumerable<ImportItem> Read(string name, byte[] content, ImportOptions options)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (content.LongLength > options.MaxInputBytes)
        {
            return [ImportItem.Unreadable(name, TooLarge(content.LongLength, options))];
        }

        return extension switch
        {
            ".jsonl" or ".ndjson" => ReadJsonLines(name, new MemoryStream(content, writable: false), options),
            ".txt" or ".html" or ".htm" or ".json" => FromBytes(name, extension, content),
            _ => [ImportItem.Unreadable(name, $"unsupported file type '{extension}': use .txt, .html, .json or .jsonl")],
        };
    }

    /// <summary>
    /// Decodes UTF-8 text, refusing what is not text: invalid UTF-8 (the byte offset is named) or binary data.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string problem)
    {
        text = string.Empty;
        if (LooksBinary(bytes))
        {
            problem = "this is binary data, not text";
            return false;
        }

        try
        {
            text = StrictUtf8.GetString(bytes);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            problem = string.Empty;
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            problem = ex.Index >= 0
                ? string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 text (bad byte at offset {ex.Index}); save the file as UTF-8")
                : "not valid UTF-8 text; save the file as UTF-8";
            return false;
        }
    }

    /// <summary>NUL bytes never occur in text; neither do many other control bytes.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                controls++;
            }
        }

        return sample.Length > 0 && controls * 20 > sample.Length;
    }

    private static IEnumerable<ImportItem> ReadWhole(string file, string extension, ImportOptions options)
    {
        var length = new FileInfo(file).Length;
        if (length > options.MaxInputBytes)
        {
            return [ImportItem.Unreadable(file, TooLarge(length, options))];
        }

        return FromBytes(file, extension, File.ReadAllBytes(file));
    }

    private static IEnumerable<ImportItem> FromBytes(string origin, string extension, byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return [ImportItem.Unreadable(origin, "the file is empty")];
        }

        if (extension is ".html" or ".htm")
        {
            if (LooksBinary(bytes))
            {
                return [ImportItem.Unreadable(origin, "this is binary data, not an HTML page")];
            }

            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                return [ImportItem.Of(origin, HtmlArticle.Parse(stream, pageUrl: null))];
            }
            catch (FormatException ex)
            {
                return [ImportItem.Unreadable(origin, ex.Message)];
            }
        }

        if (!TryDecode(bytes, out var text, out var problem))
        {
            return [ImportItem.Unreadable(origin, problem)];
        }

        if (extension == ".txt")
        {
            try
            {
                return [ImportItem.Of(origin, PlainTextArticle.Parse(text))];
            }
            catch (FormatException ex)
            {
                return [ImportItem.Unreadable(origin, ex.Message)];
            }
        }

        return ReadJsonDocument(origin, bytes);
    }

    private static IEnumerable<ImportItem> ReadJsonDocument(string origin, byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return [ImportItem.Unreadable(origin, $"not valid JSON: {JsonArticle.FirstSentence(ex.Message)}")];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return [JsonArticle.Read(root, origin)];
            }

            return [.. root.EnumerateArray().Select((element, i) => JsonArticle.Read(element, $"{origin}[{i}]"))];
        }
    }

    private static IEnumerable<ImportItem> ReadJsonLines(string file, ImportOptions options)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        foreach (var item in ReadJsonLines(file, stream, options))
        {
            yield return item;
        }
    }

    private static IEnumerable<ImportItem> ReadJsonLines(string name, Stream stream, ImportOptions options)
    {
        foreach (var (number, line, length) in Utf8Lines(stream, options.MaxInputBytes))
        {
            var origin = $"{name}:{number}";
            if (line is null)
            {
                yield return ImportItem.Unreadable(origin, TooLarge(length, options));
                continue;
            }

            if (line.AsSpan().IndexOfAnyExcept(" \t\r"u8) < 0)
            {
                continue;
            }

            yield return LooksBinary(line)
                ? ImportItem.Unreadable(origin, "this line is binary data, not JSON")
                : JsonArticle.Parse(line, origin);
        }
    }

    /// <summary>
    /// Splits a stream into lines of bytes (number from 1), without decoding them, so a bad line spoils only
    /// itself. A line longer than <paramref name="maxLine"/> is skipped unread: null, with its length.
    /// </summary>
    private static IEnumerable<(int Number, byte[]? Line, long Length)> Utf8Lines(Stream stream, long maxLine)
    {
        var buffer = new byte[1 << 16];
        var current = new ArrayBufferWriter<byte>(1 << 12);
        long length = 0;
        var number = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var offset = 0;
            while (offset < read)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', offset, read - offset);
                var end = newline < 0 ? read : newline;
                length += end - offset;
                if (length <= maxLine)
                {
                    current.Write(buffer.AsSpan(offset, end - offset));
                }

                if (newline < 0)
                {
                    break;
                }

                number++;
                yield return (number, length <= maxLine ? current.WrittenSpan.ToArray() : null, length);
                current.ResetWrittenCount();
                length = 0;
                offset = newline + 1;
            }
        }

        if (length > 0)
        {
            number++;
            yield return (number, length <= maxLine ? current.WrittenSpan.ToArray() : null, length);
        }
    }

    private static string TooLarge(long bytes, ImportOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"{Megabytes(bytes)} is far over the {Megabytes(options.MaxBodyBytes)} limit for one article; nothing of it was read");

    internal static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} kB");
}
