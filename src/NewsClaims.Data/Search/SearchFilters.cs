using System.Globalization;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Configurations;
using Npgsql;
using NpgsqlTypes;

namespace NewsClaims.Data.Search;

/// <summary>The validated filters of a search and the SQL they add; every value goes in as a parameter.</summary>
internal sealed class SearchFilters
{
    public static readonly IReadOnlyList<string> Kinds = [.. Enum.GetValues<StatementKind>().Select(EnumText.Of)];

    public static readonly IReadOnlyList<string> Statuses =
        [.. Enum.GetValues<StatementStatus>().Where(s => s != StatementStatus.Rejected).Select(EnumText.Of)];

    public static readonly IReadOnlyList<string> Verdicts = [.. Enum.GetValues<VerdictRating>().Select(EnumText.Of)];

    public long? PersonId { get; private set; }

    public long? OutletId { get; private set; }

    public int? Year { get; private set; }

    public string? Kind { get; private set; }

    public string? Status { get; private set; }

    public string? Verdict { get; private set; }

    public string? Language { get; private set; }

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>Parameter name → readable value, for the page's "filtered by" line and the API.</summary>
    public Dictionary<string, string> Applied { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Applied.Count == 0;

    /// <summary>Reads the filters; an unknown value is dropped with a message saying so, never an error.</summary>
    public static async Task<SearchFilters> ResolveAsync(NpgsqlConnection connection, SearchRequest request, List<string> messages, CancellationToken ct)
    {
        var filters = new SearchFilters();
        var person = Trimmed(request.Person);
        if (person is not null)
        {
            await using var command = new NpgsqlCommand("SELECT id, name FROM people WHERE slug = @slug", connection);
            command.Parameters.Add(new NpgsqlParameter<string>("slug", person.ToLowerInvariant()));
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                filters.PersonId = reader.GetInt64(0);
                filters.Applied["person"] = reader.GetString(1);
            }
            else
            {
                messages.Add($"No person is known as “{Shorten(person)}”, so that filter was left out.");
            }
        }

        var outlet = Trimmed(request.Outlet);
        if (outlet is not null)
        {
            string? name = null;
            if (long.TryParse(outlet, NumberStyles.None, CultureInfo.InvariantCulture, out var outletId))
            {
                await using var command = new NpgsqlCommand("SELECT name FROM outlets WHERE id = @id", connection);
                command.Parameters.Add(new NpgsqlParameter<long>("id", outletId));
                name = await command.ExecuteScalarAsync(ct) as string;
            }

            if (name is null)
            {
                messages.Add($"No outlet “{Shorten(outlet)}” is known, so that filter was left out.");
            }
            else
            {
                filters.OutletId = outletId;
                filters.Applied["outlet"] = name;
            }
        }

        var year = Trimmed(request.Year);
        if (year is not null)
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 9999)
            {
                filters.Year = y;
                filters.Applied["year"] = y.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                messages.Add($"“{Shorten(year)}” is not a year, so that filter was left out.");
            }
        }

        filters.Kind = OneOf(request.Kind, Kinds, "kind", "kind of statement", filters.Applied, messages);
        filters.Status = OneOf(request.Status, Statuses, "status", "review status", filters.Applied, messages);
        filters.Verdict = OneOf(request.Verdict, Verdicts, "verdict", "verdict", filters.Applied, messages);
        filters.Language = OneOf(request.Language, [.. SearchSchema.Configurations.Keys], "lang", "language", filters.Applied, messages);
        filters.From = Date(request.From, "from", filters.Applied, messages);
        filters.To = Date(request.To, "to", filters.Applied, messages);
        if (filters.From > filters.To)
        {
            messages.Add("The date range ends before it starts, so no statement can match; check the dates.");
        }

        return filters;
    }

    /// <summary>SQL conditions on <c>statement_search s</c>, each starting with AND.</summary>
    public string Sql()
    {
        var sql = " AND " + ReaderVisibility.Sql("s");
        if (PersonId is not null)
        {
            sql += " AND s.speaker_id = @f_person";
        }

        if (OutletId is not null)
        {
            sql += " AND s.outlet_id = @f_outlet";
        }

        if (Year is not null)
        {
            sql += " AND s.year = @f_year";
        }

        if (Kind is not null)
        {
            sql += " AND s.kind = @f_kind";
        }

        if (Status is not null)
        {
            sql += " AND s.status = @f_status";
        }

        if (Language is not null)
        {
            sql += " AND s.language = @f_lang";
        }

        if (From is not null)
        {
            sql += " AND s.published_on >= @f_from";
        }

        if (To is not null)
        {
            sql += " AND s.published_on <= @f_to";
        }

        if (Verdict is not null)
        {
            sql += " AND @f_verdict = ANY (s.verdicts)";
        }

        return sql;
    }

    public void Bind(NpgsqlParameterCollection parameters)
    {
        if (PersonId is { } person)
        {
            parameters.Add(new NpgsqlParameter<long>("f_person", person));
        }

        if (OutletId is { } outlet)
        {
            parameters.Add(new NpgsqlParameter<long>("f_outlet", outlet));
        }

        if (Year is { } year)
        {
            parameters.Add(new NpgsqlParameter<int>("f_year", year));
        }

        AddText(parameters, "f_kind", Kind);
        AddText(parameters, "f_status", Status);
        AddText(parameters, "f_lang", Language);
        AddText(parameters, "f_verdict", Verdict);
        if (From is { } from)
        {
            parameters.Add(new NpgsqlParameter<DateOnly>("f_from", from) { NpgsqlDbType = NpgsqlDbType.Date });
        }

        if (To is { } to)
        {
            parameters.Add(new NpgsqlParameter<DateOnly>("f_to", to) { NpgsqlDbType = NpgsqlDbType.Date });
        }
    }

    private static void AddText(NpgsqlParameterCollection parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new NpgsqlParameter<string>(name, value));
        }
    }

    private static string? OneOf(string? raw, IReadOnlyList<string> allowed, string parameter, string what, Dictionary<string, string> applied, List<string> messages)
    {
        var clean = Trimmed(raw);
        var value = clean?.ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        if (clean is null || value is null)
        {
            return null;
        }

        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            applied[parameter] = value.Replace('_', ' ');
            return value;
        }

        messages.Add($"“{Shorten(clean)}” is not a {what} (one of: {string.Join(", ", allowed)}), so that filter was left out.");
        return null;
    }

    private static DateOnly? Date(string? raw, string parameter, Dictionary<string, string> applied, List<string> messages)
    {
        var value = Trimmed(raw);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            applied[parameter] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return date;
        }

        messages.Add($"“{Shorten(value)}” is not a date like 2025-12-19, so that filter was left out.");
        return null;
    }

    private static string? Trimmed(string? value)
    {
        var (clean, _) = QueryText.Clean(value, 100);
        return clean.Length == 0 ? null : clean;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
