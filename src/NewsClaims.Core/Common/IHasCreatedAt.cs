namespace NewsClaims.Core.Common;

/// <summary>An entity whose creation time the data layer stamps once, from its TimeProvider, on insert.</summary>
public interface IHasCreatedAt
{
    DateTimeOffset CreatedAt { get; }
}
