using System.Collections.Immutable;

namespace NewsClaims.Extraction.Model;

/// <summary>
/// The immutable document every stage reads: the text and what earlier stages found in it. A stage returns a
/// copy with its own layer added (<c>with</c>), so each stage can be run and tested alone.
/// </summary>
internal sealed record Document
{
    public required string Text { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>The article's title when the caller knows it; a first paragraph equal to it is the headline.</summary>
    public string? Title { get; init; }

    public ImmutableArray<Token> Tokens { get; init; } = [];

    public ImmutableArray<Paragraph> Paragraphs { get; init; } = [];

    public ImmutableArray<Sentence> Sentences { get; init; } = [];

    /// <summary>Sentence index of every token.</summary>
    public ImmutableArray<int> SentenceOf { get; init; } = [];

    public ImmutableArray<QuotePair> Quotes { get; init; } = [];

    /// <summary>For every token, the index of the outermost quotation containing it (marks included), or -1.</summary>
    public ImmutableArray<int> QuoteOf { get; init; } = [];

    public ImmutableArray<Mention> Mentions { get; init; } = [];

    public ImmutableArray<Cue> Cues { get; init; } = [];

    /// <summary>Index of the paragraph that is the headline, or -1.</summary>
    public int HeadlineParagraph { get; init; } = -1;

    public bool InQuote(int token) => (uint)token < (uint)QuoteOf.Length && QuoteOf[token] >= 0;

    public ReadOnlySpan<char> Word(int token) => Text.AsSpan(Tokens[token].Start, Tokens[token].Length);

    public bool Is(int token, string word) =>
        (uint)token < (uint)Tokens.Length && Word(token).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunct(int token, char c) =>
        (uint)token < (uint)Tokens.Length && Tokens[token].Kind == TokenKind.Punct && Text[Tokens[token].Start] == c;

    public bool IsCapitalized(int token)
    {
        if ((uint)token >= (uint)Tokens.Length || Tokens[token].Kind != TokenKind.Word)
        {
            return false;
        }

        return char.IsUpper(Text[Tokens[token].Start]);
    }

    public bool IsLower(int token) =>
        (uint)token < (uint)Tokens.Length && Tokens[token].Kind == TokenKind.Word && char.IsLower(Text[Tokens[token].Start]);

    public string Slice(int firstToken, int endToken) =>
        Text[Tokens[firstToken].Start..Tokens[endToken - 1].End];
}
