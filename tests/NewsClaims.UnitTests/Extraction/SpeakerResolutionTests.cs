namespace NewsClaims.UnitTests.Extraction;

public class SpeakerResolutionTests
{
    [Fact]
    public void Title_before_name_becomes_the_role_and_surname_links_to_the_person()
    {
        var text = "WHO Director General Amara Diallo warned that the outbreak was spreading. Later, Diallo said that vaccines would arrive within weeks.";
        var result = Engine.Run(text);

        var first = result.Statement("the outbreak was spreading");
        var second = result.Statement("vaccines would arrive");
        Assert.Equal(first.SpeakerIndex, second.SpeakerIndex);
        var speaker = result.Speakers[first.SpeakerIndex!.Value];
        Assert.Equal("Amara Diallo", speaker.Name);
        Assert.Equal("WHO Director General", speaker.Role);
        Assert.Contains("Diallo", speaker.Mentions);
        Assert.Contains("Amara Diallo", speaker.Mentions);
    }

    [Fact]
    public void Apposition_after_the_name_is_the_role()
    {
        var result = Engine.Run("Felix Braun, a veteran party strategist, said the campaign had run out of money.");

        var s = result.Statement("the campaign had run out");
        Assert.Equal("Felix Braun", result.SpeakerName(s));
        Assert.Equal("veteran party strategist", result.Speakers[s.SpeakerIndex!.Value].Role);
    }

    [Fact]
    public void Pronoun_resolves_to_the_subject_of_the_previous_sentence()
    {
        var result = Engine.Run("Nadia Rahman visited the flooded district on Sunday. She said the repairs would take a year.");

        var s = result.Statement("the repairs would take");
        Assert.Equal("Nadia Rahman", result.SpeakerName(s));
        Assert.Equal("She", s.SpeakerMention!.Text);
    }

    [Fact]
    public void Description_with_the_role_resolves_to_the_person_holding_it()
    {
        var text = "EU Trade Commissioner Lukas Novak arrived in Oslo on Monday. The EU commissioner said tariffs would be lifted.";
        var result = Engine.Run(text);

        var s = result.Statement("tariffs would be lifted");
        Assert.Equal("Lukas Novak", result.SpeakerName(s));
        Assert.Equal("The EU commissioner", s.SpeakerMention!.Text);
        Assert.Contains("The EU commissioner", result.Speakers[s.SpeakerIndex!.Value].Mentions);
    }

    [Fact]
    public void Officials_said_is_kept_as_an_unnamed_source_not_a_person()
    {
        var result = Engine.Run("Officials said the border crossing would close at midnight.");

        var s = result.Statement("the border crossing");
        Assert.Null(s.SpeakerIndex);
        Assert.Equal("Officials", s.UnnamedSource);
        Assert.Equal("Officials", s.SpeakerMention!.Text);
        Assert.Empty(result.Speakers);
    }

    [Fact]
    public void Some_member_states_have_signaled_is_an_unnamed_group()
    {
        var result = Engine.Run("Some member states have already signaled that they would send engineers.");

        var s = result.Statement("they would send engineers");
        Assert.Null(s.SpeakerIndex);
        Assert.Equal("Some member states", s.UnnamedSource);
    }
}
