namespace NewsClaims.Extraction;

/// <summary>An article as the engine sees it. Offsets in the result point into <see cref="Text"/> exactly as given.</summary>
public sealed record ArticleText(string Text, string? Title = null, DateOnly? Published = null, string? Outlet = null);
