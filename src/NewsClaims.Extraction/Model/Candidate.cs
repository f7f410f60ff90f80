namespace NewsClaims.Extraction.Model;

/// <summary>A statement before its speaker is resolved: kind, content, and where in the text its source and cue are.</summary>
internal sealed record Candidate(
    StatementKind Kind,
    int Start,
    int End,
    int SourceFirst,
    int SourceEnd,
    int CueFirst,
    int CueEnd,
    int ObjectFirst,
    int ObjectEnd,
    CueClass? CueClass,
    string Rule,
    int Sentence,
    bool QuoteClosed)
{
    public bool HasSource => SourceFirst >= 0;
}
