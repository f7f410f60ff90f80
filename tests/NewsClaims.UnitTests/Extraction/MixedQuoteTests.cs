using NewsClaims.Extraction;

namespace NewsClaims.UnitTests.Extraction;

public class MixedQuoteTests
{
    [Fact]
    public void Reported_clause_with_a_quoted_fragment_is_mixed()
    {
        var result = Engine.Run("Union leader Sofia Marin said the new contract was “a betrayal of every nurse” in the region.");

        var s = result.Statement("the new contract was");
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.Contains("betrayal", s.Text, StringComparison.Ordinal);
        Assert.Equal("Sofia Marin", result.SpeakerName(s));
        Assert.Single(result.Statements);
    }

    [Fact]
    public void Characterized_X_as_quote_is_a_direct_quote_about_X()
    {
        var result = Engine.Run("Karl Jensen leads the opposition. On Monday, Premier Anna Vik characterized Jensen as ‘reckless and unprepared’ in a radio interview.");

        var s = result.Statement("reckless and unprepared");
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.Equal("Anna Vik", result.SpeakerName(s));
        Assert.Equal("Karl Jensen", result.Speakers[s.SubjectIndex!.Value].Name);
    }

    [Fact]
    public void Urged_X_to_quote_records_the_addressee()
    {
        var result = Engine.Run("Tariq Aziz met Mayor Bruno Costa. He urged Costa to ‘open the archives before the election,’ a demand the mayor ignored.");

        var s = result.Statement("open the archives");
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.Equal("open the archives before the election", s.Text);
        Assert.Equal("Tariq Aziz", result.SpeakerName(s));
        Assert.Equal("Bruno Costa", result.Speakers[s.AddresseeIndex!.Value].Name);
    }
}
