using NewsClaims.Core.Common;

namespace NewsClaims.Core.Annotations;

/// <summary>One version of an annotation's body; number 1 is the body as first written.</summary>
public class AnnotationRevision : IHasCreatedAt
{
    private AnnotationRevision()
    {
        Body = null!;
    }

    internal AnnotationRevision(Annotation annotation, int number, string body, string? editedById)
    {
        Annotation = annotation;
        Number = number;
        Body = body;
        EditedById = editedById;
    }

    public long Id { get; private set; }

    public long AnnotationId { get; private set; }

    public Annotation? Annotation { get; private set; }

    public int Number { get; private set; }

    public string Body { get; private set; }

    public string? EditedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
