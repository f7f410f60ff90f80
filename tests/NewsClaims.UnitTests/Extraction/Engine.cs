using NewsClaims.Extraction;

namespace NewsClaims.UnitTests.Extraction;

/// <summary>Runs the engine on invented text and finds statements by their content.</summary>
internal static class Engine
{
    private static readonly StatementExtractor Extractor = new();

    public static ExtractionResult Run(string text, DateOnly? published = null) =>
        Extractor.Extract(new ArticleText(text, Published: published));

    public static ExtractedStatement Statement(this ExtractionResult result, string contentStart)
    {
        var found = result.Statements.FirstOrDefault(s => s.Text.StartsWith(contentStart, StringComparison.Ordinal));
        Assert.True(found is not null, $"no statement starting with \"{contentStart}\"; found: {string.Join(" | ", result.Statements.Select(s => s.Text))}");
        return found!;
    }

    public static string? SpeakerName(this ExtractionResult result, ExtractedStatement statement) =>
        statement.SpeakerIndex is { } i ? result.Speakers[i].Name : null;
}
