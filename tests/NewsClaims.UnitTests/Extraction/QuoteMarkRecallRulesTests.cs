using NewsClaims.Extraction;

namespace NewsClaims.UnitTests.Extraction;

/// <summary>The rules of engine 2026.12.1, each on invented sentences.</summary>
public class QuoteMarkRecallRulesTests
{
    [Fact]
    public void Evidence_subject_with_an_epistemic_verb_is_not_an_attribution()
    {
        var result = Engine.Run("Reports suggest that the harbour will close in May. Officials said the ferry would keep running.");

        Assert.DoesNotContain(result.Statements, s => s.Text.Contains("harbour will close", StringComparison.Ordinal));
        var kept = result.Statement("the ferry would keep running");
        Assert.NotNull(kept.SpeakerMention);
    }

    [Fact]
    public void Epistemic_participle_after_a_thing_subject_is_the_authors_inference()
    {
        var thing = Engine.Run("Mayor Ines Moreau’s speech was full of anger, suggesting that the council had lost patience.");
        Assert.Empty(thing.Statements);

        var person = Engine.Run("Mayor Ines Moreau gave a sharp speech, suggesting that the council had lost patience.");
        var s = person.Statement("the council had lost patience");
        Assert.Equal("Ines Moreau", person.SpeakerName(s));
    }

    [Fact]
    public void Characterized_thing_stays_in_the_statement_but_a_characterized_person_does_not()
    {
        var thing = Engine.Run("Councillor Dana Whitfield dismissed the new parking scheme as “a tax on shoppers.”");
        var s = thing.Statement("the new parking scheme as “a tax on shoppers");
        Assert.Equal(StatementKind.Mixed, s.Kind);

        var person = Engine.Run("Councillor Dana Whitfield described Ruiz as ‘stubborn and careless’ at the hearing.");
        Assert.Contains(person.Statements, x => x.Text == "stubborn and careless");
    }

    [Fact]
    public void Quotation_parts_with_another_report_between_them_stay_apart()
    {
        var result = Engine.Run("“We will appeal,” Tomas Ribe said, referring to the court ruling. “The ruling ignores the evidence.”");

        Assert.DoesNotContain(result.Statements, s => s.Text.Contains("We will appeal", StringComparison.Ordinal) && s.Text.Contains("ignores", StringComparison.Ordinal));
        Assert.Equal("Tomas Ribe", result.SpeakerName(result.Statement("We will appeal")));
    }

    [Fact]
    public void Quotation_that_the_authors_sentence_goes_on_from_does_not_extend_the_turn_before()
    {
        var result = Engine.Run("“The orchard survived the frost,” Tomas Ribe said. “We were lucky this time and we know it” is how his neighbours see it too.");

        Assert.DoesNotContain(result.Statements, s => s.Text.Contains("orchard", StringComparison.Ordinal) && s.Text.Contains("lucky", StringComparison.Ordinal));
        Assert.Equal("The orchard survived the frost", result.Statement("The orchard survived").Text);
    }

    [Fact]
    public void Scene_after_a_quotations_attribution_is_not_content()
    {
        var result = Engine.Run("“The vote was fair,” Greta Lunde said, as she left the hall.");

        var s = result.Statement("The vote was fair");
        Assert.Equal("The vote was fair", s.Text);
    }

    [Fact]
    public void Headline_name_and_says_gives_the_rest_to_the_name()
    {
        var result = Engine.Run("Ruiz Says Budget Cuts ‘Will Close Libraries’\n\nThe council met on Monday to discuss the budget.");

        var s = result.Statement("Budget Cuts ‘Will Close Libraries’");
        Assert.Equal("Ruiz", s.SpeakerMention!.Text);
    }

    [Fact]
    public void Headline_ending_with_name_and_says_gives_the_start_to_the_name()
    {
        var result = Engine.Run("Budget Cuts ‘Will Close Libraries,’ Ruiz Says\n\nThe council met on Monday to discuss the budget.");

        var s = result.Statement("Budget Cuts ‘Will Close Libraries");
        Assert.Equal("Ruiz", s.SpeakerMention!.Text);
    }

    [Fact]
    public void Headline_verb_with_a_preposition_names_a_topic()
    {
        var result = Engine.Run("Council Warns of ‘Hard’ Winter for Libraries\n\nThe council met on Monday to discuss the budget.");

        Assert.Empty(result.Statements);
    }

    [Fact]
    public void First_paragraph_is_the_headline_when_only_punctuation_differs_from_the_title()
    {
        const string text = "Ruiz: Budget Cuts ‘Will Close Libraries.’\n\nThe council met on Monday to discuss the budget.";
        var result = new StatementExtractor().Extract(new ArticleText(text, Title: "Ruiz: Budget Cuts ‘Will Close Libraries’"));

        var s = result.Statement("Budget Cuts ‘Will Close Libraries");
        Assert.Equal("Ruiz", s.SpeakerMention!.Text);
    }

    [Fact]
    public void A_second_predicate_of_the_speaker_ends_the_first_report()
    {
        var result = Engine.Run("Senator Ana Ruiz called the merger “a bad deal” and ranked the firm among the “worst in the state.”");

        Assert.DoesNotContain(result.Statements, s => s.Text.Contains("bad deal", StringComparison.Ordinal) && s.Text.Contains("ranked", StringComparison.Ordinal));
        var second = Assert.Single(result.Statements, s => s.Text.Contains("worst in the state", StringComparison.Ordinal));
        Assert.Equal("Ana Ruiz", result.SpeakerName(second));
    }

    [Fact]
    public void Quoted_fragment_without_a_cue_takes_the_clause_of_the_person_before_it()
    {
        var result = Engine.Run("Paulo Reis spoke first.\n\nReis toured the farms on Friday and offered the growers “real help” before the harvest.");

        var s = Assert.Single(result.Statements, x => x.Text.Contains("real help", StringComparison.Ordinal));
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.True(s.Text.Length > "real help".Length + 4);
        Assert.Equal("Paulo Reis", result.SpeakerName(s));
    }

    [Fact]
    public void Embedded_quotation_without_a_named_person_gives_its_clause_without_a_speaker()
    {
        var result = Engine.Run("Ana Ruiz said the storm had passed. The new rules required drivers to act “calmly and patiently” at the crossing.");

        var s = Assert.Single(result.Statements, x => x.Text.Contains("calmly and patiently", StringComparison.Ordinal));
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.Null(s.SpeakerIndex);
    }

    [Fact]
    public void Quoted_term_counts_only_in_a_named_persons_clause()
    {
        var person = Engine.Run("Paulo Reis attacked the “rigged” tender process at the meeting.");
        var s = Assert.Single(person.Statements);
        Assert.Contains("“rigged” tender process", s.Text, StringComparison.Ordinal);
        Assert.Equal("Paulo Reis", person.SpeakerName(s));

        var nobody = Engine.Run("The idea of a ‘green corridor’ through the valley has gained ground.");
        Assert.Empty(nobody.Statements);
    }

    [Fact]
    public void Share_of_those_polled_can_speak()
    {
        var result = Engine.Run("About 52 percent say the new bridge is a waste of money.");

        result.Statement("the new bridge is a waste of money");
    }

    [Fact]
    public void Negated_second_predicate_ends_the_report()
    {
        var result = Engine.Run("Ines Moreau said the bridge was safe but did not say when it would reopen.");

        var s = result.Statement("the bridge was safe");
        Assert.DoesNotContain("did not say", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void New_subject_with_a_reporting_verb_after_a_comma_ends_the_report()
    {
        var result = Engine.Run("Lena Hart said the ferry was late because of the storm, others argue that the crew did its best.");

        var s = result.Statement("the ferry was late");
        Assert.DoesNotContain("others argue", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Authors_comment_after_a_comma_ends_the_report()
    {
        var result = Engine.Run("Mayor Ana Ruiz said the budget was the worst in a decade, a claim that angered the council.");

        var s = result.Statement("the budget was the worst in a decade");
        Assert.Equal("the budget was the worst in a decade", s.Text);
    }

    [Fact]
    public void Owner_of_a_reporting_noun_before_a_colon_speaks()
    {
        var result = Engine.Run("Mayor Ana Ruiz met the unions on Monday.\n\nRuiz’s message was clear: “We will not back down on the budget.”\n\nHer answer: “No.”");

        Assert.Equal("Ana Ruiz", result.SpeakerName(result.Statement("We will not back down")));
        Assert.Equal("Her", result.Statement("No").SpeakerMention!.Text);
    }

    [Fact]
    public void Claim_by_an_agent_that()
    {
        var result = Engine.Run("The claim by a senior official that the budget was balanced drew criticism.");

        var s = result.Statement("the budget was balanced");
        Assert.Equal("a senior official", s.SpeakerMention!.Text);
    }

    [Fact]
    public void Transcript_turn_is_the_named_persons_words()
    {
        var result = Engine.Run("The mayor spoke to the host on Sunday.\n\nTAL: Where were you on the night of the flood?\n\nRUIZ: At home with my family, all evening long.");

        var s = result.Statement("At home with my family");
        Assert.Equal("RUIZ", s.SpeakerMention!.Text);
    }

    [Fact]
    public void Cue_closing_its_paragraph_with_a_colon_reports_the_next_paragraph()
    {
        var result = Engine.Run("The budget talks ended late.\n\nIn a statement on Friday, Mayor Ana Ruiz wrote:\n\nThe council will meet again next week to settle the budget.");

        var s = result.Statement("The council will meet again next week");
        Assert.Equal("Ana Ruiz", result.SpeakerName(s));
    }

    [Fact]
    public void Contracted_has_after_a_pronoun_is_not_a_possessive()
    {
        var result = Engine.Run("Ines Moreau has long backed the plan. She’s said the bridge will reopen in May.");

        var s = result.Statement("the bridge will reopen in May");
        Assert.Equal("Ines Moreau", result.SpeakerName(s));
    }

    [Fact]
    public void Comma_after_that_opens_an_aside_inside_the_content()
    {
        var result = Engine.Run("Ines Moreau said that, at the request of the inspectors, the bridge would stay closed.");

        result.Statement("at the request of the inspectors, the bridge would stay closed");
    }

    [Fact]
    public void Quotation_introduced_by_a_comma_is_the_content_of_the_cue_after_it()
    {
        var result = Engine.Run("On the bridge, “We are ready for the inspectors,” Ines Moreau said.");

        var s = result.Statement("We are ready for the inspectors");
        Assert.Equal("We are ready for the inspectors", s.Text);
    }

    [Fact]
    public void Quotation_inside_parentheses_is_the_content_of_its_attribution()
    {
        var result = Engine.Run("Mayor Ana Ruiz met the unions on Monday (“We are ready for a long fight,” she said) before the vote.");

        var s = result.Statement("We are ready for a long fight");
        Assert.Equal("We are ready for a long fight", s.Text);
        Assert.Equal("Ana Ruiz", result.SpeakerName(s));
    }

    [Fact]
    public void According_to_closing_the_text_reports_nothing_and_does_not_throw()
    {
        var result = Engine.Run("The talks ended late.\n\nAccording to Ana Lind:");

        Assert.Empty(result.Statements);
    }

    [Fact]
    public void Noun_cue_content_runs_over_an_abbreviation()
    {
        var result = Engine.Run("Ines Moreau repeated her claim that Mr. Reis had left the meeting early.");

        Assert.Contains(result.Statements, s => s.Text.StartsWith("Mr. Reis had left the meeting early", StringComparison.Ordinal));
    }
}
