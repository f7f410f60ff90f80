using System.ComponentModel.DataAnnotations;
using NewsClaims.Data.Import;

namespace NewsClaims.Web.Features.Import;

/// <summary>The paste form: the text and its metadata, as an editor types them.</summary>
public sealed class PasteForm
{
    [Display(Name = "Title")]
    [StringLength(1000)]
    public string? Title { get; set; }

    [Display(Name = "Article text")]
    [Required(ErrorMessage = "Paste the article's text.")]
    public string? Text { get; set; }

    [Display(Name = "Address (URL)")]
    [StringLength(2048)]
    public string? Url { get; set; }

    [Display(Name = "Outlet")]
    [StringLength(200)]
    public string? Outlet { get; set; }

    [Display(Name = "Author")]
    [StringLength(500)]
    public string? Author { get; set; }

    [Display(Name = "Published")]
    [DataType(DataType.Date)]
    public DateOnly? Published { get; set; }

    [Display(Name = "Language")]
    [StringLength(16)]
    public string? Language { get; set; } = "en";

    [Display(Name = "Reported via")]
    [StringLength(500)]
    public string? ReportedVia { get; set; }

    public ArticleSubmission ToSubmission() =>
        new(Title ?? string.Empty, Text ?? string.Empty, Url, Outlet, Author, Published, Language, ReportedVia);
}

/// <summary>The import page: the three ways in, with what the last attempt said.</summary>
public sealed record ImportPage(PasteForm Paste, string? UrlToFetch, ImportLimits Limits);

/// <summary>The limits the page states, so an editor knows them before hitting them.</summary>
public sealed record ImportLimits(string MaxBody, string MaxPage, double PublishFromConfidence);

/// <summary>The paste form's preview: what would be stored, and the form again to save it.</summary>
public sealed record PreviewPage(PasteForm Paste, ImportPreview Preview);

/// <summary>What became of each item of an import, with links to the articles.</summary>
public sealed record ResultsPage(string Channel, IReadOnlyList<ResultLine> Lines)
{
    public int Imported => Lines.Count(l => l.Kind == ResultKind.Imported);

    public int Duplicates => Lines.Count(l => l.Kind == ResultKind.Duplicate);

    public int Rejected => Lines.Count(l => l.Kind == ResultKind.Rejected);
}

public enum ResultKind
{
    Imported,
    Duplicate,
    Rejected,
}

public sealed record ResultLine(string Origin, ResultKind Kind, long? ArticleId, string Message)
{
    public static ResultLine From(ImportResult result) => result.Outcome switch
    {
        ImportOutcome.Imported imported => new(result.Origin, ResultKind.Imported, imported.ArticleId,
            imported.StatementCount == 1 ? "imported with 1 statement" : $"imported with {imported.StatementCount} statements"),
        ImportOutcome.Duplicate duplicate => new(result.Origin, ResultKind.Duplicate, duplicate.ExistingArticleId, duplicate.Reason),
        ImportOutcome.Rejected rejected => new(result.Origin, ResultKind.Rejected, null, rejected.Reason),
        _ => new(result.Origin, ResultKind.Rejected, null, "unknown outcome"),
    };
}
