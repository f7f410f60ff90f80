using NewsClaims.Core.Common;

namespace NewsClaims.Core.People;

/// <summary>A position held for a time, e.g. Prime Minister of the Netherlands, 2010-07-14 to 2024-07-02.</summary>
public class PersonRole
{
    private PersonRole()
    {
        Title = null!;
    }

    internal PersonRole(Person person, string title, string? organisation, DateOnly? startedOn, DateOnly? endedOn)
    {
        if (startedOn is { } from && endedOn is { } to && to < from)
        {
            throw new ArgumentException($"A role cannot end ({to}) before it starts ({from}).", nameof(endedOn));
        }

        Person = person;
        Title = Guard.Text(title);
        Organisation = Guard.OptionalText(organisation);
        StartedOn = startedOn;
        EndedOn = endedOn;
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    public Person? Person { get; private set; }

    public string Title { get; private set; }

    public string? Organisation { get; private set; }

    /// <summary>Null when unknown.</summary>
    public DateOnly? StartedOn { get; private set; }

    /// <summary>Null while the role is held or when unknown.</summary>
    public DateOnly? EndedOn { get; private set; }

    public bool IsHeldOn(DateOnly date) =>
        (StartedOn is null || StartedOn <= date) && (EndedOn is null || date <= EndedOn);

    public void End(DateOnly endedOn)
    {
        if (StartedOn is { } from && endedOn < from)
        {
            throw new ArgumentException($"A role cannot end ({endedOn}) before it starts ({from}).", nameof(endedOn));
        }

        EndedOn = endedOn;
    }
}
