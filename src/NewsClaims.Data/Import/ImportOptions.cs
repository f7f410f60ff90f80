namespace NewsClaims.Data.Import;

/// <summary>The import settings, from the <c>Import</c> configuration section (env <c>Import__MaxBodyBytes</c> ...).</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest article body accepted, in UTF-8 bytes (default 2 MB).</summary>
    public int MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// Statements the engine is at least this sure of are published as machine-extracted; the rest wait in the
    /// review queue and are not shown as fact.
    /// </summary>
    public double PublishFromConfidence { get; set; } = 0.6;

    /// <summary>
    /// Articles written per transaction by bulk imports; a batch that fails is retried one article per transaction.
    /// Each batch costs the server a fixed share (the search and lexicon triggers' plans, a refresh of every statement
    /// of a speaker who gained an alias, upserts of the same common words, a GIN merge): 500 took a sixth off a bulk
    /// import's server CPU against 250, for about 15 MB more memory (two batches are held at most).
    /// </summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Web pages: the whole fetch, redirects included, must finish within this time.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Web pages: redirects followed before giving up.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Web pages: the largest page downloaded, in bytes (default 5 MB).</summary>
    public int MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// The largest file or JSON line read at all. HTML and JSON wrap the body in markup and escapes, so this is
    /// twice the body limit; anything larger is refused without reading it into memory.
    /// </summary>
    public long MaxInputBytes => (MaxBodyBytes * 2L) + (64 * 1024);
}
