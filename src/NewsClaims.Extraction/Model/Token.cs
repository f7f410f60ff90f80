namespace NewsClaims.Extraction.Model;

internal enum TokenKind : byte
{
    Word,
    Number,
    Punct,
    Quote,
    Possessive,
}

/// <summary>One token: UTF-16 offsets into the text, its kind and the paragraph it belongs to.</summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, int Paragraph)
{
    public int Length => End - Start;
}

internal readonly record struct Paragraph(int Start, int End, int FirstToken, int EndToken);

/// <summary>Tokens [FirstToken, EndToken) of one sentence; a closed quotation never straddles two sentences.</summary>
internal readonly record struct Sentence(int FirstToken, int EndToken, int Paragraph);

internal enum QuoteFamily : byte
{
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
}

/// <summary>
/// A pair of matching quote marks. Content is the text between the marks. <see cref="Closed"/> is false when the
/// paragraph ended first (a quotation that runs on into the next paragraph, or an unbalanced mark).
/// </summary>
internal readonly record struct QuotePair(
    int OpenToken,
    int CloseToken,
    int ContentStart,
    int ContentEnd,
    QuoteFamily Family,
    int Depth,
    bool Closed,
    bool ContinuesPrevious);

internal enum MentionKind : byte
{
    Name,
    Pronoun,
    Description,
    Group,
}

/// <summary>A way the text refers to someone: a name (with the role stated beside it), a pronoun, a description.</summary>
internal sealed record Mention(int FirstToken, int EndToken, int Start, int End, MentionKind Kind, string Surface, string? Role, bool PersonLike);

internal enum CueClass : byte
{
    /// <summary>say, argue, warn: takes a clause.</summary>
    Speech,

    /// <summary>tell, urge, ask, assure: takes a hearer before the clause.</summary>
    Tell,

    /// <summary>describe, call, frame, characterize: "X as Y".</summary>
    Characterize,

    /// <summary>think, believe, expect, want: a stance rather than speech.</summary>
    Belief,

    /// <summary>insistence, claim, warning: a noun that takes a that-clause.</summary>
    Noun,

    /// <summary>"according to".</summary>
    AccordingTo,
}

internal enum CueForm : byte
{
    Finite,
    Participle,
    PastParticiple,
    Base,
}

internal readonly record struct CueEntry(string Lemma, CueClass Class, CueForm Form);

/// <summary>A reporting word in the text (token range) and what kind of reporting it does.</summary>
internal readonly record struct Cue(int FirstToken, int EndToken, CueEntry Entry);
