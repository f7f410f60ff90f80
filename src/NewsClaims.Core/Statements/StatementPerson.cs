using NewsClaims.Core.People;

namespace NewsClaims.Core.Statements;

/// <summary>A person a statement is addressed to or is about.</summary>
public class StatementPerson
{
    private StatementPerson()
    {
    }

    internal StatementPerson(Statement statement, Person person, StatementPersonRole role)
    {
        Statement = statement;
        Person = person;
        Role = role;
    }

    public long StatementId { get; private set; }

    public Statement? Statement { get; private set; }

    public long PersonId { get; private set; }

    public Person? Person { get; private set; }

    public StatementPersonRole Role { get; private set; }
}
