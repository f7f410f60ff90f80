namespace NewsClaims.Extraction;

public sealed record ExtractionResult(
    IReadOnlyList<ExtractedStatement> Statements,
    IReadOnlyList<ExtractedSpeaker> Speakers,
    IReadOnlyList<ReportedSource> ReportedVia)
{
    public static ExtractionResult Empty { get; } = new([], [], []);
}

public enum StatementKind
{
    Direct,
    Indirect,
    Mixed,
}

public enum DatePrecision
{
    Unknown,
    Year,
    Month,
    Day,
}

/// <summary>A span of the input text: UTF-16 offsets, end-exclusive; <see cref="Text"/> equals the substring.</summary>
public sealed record TextSpan(int Start, int End, string Text)
{
    public int Length => End - Start;

    internal static TextSpan Of(string text, int start, int end) => new(start, end, text[start..end]);
}

/// <summary>When a statement was made: the words of the text, the resolved date if any and how precise it is.</summary>
public sealed record StatementTime(string Text, DateOnly? Date, DatePrecision Precision);

/// <summary>One reported statement: what was said (the content span), by whom, how, where and when.</summary>
public sealed record ExtractedStatement(
    StatementKind Kind,
    TextSpan Content,
    int? SpeakerIndex,
    TextSpan? SpeakerMention,
    string? UnnamedSource,
    TextSpan? Cue,
    string? Place,
    string? Occasion,
    StatementTime? When,
    int? AddresseeIndex,
    int? SubjectIndex,
    double Confidence,
    string Rule)
{
    public int Start => Content.Start;

    public int End => Content.End;

    public string Text => Content.Text;
}

/// <summary>A person or body that speaks in the article, with every distinct way the text names it.</summary>
public sealed record ExtractedSpeaker(string Name, string? Role, IReadOnlyList<string> Mentions);

/// <summary>A second-hand source the text cites ("as reported by X") and the statements it covers.</summary>
public sealed record ReportedSource(string Name, TextSpan Span, IReadOnlyList<int> Statements);
