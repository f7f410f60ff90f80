using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Data;

namespace NewsClaims.Web.Features.Shared;

public sealed record AnnotationView(
    long Id, AnnotationMotivation Motivation, string Body, string[] Tags, string Author, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long? ParentId)
{
    /// <summary>For editors' forms: the version they edit, and whether readers see the note yet.</summary>
    public uint Version { get; init; }

    public bool Published { get; init; } = true;

    public string MotivationLabel => Motivation switch
    {
        AnnotationMotivation.Assessing => "Assessment",
        AnnotationMotivation.Correcting => "Correction",
        AnnotationMotivation.Questioning => "Question",
        AnnotationMotivation.Tagging => "Tags",
        AnnotationMotivation.Linking => "Link",
        _ => "Comment",
    };
}

/// <summary>
/// What readers see of the notes on a statement, claim, article or person: published ones only, oldest first.
/// Editors also see drafts (marked), to finish and publish them.
/// </summary>
public static class ReaderAnnotations
{
    private const int Shown = 200;

    public static Task<List<AnnotationView>> ForReadersAsync(this IQueryable<Annotation> annotations, NewsClaimsDbContext db, CancellationToken ct, bool withDrafts = false) =>
        annotations.AsNoTracking()
            .Where(a => withDrafts || a.Visibility == AnnotationVisibility.Published)
            .OrderBy(a => a.CreatedAt)
            .Select(a => new AnnotationView(
                a.Id, a.Motivation, a.Body, a.Tags,
                db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? "an editor",
                a.CreatedAt, a.UpdatedAt, a.ParentId)
            {
                Version = a.Version,
                Published = a.Visibility == AnnotationVisibility.Published,
            })
            .Take(Shown)
            .ToListAsync(ct);
}
