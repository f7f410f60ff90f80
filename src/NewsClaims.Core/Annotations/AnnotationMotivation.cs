namespace NewsClaims.Core.Annotations;

/// <summary>Why an annotation was made; the W3C Web Annotation motivations editors use here.</summary>
public enum AnnotationMotivation
{
    Commenting,
    Assessing,
    Correcting,
    Questioning,
    Tagging,
    Linking,
}
