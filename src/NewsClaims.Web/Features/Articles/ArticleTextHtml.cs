using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace NewsClaims.Web.Features.Articles;

/// <summary>
/// Writes a highlighted paragraph as HTML with nothing between the runs: Razor markup would add whitespace
/// inside the article's own words. Every piece of article text is HTML-encoded; none is ever markup.
/// </summary>
/// <remarks>
/// Each highlight is a link to its statement whose details (speaker, cue, where, when) are in a visually
/// hidden span for screen readers and in <c>data-tip</c> for the hover/focus tooltip; the speaker's initials
/// (CSS <c>::before</c>, so not part of the text) are the cue besides colour.
/// </remarks>
public static class ArticleTextHtml
{
    public static IHtmlContent Paragraph(HighlightedParagraph paragraph, IUrlHelper url, Func<HighlightedStatement, QuotedSpeaker?> speakerOf)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<p data-o=\"{paragraph.Start.ToString(CultureInfo.InvariantCulture)}\">");
        foreach (var run in paragraph.Runs)
        {
            if (run.Notes.Count > 0)
            {
                var ids = string.Join(' ', run.Notes.Select(n => n.ToString(CultureInfo.InvariantCulture)));
                html.AppendHtml($"<span class=\"noted\" data-notes=\"{ids}\" title=\"{run.Notes.Count} note{(run.Notes.Count == 1 ? "" : "s")} beside this passage\">");
            }

            if (run.Statement is not { } s)
            {
                html.Append(run.Text);
                CloseNotes(html, run);
                continue;
            }

            var detail = Describe(s);
            var kind = s.Kind.ToString().ToLowerInvariant();
            var href = url.Action("Show", "Statements", new { id = s.Id }) ?? $"/statements/{s.Id}";
            var speaker = speakerOf(s);
            var colour = run.Colour is { } c ? $" speaker-{c}" : " unattributed";
            var first = run.IsFirstRunOfStatement
                ? $" id=\"s-{s.Id}\" data-who=\"{Encode(speaker?.Initials ?? "?")}\""
                : string.Empty;
            html.AppendHtml($"<a class=\"statement-link\" href=\"{Encode(href)}\" data-tip=\"{Encode($"{KindLabel(s)}: {detail}")}\">");
            html.AppendHtml($"<mark{first} class=\"{kind}{colour}\">");
            html.Append(run.Text);
            html.AppendHtml("<span class=\"visually-hidden\"> (");
            html.Append($"{KindLabel(s)}: {detail}");
            html.AppendHtml(")</span></mark></a>");
            CloseNotes(html, run);
        }

        html.AppendHtml("</p>");
        return html;
    }

    public static string KindLabel(HighlightedStatement s) => s.Kind switch
    {
        Core.Statements.StatementKind.Direct => "direct quote",
        Core.Statements.StatementKind.Indirect => "reported speech",
        _ => "mixed quote",
    };

    public static string Describe(HighlightedStatement s) =>
        string.Join(", ", new[]
        {
            s.SpeakerName ?? s.UnnamedSource ?? "speaker not identified",
            s.Cue is null ? null : $"“{s.Cue}”",
            s.Place is null ? null : $"in {s.Place}",
            s.WhenText,
        }.Where(x => x is not null));

    private static void CloseNotes(HtmlContentBuilder html, TextRun run)
    {
        if (run.Notes.Count > 0)
        {
            html.AppendHtml("</span>");
        }
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
