using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsClaims.Data.Import;

/// <summary>
/// HTML to plain text with its paragraphs kept: block elements become paragraphs separated by a blank line,
/// <c>&lt;br&gt;</c> a line break, and scripts, styles, frames, forms and embedded objects disappear with their
/// content. Nothing of the markup survives, so nothing of it can be stored or rendered.
/// </summary>
public static partial class HtmlText
{
    // Elements whose content is never article text.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "noscript", "template", "svg", "math", "object", "embed",
        "canvas", "video", "audio", "picture", "img", "form", "button", "select", "textarea", "input", "head", "link", "meta",
    };

    // Page furniture, dropped when a whole page is read without a main-text extractor.
    private static readonly HashSet<string> Furniture = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "aside", "menu", "dialog",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
        "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "address", "details", "summary", "fieldset", "legend", "center", "body", "html", "nav", "header", "footer", "aside",
    };

    /// <summary>True when <paramref name="text"/> carries HTML markup rather than merely a '&lt;' sign.</summary>
    public static bool LooksLikeHtml(string text) => MarkupPattern().IsMatch(text);

    /// <summary>The text of an HTML fragment or document.</summary>
    public static string ToText(string html, bool dropFurniture = false) =>
        ToText(new HtmlParser().ParseDocument(html).Body ?? throw new FormatException("The HTML has no body."), dropFurniture);

    /// <summary>The text under <paramref name="root"/>, one paragraph per block element.</summary>
    public static string ToText(INode root, bool dropFurniture)
    {
        ArgumentNullException.ThrowIfNull(root);
        var writer = new ParagraphWriter();
        Walk(root, writer, dropFurniture);
        return writer.ToString();
    }

    private static void Walk(INode node, ParagraphWriter writer, bool dropFurniture)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Append(text.Data);
                    break;
                case IElement element:
                    var name = element.LocalName;
                    if (Dropped.Contains(name) || element.HasAttribute("hidden") || (dropFurniture && IsFurniture(element)))
                    {
                        break;
                    }

                    if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                    {
                        writer.LineBreak();
                        break;
                    }

                    var block = Blocks.Contains(name);
                    if (block)
                    {
                        writer.ParagraphBreak();
                    }

                    Walk(element, writer, dropFurniture);
                    if (block)
                    {
                        writer.ParagraphBreak();
                    }

                    break;
            }
        }
    }

    /// <summary>Navigation, bylines, share buttons, cookie banners, adverts, captions: around an article, not in it.</summary>
    private static bool IsFurniture(IElement element) =>
        Furniture.Contains(element.LocalName)
        || element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary"
        || (element.ClassName is { Length: > 0 } classes && FurniturePattern().IsMatch(classes))
        || (element.Id is { Length: > 0 } id && FurniturePattern().IsMatch(id));

    [GeneratedRegex(@"(^|[\s_-])(byline|author|dateline|share|sharing|social|related|promo|newsletter|subscribe|comments?|cookies?|consent|banner|advert|ads?|sponsor|caption|breadcrumbs?|toolbar|tags)([\s_-]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurniturePattern();

    [GeneratedRegex(@"<\s*/?\s*(p|br|div|span|a|b|i|u|em|strong|h[1-6]|ul|ol|li|table|tr|td|script|style|iframe|html|body|head|article|section|blockquote|img|meta|link|noscript|object|embed|svg)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkupPattern();

    /// <summary>Collects text as HTML renders it: runs of white space are one space, blocks are paragraphs.</summary>
    private sealed class ParagraphWriter
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _line = new();
        private bool _pendingSpace;
        private int _pendingBreaks;

        public void Append(string data)
        {
            foreach (var raw in data)
            {
                var c = raw == '\u00A0' ? ' ' : raw;
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    _pendingSpace = _line.Length > 0;
                    continue;
                }

                if (_line.Length == 0 && _pendingBreaks > 0 && _text.Length > 0)
                {
                    _text.Append(_pendingBreaks > 1 ? "\n\n" : "\n");
                }

                if (_line.Length == 0)
                {
                    _pendingBreaks = 0;
                }
                else if (_pendingSpace)
                {
                    _line.Append(' ');
                }

                _pendingSpace = false;
                _line.Append(c);
            }
        }

        public void LineBreak() => Break(1);

        public void ParagraphBreak() => Break(2);

        public override string ToString()
        {
            Flush();
            return _text.ToString();
        }

        private void Break(int breaks)
        {
            Flush();
            _pendingBreaks = Math.Max(_pendingBreaks, breaks);
            _pendingSpace = false;
        }

        private void Flush()
        {
            if (_line.Length > 0)
            {
                _text.Append(_line);
                _line.Clear();
            }
        }
    }
}
