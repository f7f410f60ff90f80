using NewsClaims.Data.Import;

namespace NewsClaims.UnitTests.Import;

public class HtmlTextTests
{
    [Fact]
    public void Should_keep_paragraphs_and_line_breaks_and_collapse_white_space()
    {
        var text = HtmlText.ToText("<div><p>First   line\n of the\tfirst paragraph.</p><p>Second<br>line two</p>Tail <b>bold</b> text</div>");

        Assert.Equal("First line of the first paragraph.\n\nSecond\nline two\n\nTail bold text", text);
    }

    [Fact]
    public void Should_drop_scripts_styles_frames_forms_and_hidden_elements_with_their_content()
    {
        var text = HtmlText.ToText("<p>Kept.</p><script>alert('x')</script><style>p{}</style><iframe src=x>frame</iframe><form><input value=v><button>Go</button></form><p hidden>secret</p><noscript>no js</noscript><template><p>t</p></template>");

        Assert.Equal("Kept.", text);
    }

    [Fact]
    public void Should_drop_page_furniture_only_when_asked()
    {
        const string html = "<nav>Home</nav><p class=\"byline\">By A. Writer</p><p>The story.</p><aside>Advert</aside><div id=\"cookie-banner\">Cookies</div>";

        Assert.Equal("The story.", HtmlText.ToText(html, dropFurniture: true));
        Assert.Contains("By A. Writer", HtmlText.ToText(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_decode_entities_and_turn_no_break_spaces_into_spaces()
    {
        Assert.Equal("Caf\u00e9 & \u201cquotes\u201d 5 km", HtmlText.ToText("<p>Caf&eacute; &amp; &ldquo;quotes&rdquo; 5&nbsp;km</p>"));
    }

    [Theory]
    [InlineData("<p>Text</p>", true)]
    [InlineData("Line<br/>break", true)]
    [InlineData("<SCRIPT src=x></SCRIPT>", true)]
    [InlineData("Prices rose 3 < 5 percent and > 2 percent", false)]
    [InlineData("The <unknown> tag and a<b comparison", false)]
    public void Should_tell_markup_from_a_less_than_sign(string text, bool isHtml)
    {
        Assert.Equal(isHtml, HtmlText.LooksLikeHtml(text));
    }
}
