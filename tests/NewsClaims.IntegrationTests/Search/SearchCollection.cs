namespace NewsClaims.IntegrationTests.Search;

/// <summary>The search test classes share one site and database: loading the data once keeps them fast.</summary>
[CollectionDefinition(Name)]
public sealed class SearchCollection : ICollectionFixture<SearchFixture>
{
    public const string Name = "Search";
}
