using System.Linq.Expressions;

namespace NewsClaims.Core.Statements;

/// <summary>
/// The one rule for what readers see of the statements held. A rejected statement never. A statement the engine
/// could not tie to a person (an unnamed source: "officials said", "some analysts") waits for an editor, since the
/// site answers who said what; once an editor confirms or corrects it, it is shown. Everything else is shown, with
/// its status (machine-extracted, awaiting review, confirmed) on the page.
/// </summary>
public static class ReaderVisibility
{
    /// <summary>The rule over the entity, for LINQ queries.</summary>
    public static readonly Expression<Func<Statement, bool>> IsShown = s =>
        s.Status != StatementStatus.Rejected
        && (s.SpeakerId != null || s.Status == StatementStatus.Confirmed || s.Status == StatementStatus.Corrected);

    /// <summary>The same rule in SQL over a row with <c>status</c> (stored in lower case) and <c>speaker_id</c>, under <paramref name="alias"/>.</summary>
    public static string Sql(string alias) =>
        $"{alias}.status <> 'rejected' AND ({alias}.speaker_id IS NOT NULL OR {alias}.status IN ('confirmed', 'corrected'))";
}
