using System.Globalization;
using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>
/// Reads a time expression at a token and resolves it against the published date: "December 19" (day; the year is
/// the one that puts the date on or shortly before publication), "19 December 2025", "Thursday", "yesterday",
/// "last month", "in 2019". Without a published date a date without a year stays unresolved: it is never guessed.
/// </summary>
internal static class DateResolver
{
    public static StatementTime? At(Document doc, int t, int end)
    {
        var published = doc.Published;
        var word = doc.Word(t);
        if (word.Length == 0 || char.IsLower(word[0]) && word[0] is not ('y' or 't' or 'l' or 'i'))
        {
            return null; // cheap exit: only capitalised words, numbers and yesterday/today/tonight/last/in start a time
        }

        if (Lexicon.Months.Contains(word) && doc.IsCapitalized(t))
        {
            var month = MonthNumber(word);
            if (t + 1 < end && doc.Tokens[t + 1].Kind == TokenKind.Number && TryDay(doc, t + 1, out var day))
            {
                var year = t + 3 < end && doc.IsPunct(t + 2, ',') && TryYear(doc, t + 3, out var y) ? y : (int?)null;
                var last = year is null ? t + 2 : t + 4;
                return Day(doc.Slice(t, last), year, month, day, published);
            }

            if (t + 1 < end && TryYear(doc, t + 1, out var y2))
            {
                return new StatementTime(doc.Slice(t, t + 2), new DateOnly(y2, month, 1), DatePrecision.Month);
            }

            return null;
        }

        if (doc.Tokens[t].Kind == TokenKind.Number && TryDay(doc, t, out var d) && t + 1 < end && Lexicon.Months.Contains(doc.Word(t + 1)) && doc.IsCapitalized(t + 1))
        {
            var month = MonthNumber(doc.Word(t + 1));
            var year = t + 2 < end && TryYear(doc, t + 2, out var y) ? y : (int?)null;
            return Day(doc.Slice(t, year is null ? t + 2 : t + 3), year, month, d, published);
        }

        if (Lexicon.Weekdays.Contains(word) && doc.IsCapitalized(t))
        {
            var text = doc.Slice(t, t + 1);
            if (published is not { } p)
            {
                return new StatementTime(text, null, DatePrecision.Day);
            }

            var target = (DayOfWeek)WeekdayNumber(word);
            var back = ((int)p.DayOfWeek - (int)target + 7) % 7;
            return new StatementTime(text, p.AddDays(-back), DatePrecision.Day);
        }

        if (doc.Is(t, "yesterday") || doc.Is(t, "today") || doc.Is(t, "tonight"))
        {
            var text = doc.Slice(t, t + 1);
            var offset = doc.Is(t, "yesterday") ? -1 : 0;
            return new StatementTime(text, published?.AddDays(offset), DatePrecision.Day);
        }

        if (doc.Is(t, "last") && t + 1 < end)
        {
            var text = doc.Slice(t, t + 2);
            if (doc.Is(t + 1, "week"))
            {
                return new StatementTime(text, null, DatePrecision.Unknown);
            }

            if (doc.Is(t + 1, "month"))
            {
                return new StatementTime(text, published is { } p ? new DateOnly(p.Year, p.Month, 1).AddMonths(-1) : null, published is null ? DatePrecision.Unknown : DatePrecision.Month);
            }

            if (doc.Is(t + 1, "year"))
            {
                return new StatementTime(text, published is { } p ? new DateOnly(p.Year - 1, 1, 1) : null, published is null ? DatePrecision.Unknown : DatePrecision.Year);
            }
        }

        if (doc.Is(t, "in") && t + 1 < end && TryYear(doc, t + 1, out var onlyYear))
        {
            return new StatementTime(doc.Slice(t + 1, t + 2), new DateOnly(onlyYear, 1, 1), DatePrecision.Year);
        }

        return null;
    }

    private static StatementTime Day(string text, int? year, int month, int day, DateOnly? published)
    {
        if (year is { } y)
        {
            return new StatementTime(text, Valid(y, month, day), DatePrecision.Day);
        }

        if (published is not { } p)
        {
            return new StatementTime(text, null, DatePrecision.Day);
        }

        // A date without a year is the latest such date not long after publication.
        var candidate = Valid(p.Year, month, day);
        if (candidate is { } c && c > p.AddDays(31))
        {
            candidate = Valid(p.Year - 1, month, day);
        }

        return new StatementTime(text, candidate, DatePrecision.Day);
    }

    private static DateOnly? Valid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static bool TryDay(Document doc, int t, out int day)
    {
        var w = doc.Word(t);
        return int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31;
    }

    private static bool TryYear(Document doc, int t, out int year)
    {
        year = 0;
        return doc.Tokens[t].Kind == TokenKind.Number && doc.Tokens[t].Length == 4
            && int.TryParse(doc.Word(t), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 2100;
    }

    private static int MonthNumber(ReadOnlySpan<char> w)
    {
        Span<char> lower = stackalloc char[3];
        w[..3].ToLowerInvariant(lower);
        return lower switch
        {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "may" => 5,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            _ => 12,
        };
    }

    private static int WeekdayNumber(ReadOnlySpan<char> w)
    {
        Span<char> lower = stackalloc char[2];
        w[..2].ToLowerInvariant(lower);
        return lower switch
        {
            "su" => 0,
            "mo" => 1,
            "tu" => 2,
            "we" => 3,
            "th" => 4,
            "fr" => 5,
            _ => 6,
        };
    }
}
