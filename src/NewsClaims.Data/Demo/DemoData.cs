using Microsoft.Extensions.Logging;
using NewsClaims.Data.Import;

namespace NewsClaims.Data.Demo;

/// <summary>
/// The invented sample articles shipped with NewsClaims (Demo/Articles), imported through the same pipeline
/// as any other article and flagged as sample content. Loading twice adds nothing: the pipeline deduplicates.
/// </summary>
public sealed class DemoData(ArticleImporter importer, ILogger<DemoData> logger)
{
    private const string ResourcePrefix = "NewsClaims.Data.Demo.Articles.";

    /// <summary>The sample articles in file-name order, as submissions.</summary>
    public static IReadOnlyList<(string Name, ArticleSubmission Submission)> Articles()
    {
        var assembly = typeof(DemoData).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return (name[ResourcePrefix.Length..], PlainTextArticle.Parse(reader.ReadToEnd(), isSample: true));
            })];
    }

    public async Task<int> LoadAsync(CancellationToken ct)
    {
        var imported = 0;
        foreach (var (name, submission) in Articles())
        {
            var outcome = await importer.ImportAsync(submission, importedById: null, ct);
            switch (outcome)
            {
                case ImportOutcome.Imported:
                    imported++;
                    break;
                case ImportOutcome.Rejected rejected:
                    logger.LogError("Demo article {DemoArticle} was rejected: {Reason}", name, rejected.Reason);
                    break;
            }
        }

        logger.LogInformation("Demo data: {Imported} sample articles imported, the rest already present", imported);
        return imported;
    }
}
