using NewsClaims.Extraction;

namespace NewsClaims.UnitTests.Extraction;

public class DirectQuoteAttributionTests
{
    [Fact]
    public void Quote_then_name_and_said_attributes_to_the_name()
    {
        var result = Engine.Run("“The harbour will reopen in spring,” Ana Lindqvist said on Tuesday.");

        var s = result.Statement("The harbour will reopen");
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.Equal("The harbour will reopen in spring", s.Text);
        Assert.Equal("Ana Lindqvist", result.SpeakerName(s));
        Assert.Equal("Ana Lindqvist", s.SpeakerMention!.Text);
        Assert.Equal("said", s.Cue!.Text);
    }

    [Fact]
    public void Inverted_cue_said_Smith_attributes_to_Smith()
    {
        var result = Engine.Run("\"We have no plans to sell the mill,\" said Peter Smith, the owner.");

        var s = result.Statement("We have no plans");
        Assert.Equal("Peter Smith", result.SpeakerName(s));
        Assert.Equal("content-cue-subject/name", s.Rule);
    }

    [Fact]
    public void Name_said_colon_quote_attributes_to_the_name()
    {
        var result = Engine.Run("Mayor Tomas Berg said: “Nobody will lose their home because of this plan.”");

        var s = result.Statement("Nobody will lose");
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.Equal("Tomas Berg", result.SpeakerName(s));
    }

    [Fact]
    public void Name_colon_quote_without_cue_attributes_to_the_name()
    {
        var result = Engine.Run("The debate was heated.\n\nKowalski: “This budget punishes the towns that grew fastest.”");

        var s = result.Statement("This budget punishes");
        Assert.Equal("Kowalski", result.SpeakerName(s));
        Assert.Equal("colon/name", s.Rule);
    }

    [Fact]
    public void Split_quote_around_she_said_is_one_statement_by_the_same_speaker()
    {
        var result = Engine.Run("Maria Okafor runs the clinic. “We are out of beds,” she said, “and the winter has not even started.”");

        var s = Assert.Single(result.Statements);
        Assert.StartsWith("We are out of beds", s.Text, StringComparison.Ordinal);
        Assert.EndsWith("has not even started.", s.Text, StringComparison.Ordinal);
        Assert.Equal("Maria Okafor", result.SpeakerName(s));
    }

    [Fact]
    public void Told_reporters_with_a_following_quote_attributes_to_the_subject()
    {
        var result = Engine.Run("Governor Lena Fischer told reporters, \"The bridge is safe and it will stay open.\"");

        var s = result.Statement("The bridge is safe");
        Assert.Equal("Lena Fischer", result.SpeakerName(s));
    }

    [Fact]
    public void Quote_in_the_next_paragraph_continues_the_previous_speakers_turn()
    {
        var text = "“The river rose a metre overnight,” said Jonas Weber, the fire chief.\n\n“We moved forty families before dawn and nobody was hurt.”";
        var result = Engine.Run(text);

        var s = result.Statement("We moved forty families");
        Assert.Equal("Jonas Weber", result.SpeakerName(s));
        Assert.Equal("continuation", s.Rule);
    }

    [Fact]
    public void Exclamation_inside_quote_followed_by_name_and_said_stays_attributed()
    {
        var result = Engine.Run("“Build the school first!” Raúl Ortega said. The council agreed.");

        Assert.Equal("Raúl Ortega", result.SpeakerName(result.Statement("Build the school first")));
    }

    [Fact]
    public void Quote_followed_by_name_and_any_verb_attributes_to_the_name()
    {
        var result = Engine.Run("Tempers rose at the hearing. “You have not read the report,” Delia Moss shot back.");

        var s = result.Statement("You have not read");
        Assert.Equal("Delia Moss", result.SpeakerName(s));
        Assert.Equal("quote-then-name/name", s.Rule);
    }

    [Fact]
    public void Quote_inside_a_sentence_without_a_cue_belongs_to_its_subject()
    {
        var result = Engine.Run("Carlos Mendes thanked the volunteers for “keeping the shelter open through the worst nights of the year.”");

        // The quotation is embedded in the author's clause, so the statement is the clause after the verb, mixed.
        var s = result.Statement("the volunteers for “keeping the shelter open");
        Assert.Equal("Carlos Mendes", result.SpeakerName(s));
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.Equal("actor-fragment/name", s.Rule);
    }

    [Fact]
    public void Quote_opening_a_sentence_without_a_cue_belongs_to_its_subject()
    {
        var result = Engine.Run("The rally ended late. Carlos Mendes stood at the gate. “We kept the shelter open through the worst nights of the year,” he wrote later that week, and “nobody was turned away.”");

        Assert.Contains(result.Statements, s => s.Text.StartsWith("We kept the shelter open", StringComparison.Ordinal));
    }
}
