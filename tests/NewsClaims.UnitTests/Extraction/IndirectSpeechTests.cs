using NewsClaims.Extraction;

namespace NewsClaims.UnitTests.Extraction;

public class IndirectSpeechTests
{
    [Fact]
    public void Warned_that_takes_the_clause_as_content()
    {
        var result = Engine.Run("Finance Minister Clara Holm warned that the deficit would double by next year.");

        var s = result.Statement("the deficit would double");
        Assert.Equal(StatementKind.Indirect, s.Kind);
        Assert.Equal("the deficit would double by next year", s.Text);
        Assert.Equal("Clara Holm", result.SpeakerName(s));
        Assert.Equal("warned", s.Cue!.Text);
    }

    [Fact]
    public void Has_long_argued_that_skips_auxiliaries_and_adverbs()
    {
        var result = Engine.Run("Dr. Ines Moreau has long argued that small farms feed more people per hectare.");

        Assert.Equal("Ines Moreau", result.SpeakerName(result.Statement("small farms feed")));
    }

    [Fact]
    public void Framed_A_as_B_takes_the_object_and_its_description()
    {
        var result = Engine.Run("Speaking in Lisbon, Pedro Alves framed the strike as the largest in a generation.");

        var s = result.Statement("the strike as the largest");
        Assert.Equal("Pedro Alves", result.SpeakerName(s));
    }

    [Fact]
    public void As_X_emphasized_takes_the_clause_after_the_comma()
    {
        var result = Engine.Run("Hannah Kurz runs the fund. Yet, as Kurz emphasized, the money will not last forever.");

        var s = result.Statement("the money will not last");
        Assert.Equal("Hannah Kurz", result.SpeakerName(s));
        Assert.Equal("as-cue/name", s.Rule);
    }

    [Fact]
    public void Parenthetical_he_argued_takes_the_rest_of_the_sentence()
    {
        var result = Engine.Run("Omar Haddad presented the plan on Monday. The tunnel, he argued, would halve the commute for thousands.");

        var s = result.Statement("would halve the commute");
        Assert.Equal("Omar Haddad", result.SpeakerName(s));
        Assert.Equal("he", s.SpeakerMention!.Text);
    }

    [Fact]
    public void Clause_then_comma_name_said_takes_the_clause()
    {
        var result = Engine.Run("The vote will be delayed until autumn, Senator Rosa Delgado said.");

        var s = result.Statement("The vote will be delayed");
        Assert.Equal("Rosa Delgado", result.SpeakerName(s));
    }

    [Fact]
    public void Possessive_insistence_that_is_a_statement_of_the_owner()
    {
        var result = Engine.Run("Ivan Petrov spoke for an hour. His insistence that the factory was never polluting the lake—despite the tests—angered residents.");

        var s = result.Statement("the factory was never polluting");
        Assert.Equal("the factory was never polluting the lake", s.Text);
        Assert.Equal("Ivan Petrov", result.SpeakerName(s));
    }

    [Fact]
    public void According_to_X_at_the_start_takes_the_clause_after_the_comma()
    {
        var result = Engine.Run("According to Marta Ruiz, the museum will charge no entry fee next year.");

        var s = result.Statement("the museum will charge");
        Assert.Equal("Marta Ruiz", result.SpeakerName(s));
        Assert.Equal("according to", s.Cue!.Text, ignoreCase: true);
    }

    [Fact]
    public void Clause_then_according_to_X_takes_the_clause_before()
    {
        var result = Engine.Run("The ferry will stop running in March, according to port director Lars Eklund.");

        Assert.Equal("Lars Eklund", result.SpeakerName(result.Statement("The ferry will stop")));
    }

    [Fact]
    public void Participle_saying_that_attributes_to_the_subject_of_the_main_clause()
    {
        var result = Engine.Run("Chancellor Eva Lind rejected the offer, saying that the terms were unfair to pensioners.");

        Assert.Equal("Eva Lind", result.SpeakerName(result.Statement("the terms were unfair")));
    }

    [Fact]
    public void Said_in_a_statement_that_skips_the_phrase_before_that()
    {
        var result = Engine.Run("Paolo Conti said in a statement on Friday that the company would appeal.");

        var s = result.Statement("the company would appeal");
        Assert.Equal("Paolo Conti", result.SpeakerName(s));
    }

    [Fact]
    public void Relative_that_after_a_cue_noun_is_not_a_statement()
    {
        var result = Engine.Run("The minister gave a speech, a claim that surprised nobody in the room.");

        Assert.DoesNotContain(result.Statements, s => s.Text.StartsWith("surprised", StringComparison.Ordinal));
    }

    [Fact]
    public void Age_and_apposition_between_name_and_cue_are_skipped()
    {
        var result = Engine.Run("Ramona Diaz, 44, a nurse from the valley, said the hospital had run out of staff.");

        Assert.Equal("Ramona Diaz", result.SpeakerName(result.Statement("the hospital had run out")));
    }

    [Fact]
    public void Parenthetical_however_between_subject_and_cue_is_skipped()
    {
        var result = Engine.Run("The two senators, however, argue that the tax is fair.");

        var s = result.Statement("the tax is fair");
        Assert.Equal("The two senators", s.UnnamedSource);
    }

    [Fact]
    public void A_cue_word_used_as_a_noun_before_a_verb_makes_no_statement()
    {
        var result = Engine.Run("Some reports have appeared in the press this week.");

        Assert.Empty(result.Statements);
    }

    [Fact]
    public void Name_comma_who_cue_attributes_to_the_name_and_mentions_the_relative_pronoun()
    {
        var result = Engine.Run("The plan was backed by Irene Vogel, who argued that rents would fall within two years.");

        var s = result.Statement("rents would fall");
        Assert.Equal("Irene Vogel", result.SpeakerName(s));
        Assert.Equal("Irene Vogel, who", s.SpeakerMention!.Text);
    }

    [Fact]
    public void Asked_whether_takes_the_question_as_content()
    {
        var result = Engine.Run("Reporter Dan Cole asked the minister whether the mine would close.");

        var s = result.Statement("whether the mine would close");
        Assert.Equal("Dan Cole", result.SpeakerName(s));
    }
}
