using NewsClaims.Core.Common;

namespace NewsClaims.Core.People;

/// <summary>A name a person goes by ("Rutte", "Mark Rutte", "Путин"), with its folded form for lookup.</summary>
public class PersonAlias
{
    private PersonAlias()
    {
        Alias = null!;
        NormalisedAlias = null!;
    }

    internal PersonAlias(Person person, string alias)
    {
        Person = person;
        Alias = Guard.Text(alias);
        NormalisedAlias = SearchKey.ForName(Alias);
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    public Person? Person { get; private set; }

    public string Alias { get; private set; }

    /// <summary><see cref="SearchKey.ForName"/> of <see cref="Alias"/>; unique per person.</summary>
    public string NormalisedAlias { get; private set; }
}
