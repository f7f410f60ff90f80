namespace NewsClaims.Core.Annotations;

public enum AnnotationVisibility
{
    Draft,
    Published,
}
