namespace NewsClaims.Core.People;

/// <summary>An old slug that still leads to a person after a rename or merge, so links keep working.</summary>
public class PersonSlugRedirect
{
    private PersonSlugRedirect()
    {
        OldSlug = null!;
    }

    internal PersonSlugRedirect(Person person, string oldSlug)
    {
        Person = person;
        OldSlug = oldSlug;
    }

    public long Id { get; private set; }

    public string OldSlug { get; private set; }

    public long PersonId { get; private set; }

    public Person? Person { get; private set; }
}
