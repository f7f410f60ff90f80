using NewsClaims.Extraction;

namespace NewsClaims.UnitTests.Extraction;

/// <summary>Reported clauses with quoted fragments, coordinated reporting verbs, and quotations that start a new turn.</summary>
public class QuotedFragmentRecallTests
{
    [Fact]
    public void Quoted_words_that_open_a_longer_reported_clause_make_the_whole_clause_mixed()
    {
        var result = Engine.Run("Ines Moreau warned that “quick fixes” would leave the bridge unsafe for years.");

        var s = result.Statement("“quick fixes” would leave");
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.EndsWith("unsafe for years", s.Text, StringComparison.Ordinal);
        Assert.Equal("Ines Moreau", result.SpeakerName(s));
    }

    [Fact]
    public void Quotation_that_ends_the_reported_clause_stays_direct()
    {
        var result = Engine.Run("Ines Moreau said that “the bridge will stay closed until May.”");

        var s = result.Statement("the bridge will stay closed");
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.Equal("Ines Moreau", result.SpeakerName(s));
    }

    [Fact]
    public void Second_reporting_verb_joined_by_and_shares_the_subject()
    {
        var result = Engine.Run("Harbour master Piet Dekker praised the new cranes and said the port could handle “twice the traffic” by autumn.");

        var s = result.Statement("the port could handle");
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.Equal("Piet Dekker", result.SpeakerName(s));
        Assert.DoesNotContain(result.Statements, x => x.Text.Contains("cranes and said", StringComparison.Ordinal));
    }

    [Fact]
    public void Content_of_a_first_report_ends_where_a_coordinated_reporting_verb_begins()
    {
        var result = Engine.Run("Lena Hart said the ferry was late again but insisted that the crew had “done everything right.”");

        var first = result.Statement("the ferry was late again");
        Assert.DoesNotContain("insisted", first.Text, StringComparison.Ordinal);
        var second = result.Statement("the crew had");
        Assert.Equal("Lena Hart", result.SpeakerName(second));
    }

    [Fact]
    public void Attribution_that_introduces_its_own_quotation_starts_a_new_sentence()
    {
        var result = Engine.Run("“The orchard survived the frost,” Tomas Ribe said. “We were lucky.” He added, “Next year we will plant earlier.”");

        var s = result.Statement("Next year we will plant earlier");
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.Equal("Tomas Ribe", result.SpeakerName(s));
    }

    [Fact]
    public void Crowd_chanting_a_quotation_is_a_statement_of_the_crowd()
    {
        var result = Engine.Run("Outside the depot, about forty drivers gathered at dawn, chanting “fair pay, safe roads” as the talks began.");

        var s = result.Statement("fair pay, safe roads");
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.NotNull(s.SpeakerMention);
    }

    [Fact]
    public void Quotation_handed_to_a_name_and_any_past_tense_verb_is_that_persons_turn()
    {
        var result = Engine.Run("The hearing ran late.\n\n“Sit down, please,” Alma Reyes snapped and turned to the jury.");

        var s = result.Statement("Sit down, please");
        Assert.Equal("Alma Reyes", result.SpeakerName(s));
    }

    [Fact]
    public void Content_ending_in_a_quotation_stops_before_a_reporting_participle()
    {
        var result = Engine.Run("Mayor Olu Bassey said the fund had “saved the market,” adding that more stalls would open in June.");

        var first = result.Statement("the fund had");
        Assert.DoesNotContain("adding", first.Text, StringComparison.Ordinal);
        var second = result.Statement("more stalls would open");
        Assert.Equal("Olu Bassey", result.SpeakerName(second));
    }

    [Fact]
    public void Scene_setting_clause_before_name_replied_is_not_part_of_the_quotation()
    {
        var result = Engine.Run("Asked about the closures, Nadia Farouk replied, “We will reopen both clinics next week.”");

        var s = result.Statement("We will reopen both clinics");
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.Equal("Nadia Farouk", result.SpeakerName(s));
    }

    [Fact]
    public void Pronoun_and_verb_with_a_that_clause_after_a_quotation_start_a_new_report()
    {
        var result = Engine.Run("Erik Vold spoke first. “The tunnel is safe,” Vold said. “Nobody was hurt.” He wrote that the inspectors had “found no cracks.”");

        var s = result.Statement("the inspectors had");
        Assert.Equal("Erik Vold", result.SpeakerName(s));
        Assert.DoesNotContain(result.Statements, x => x.Text.Contains("Nobody was hurt.” He wrote", StringComparison.Ordinal));
    }

    [Fact]
    public void Scare_quoted_term_without_any_speaker_evidence_stays_a_non_statement()
    {
        var result = Engine.Run("The ministry has opened a review of the programme. Critics have long described the rules as a kind of ‘paper wall’ for small firms, and the phrase stuck.\n\nThe review of the ‘paper wall’ ends in March.");

        Assert.DoesNotContain(result.Statements, x => x.Text == "paper wall");
    }

    [Fact]
    public void Name_said_with_a_clause_after_a_finished_quotation_reports_the_clause()
    {
        var result = Engine.Run("“The vote was rushed,” Greta Lunde said. “It was a mistake.” Lunde said both parties had “ignored the farmers” for years.");

        var s = result.Statement("both parties had");
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.Equal("Greta Lunde", result.SpeakerName(s));
    }

    [Fact]
    public void Clause_after_name_said_following_a_quoted_title_is_the_content()
    {
        var result = Engine.Run("Speaking on the radio show “Morning Desk,” Senator Paul Okoro said the tariff plan would raise food prices.");

        var s = result.Statement("the tariff plan would raise");
        Assert.Equal("Paul Okoro", result.SpeakerName(s));
    }

    [Fact]
    public void Short_quoted_fragment_in_what_a_named_person_did_is_a_mixed_statement_of_that_person()
    {
        var result = Engine.Run("The budget debate ran late. Mirela Dobre also criticised a policy that leaves pensioners “out in the cold” every winter.");

        var s = result.Statement("a policy that leaves");
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.Contains("out in the cold", s.Text, StringComparison.Ordinal);
        Assert.Equal("Mirela Dobre", result.SpeakerName(s));
    }

    [Fact]
    public void Short_quoted_fragment_in_a_sentence_without_a_person_stays_a_non_statement()
    {
        var result = Engine.Run("The budget debate ran late. The plan would leave pensioners “out in the cold” every winter.");

        Assert.DoesNotContain(result.Statements, x => x.Text.Contains("out in the cold", StringComparison.Ordinal));
    }

    [Fact]
    public void Headline_name_colon_with_quoted_words_is_a_statement_of_the_name()
    {
        var result = Engine.Run("Halvorsen: Rail Strike Is ‘Hurting Every Commuter’\n\nTransport minister Eva Halvorsen spoke on Monday about the strike.");

        var s = result.Statement("Rail Strike Is");
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.NotNull(s.SpeakerMention);
        Assert.Equal("Halvorsen", s.SpeakerMention!.Text);
    }

    [Fact]
    public void Headline_without_a_name_and_colon_keeps_its_quoted_word_a_non_statement()
    {
        var result = Engine.Run("Rail Strike Enters ‘Critical’ Week\n\nTransport minister Eva Halvorsen spoke on Monday about the strike.");

        Assert.DoesNotContain(result.Statements, x => x.Text.Contains("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public void Party_and_state_in_parentheses_after_the_name_do_not_hide_the_speaker()
    {
        var result = Engine.Run("Sen. Marta Quill (D-Ore.) said the pipeline permit was “a gift to polluters” and should be withdrawn.");

        var s = result.Statement("the pipeline permit was");
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.Equal("Marta Quill", result.SpeakerName(s));
    }

    [Fact]
    public void Quoted_title_inside_an_apposition_does_not_hide_the_speaker()
    {
        var result = Engine.Run("Ruth Amsel, the author of “Salt Roads”, said the old trade routes were “mostly forgotten” by schools.");

        var s = result.Statement("the old trade routes");
        Assert.Equal("Ruth Amsel", result.SpeakerName(s));
    }
}
