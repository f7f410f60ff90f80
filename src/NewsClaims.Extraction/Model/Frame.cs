namespace NewsClaims.Extraction.Model;

/// <summary>
/// One attribution found around a cue: who (source noun phrase, token range), what (content, character range) and to
/// or about whom (object noun phrase). <see cref="Rule"/> names the construction that produced it.
/// </summary>
internal readonly record struct Frame(
    int CueFirst,
    int CueEnd,
    CueEntry Entry,
    int SourceFirst,
    int SourceEnd,
    int ObjectFirst,
    int ObjectEnd,
    int ContentStart,
    int ContentEnd,
    string Rule)
{
    public bool HasSource => SourceFirst >= 0;
}
