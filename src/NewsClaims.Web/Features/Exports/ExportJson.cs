using System.Buffers;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace NewsClaims.Web.Features.Exports;

/// <summary>What the JSON exports share: readable non-Latin text, and one-object-a-line output that is flushed a batch at a time.</summary>
internal static class ExportJson
{
    /// <summary>Letters in every script stay as they are; only characters unsafe in HTML are escaped.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes each row as one line of JSON; the pipe is flushed to the client after every batch.</summary>
    public static async Task WriteLinesAsync<T>(PipeWriter output, IAsyncEnumerable<IReadOnlyList<T>> batches, Action<Utf8JsonWriter, T> write, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, Options);
        await foreach (var batch in batches.WithCancellation(ct))
        {
            foreach (var row in batch)
            {
                write(json, row);
                json.Flush();
                output.Write("\n"u8);
                json.Reset();
            }

            await output.FlushAsync(ct);
        }
    }

    public static void WriteOptional(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    public static void WriteOptional(this Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void WriteOptional(this Utf8JsonWriter json, string name, DateOnly? value) => json.WriteOptional(name, value is { } date ? Date(date) : null);
}
