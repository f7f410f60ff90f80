using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>
/// How likely a statement is right (content and speaker), from the rule that found it and how its speaker was
/// identified. The figures are the precision each construction reaches on labelled news text (see the eval command's
/// calibration table), so a confidence of 0.9 means about nine in ten such statements are right.
/// </summary>
internal static class ConfidenceScorer
{
    public static double Score(Candidate c, Attribution a)
    {
        var p = c.Rule switch
        {
            "content-subject-cue" => 0.9,
            "content-cue-subject" => 0.9,
            "parenthetical" => 0.85,
            "subject-cue" => 0.75,
            "as-cue" => 0.8,
            "according-to" => 0.75,
            "participle" => 0.6,
            "noun-cue" => 0.6,
            "colon" => 0.75,
            "continued-quote" => 0.7,
            "continuation" => 0.5,
            _ => 0.3,
        };

        if (c.Kind == StatementKind.Direct && c.HasSource)
        {
            p += 0.05;
        }

        if (c.CueClass is CueClass.Belief or CueClass.Characterize)
        {
            p -= 0.1;
        }

        if (a.Sieve == "unattributed")
        {
            p = Math.Min(p, 0.3);
        }

        return Math.Round(Math.Clamp(p, 0.05, 0.99), 2);
    }
}
