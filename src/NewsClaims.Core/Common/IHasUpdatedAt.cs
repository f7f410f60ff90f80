namespace NewsClaims.Core.Common;

/// <summary>An entity whose last-change time the data layer stamps on every insert and update.</summary>
public interface IHasUpdatedAt : IHasCreatedAt
{
    DateTimeOffset UpdatedAt { get; }
}
