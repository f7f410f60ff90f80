using NewsClaims.Extraction;

namespace NewsClaims.UnitTests.Extraction;

public class PlaceAndTimeTests
{
    [Fact]
    public void Speaking_in_X_sets_the_place()
    {
        var result = Engine.Run("Speaking in Nairobi, Grace Wanjiru said that the drought was the worst in decades.");

        Assert.Equal("Nairobi", result.Statement("the drought was").Place);
    }

    [Fact]
    public void At_the_summit_in_X_sets_place_and_occasion()
    {
        var result = Engine.Run("Prime Minister Jan Kral said at the summit in Vilnius that the alliance must spend more.");

        var s = result.Statement("the alliance must spend");
        Assert.Equal("Vilnius", s.Place);
        Assert.Equal("summit", s.Occasion);
    }

    [Fact]
    public void Place_holds_for_the_same_speakers_statement_in_the_previous_paragraph()
    {
        var text = "Leila Haddad said that prices would fall.\n\nSpeaking in Beirut, Haddad described the plan as the only option left.";
        var result = Engine.Run(text);

        Assert.Equal("Beirut", result.Statement("prices would fall").Place);
    }

    [Fact]
    public void Month_and_day_without_published_date_stays_unresolved_with_day_precision()
    {
        var result = Engine.Run("During his annual address on March 3, Governor Ode Mensah said taxes would not rise.");

        var when = result.Statement("taxes would not rise").When!;
        Assert.Equal("March 3", when.Text);
        Assert.Null(when.Date);
        Assert.Equal(DatePrecision.Day, when.Precision);
        Assert.Equal("annual address", result.Statement("taxes would not rise").Occasion);
    }

    [Fact]
    public void Month_and_day_resolve_against_the_published_date()
    {
        var result = Engine.Run("On December 19, Governor Ode Mensah said taxes would not rise.", new DateOnly(2025, 12, 20));

        Assert.Equal(new DateOnly(2025, 12, 19), result.Statement("taxes would not rise").When!.Date);
    }

    [Fact]
    public void Date_late_in_the_year_before_an_early_publication_belongs_to_the_previous_year()
    {
        var result = Engine.Run("On December 30, Governor Ode Mensah said taxes would not rise.", new DateOnly(2026, 1, 4));

        Assert.Equal(new DateOnly(2025, 12, 30), result.Statement("taxes would not rise").When!.Date);
    }

    [Fact]
    public void Weekday_resolves_to_the_latest_such_day_on_or_before_publication()
    {
        var result = Engine.Run("Astrid Nilsen said on Thursday that the school would close.", new DateOnly(2025, 12, 20));

        var when = result.Statement("the school would close").When!;
        Assert.Equal("Thursday", when.Text);
        Assert.Equal(new DateOnly(2025, 12, 18), when.Date);
    }

    [Fact]
    public void Last_week_is_reported_without_a_guessed_date()
    {
        var result = Engine.Run("Astrid Nilsen said last week that the school would close.", new DateOnly(2025, 12, 20));

        var when = result.Statement("the school would close").When!;
        Assert.Equal("last week", when.Text);
        Assert.Null(when.Date);
    }

    [Fact]
    public void Dates_inside_the_content_are_not_the_time_of_speaking()
    {
        var result = Engine.Run("Astrid Nilsen said that the school would close on Friday.", new DateOnly(2025, 12, 20));

        Assert.Null(result.Statement("the school would close").When);
    }
}
