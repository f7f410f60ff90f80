using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace NewsClaims.Web.Features.Shared;

/// <summary>
/// Editors write notes in Markdown. Markdig renders it with raw HTML disabled (written as text), and HtmlSanitizer
/// then keeps only a small set of tags, attributes and link schemes: no script, style, iframe, event handler or
/// <c>javascript:</c> link can reach a page, whatever the note says.
/// </summary>
public static class NoteMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static IHtmlContent ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return new HtmlString(Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "hr"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "title"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer ugc");
            }
        };
        return sanitizer;
    }
}
