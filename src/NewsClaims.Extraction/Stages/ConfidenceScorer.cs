using System.Collections.Frozen;
using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>
/// How likely a statement is right (content and speaker): the share of statements found by the same construction,
/// speaker sieve and kind that were right on labelled news text (PolNeAR train, measured with the eval command).
/// So a confidence of 0.9 means about nine in ten such statements are right; the eval command's calibration table
/// checks it. Values measured on few statements (new constructions) are smoothed as (right + 1) / (n + 2).
/// </summary>
internal static class ConfidenceScorer
{
    private const double Unknown = 0.5;

    private static readonly FrozenDictionary<string, double> Measured = new Dictionary<string, double>
    {
        ["content-subject-cue/name/direct"] = 0.96,
        ["content-subject-cue/pronoun/direct"] = 0.96,
        ["content-subject-cue/unnamed/direct"] = 0.9,
        ["content-subject-cue/description/direct"] = 0.9,
        ["content-subject-cue/name/indirect"] = 0.55,
        ["content-subject-cue/pronoun/indirect"] = 0.6,
        ["content-subject-cue/unnamed/indirect"] = 0.6,
        ["content-subject-cue/name/mixed"] = 0.76,
        ["content-subject-cue/pronoun/mixed"] = 0.83,
        ["content-subject-cue/unnamed/mixed"] = 0.67,
        ["content-cue-subject/name/direct"] = 0.9,
        ["content-cue-subject/description/direct"] = 0.9,
        ["content-cue-subject/name/mixed"] = 0.85,
        ["content-cue-subject/name/indirect"] = 0.58,
        ["content-cue-subject/unnamed/direct"] = 0.8,
        ["content-cue-subject/unnamed/indirect"] = 0.1,
        ["subject-cue/name/indirect"] = 0.71,
        ["subject-cue/name/mixed"] = 0.85,
        ["subject-cue/name/direct"] = 0.81,
        ["subject-cue/pronoun/indirect"] = 0.59,
        ["subject-cue/pronoun/mixed"] = 0.72,
        ["subject-cue/pronoun/direct"] = 0.69,
        ["subject-cue/unnamed/indirect"] = 0.52,
        ["subject-cue/unnamed/mixed"] = 0.52,
        ["subject-cue/unnamed/direct"] = 0.44,
        ["subject-cue/description/indirect"] = 0.7,
        ["parenthetical/name/direct"] = 0.87,
        ["parenthetical/pronoun/direct"] = 0.9,
        ["parenthetical/name/mixed"] = 0.9,
        ["parenthetical/pronoun/mixed"] = 0.85,
        ["parenthetical/name/indirect"] = 0.73,
        ["parenthetical/pronoun/indirect"] = 0.84,
        ["parenthetical/unnamed/indirect"] = 0.85,
        ["according-to/name/indirect"] = 0.8,
        ["according-to/unnamed/indirect"] = 0.77,
        ["according-to/name/mixed"] = 0.91,
        ["participle/name/indirect"] = 0.55,
        ["participle/name/mixed"] = 0.63,
        ["participle/name/direct"] = 0.55,
        ["participle/pronoun/indirect"] = 0.71,
        ["participle/pronoun/mixed"] = 0.8,
        ["sentence-subject/name/direct"] = 0.49,
        ["sentence-subject/pronoun/direct"] = 0.35,
        ["colon/name/direct"] = 0.53,
        ["as-cue/name/indirect"] = 0.6,
        ["noun-cue/pronoun/indirect"] = 0.29,
        ["noun-cue/name/indirect"] = 0.2,
        ["parenthetical/unnamed/direct"] = 0.67,
        ["according-to/unnamed/mixed"] = 0.79,
        ["according-to/name/direct"] = 0.77,
        ["participle/pronoun/direct"] = 0.82,
        ["quote-then-name/name/direct"] = 0.88,
        ["quote-then-name/pronoun/direct"] = 0.73,
        ["as-cue/name/direct"] = 0.91,
        ["as-cue/name/mixed"] = 0.8,
        ["as-cue/pronoun/indirect"] = 0.22,
        ["subject-cue/description/mixed"] = 0.7,
        ["content-cue-subject/unnamed/mixed"] = 0.4,
        ["coordinated/name/indirect"] = 0.42,
        ["coordinated/pronoun/indirect"] = 0.67,
        ["coordinated/pronoun/mixed"] = 0.61,
        ["actor-fragment/name/mixed"] = 0.63,
        ["actor-fragment/pronoun/mixed"] = 0.72,
        ["fragment-clause/name/mixed"] = 0.4,
        ["fragment-clause/pronoun/mixed"] = 0.41,
        ["headline-colon/name/mixed"] = 0.93,
        ["headline-colon/name/direct"] = 0.83,
        ["headline-verb/name/mixed"] = 0.89,
        ["transcript-turn/name/direct"] = 0.52,
        ["block-quote/name/direct"] = 0.64,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> MeasuredLookup =
        Measured.GetAlternateLookup<ReadOnlySpan<char>>();

    public static double Score(Candidate c, Attribution a)
    {
        if (a.Sieve == "unattributed")
        {
            return 0.05;
        }

        if (a.Sieve is "continuation" or "continued-quote")
        {
            return 0.2; // the turn's speaker is usually right, but the mention that named them is earlier
        }

        var kind = c.Kind switch { StatementKind.Direct => "direct", StatementKind.Mixed => "mixed", _ => "indirect" };
        Span<char> key = stackalloc char[c.Rule.Length + a.Sieve.Length + kind.Length + 2];
        c.Rule.CopyTo(key);
        key[c.Rule.Length] = '/';
        a.Sieve.CopyTo(key[(c.Rule.Length + 1)..]);
        key[c.Rule.Length + 1 + a.Sieve.Length] = '/';
        kind.CopyTo(key[(c.Rule.Length + a.Sieve.Length + 2)..]);
        return MeasuredLookup.TryGetValue(key, out var p) ? p : Unknown;
    }
}
