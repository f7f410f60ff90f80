using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace NewsClaims.Web.Features.Articles;

/// <summary>
/// Writes a highlighted paragraph as HTML with nothing between the runs: Razor markup would add whitespace
/// inside the article's own words. Every piece of article text is HTML-encoded; none is ever markup.
/// </summary>
public static class ArticleTextHtml
{
    public static IHtmlContent Paragraph(HighlightedParagraph paragraph, IUrlHelper url)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml("<p>");
        foreach (var run in paragraph.Runs)
        {
            if (run.Statement is not { } s)
            {
                html.Append(run.Text);
                continue;
            }

            var detail = Describe(s);
            var href = url.Action("Show", "Statements", new { id = s.Id });
            var id = run.IsFirstRunOfStatement ? $" id=\"s-{s.Id}\"" : string.Empty;
            var kind = s.Kind.ToString().ToLowerInvariant();
            var colour = run.Colour is { } c ? $" speaker-{c}" : string.Empty;
            html.AppendHtml($"<a class=\"statement-link\" href=\"{HtmlEncoder.Default.Encode(href ?? "#")}\" title=\"{HtmlEncoder.Default.Encode(detail)}\">");
            html.AppendHtml($"<mark{id} class=\"{kind}{colour}\">");
            html.Append(run.Text);
            html.AppendHtml("<span class=\"visually-hidden\"> (");
            html.Append($"{kind} statement: {detail}");
            html.AppendHtml(")</span></mark></a>");
        }

        html.AppendHtml("</p>");
        return html;
    }

    private static string Describe(HighlightedStatement s) =>
        string.Join(", ", new[]
        {
            s.SpeakerName ?? s.UnnamedSource ?? "speaker not identified",
            s.Cue is null ? null : $"“{s.Cue}”",
            s.Place is null ? null : $"in {s.Place}",
            s.WhenText,
        }.Where(x => x is not null));
}
