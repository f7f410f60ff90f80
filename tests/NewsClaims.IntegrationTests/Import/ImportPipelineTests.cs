using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Demo;
using NewsClaims.Data.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>The pipeline every channel ends in: statements stored with their evidence, speakers linked, nothing twice.</summary>
public sealed class ImportPipelineTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly ServiceProvider _services = ImportTestKit.Services(database.ConnectionString);

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Should_store_statements_with_offsets_cue_place_date_and_version_linked_to_people_created_once()
    {
        var id = (await _services.ImportAsync(ImportTestKit.Velden(ImportTestKit.VeldenUrl + "/stored"))).StoredId();

        await using var db = database.CreateContext();
        var article = await db.Articles.AsNoTracking().Include(a => a.Outlet).SingleAsync(a => a.Id == id);
        var statements = await db.Statements.AsNoTracking().Include(s => s.Speaker).Include(s => s.Persons).ThenInclude(p => p.Person)
            .Where(s => s.ArticleId == id).OrderBy(s => s.Start).ToListAsync();

        Assert.Equal("The Lunport Ledger", article.Outlet!.Name);
        Assert.Equal("news.example.test", article.Outlet.WebDomain);
        Assert.Equal("Kessa Today", article.ReportedVia);
        Assert.Equal(NewsClaims.Extraction.StatementExtractor.Version, article.ExtractorVersion);
        Assert.All(statements, s => Assert.Equal(s.Text, article.Body[s.Start..s.End]));
        Assert.All(statements.Where(s => s.MentionText is not null), s => Assert.Equal(s.MentionText, article.Body[s.MentionStart!.Value..s.MentionEnd!.Value]));
        Assert.All(statements, s => Assert.Equal(NewsClaims.Extraction.StatementExtractor.Version, s.ExtractorVersion));

        var urged = statements.Single(s => s.Text == "read the new Harbour Strategy before lecturing others");
        Assert.Equal(("Oskar Trell", "urged", StatementKind.Direct), (urged.Speaker!.Name, urged.CueText, urged.Kind));
        Assert.Contains(urged.Persons, p => p.Role == StatementPersonRole.Addressee && p.Person!.Name == "Mara Velden");

        var called = statements.Single(s => s.Text.Contains("intelligent and systematic", StringComparison.Ordinal));
        Assert.Equal(("December 19", new DateOnly(2025, 12, 19), DatePrecision.Day), (called.WhenSaidText, called.WhenSaidDate, called.WhenSaidPrecision));

        var warning = statements.Single(s => s.Text.StartsWith("the next Ostrovian offensive", StringComparison.Ordinal));
        Assert.Equal(("Mara Velden", "Lunport"), (warning.Speaker!.Name, warning.Place));

        var velden = await db.People.AsNoTracking().Include(p => p.Aliases).Include(p => p.Roles).SingleAsync(p => p.Slug == "mara-velden");
        Assert.Contains("Velden", velden.Aliases.Select(a => a.Alias));
        Assert.Contains("Harbour League Secretary General", velden.Roles.Select(r => r.Title));
        Assert.DoesNotContain(velden.Aliases, a => a.Alias is "she" or "Her" or "her");
        Assert.Equal(1, await db.People.CountAsync(p => p.Name == "Oskar Trell"));
    }

    [Fact]
    public async Task Should_find_the_article_again_whatever_the_channel_and_store_nothing_twice()
    {
        // The one test that imports the invented sample exactly as it is; the others add a line of their own.
        var url = ImportTestKit.VeldenUrl + "/again";
        var first = (await _services.ImportAsync(ImportTestKit.Velden(url))).StoredId();
        await using var db = database.CreateContext();
        var before = await ImportTestKit.CountsAsync(db);

        // The same address behind a tracking link, with a trailing slash and an upper-case host.
        var tracked = await _services.ImportAsync(ImportTestKit.Velden(url.Replace("news.example.test", "NEWS.Example.TEST") + "/?utm_source=feed&fbclid=x"));
        // The same text without an address, and the same text as a saved web page.
        var untitledUrl = await _services.ImportAsync(ImportTestKit.Velden(url: null));
        var page = await _services.ImportAsync(ArticleFiles.Read("page.html", ImportTestKit.Utf8(ImportTestKit.Page(ImportTestKit.VeldenTitle, ImportTestKit.VeldenBody)), new ImportOptions()).ToList());

        Assert.Equal(first, Assert.IsType<ImportOutcome.Duplicate>(tracked).ExistingArticleId);
        Assert.Equal(first, Assert.IsType<ImportOutcome.Duplicate>(untitledUrl).ExistingArticleId);
        Assert.Equal(first, Assert.IsType<ImportOutcome.Duplicate>(page.Single().Outcome).ExistingArticleId);
        Assert.Equal(before, await ImportTestKit.CountsAsync(db));
    }

    [Fact]
    public async Task Should_recognise_an_article_whose_text_an_editor_has_since_corrected()
    {
        var submission = ImportTestKit.Velden(url: null) with { Body = ImportTestKit.VeldenBody + "\n\nA line only this test has." };
        var id = (await _services.ImportAsync(submission)).ArticleId();
        await using (var db = database.CreateContext())
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            article.Revise(article.Body.Replace("stark warning", "stern warning", StringComparison.Ordinal), null, "typo");
            await db.SaveChangesAsync();
        }

        var again = await _services.ImportAsync(submission);

        Assert.Equal(id, Assert.IsType<ImportOutcome.Duplicate>(again).ExistingArticleId);
    }

    [Fact]
    public async Task Should_link_a_returning_speaker_by_alias_whatever_the_case_and_accents()
    {
        var first = new ArticleSubmission("Port tariffs", "Zoë Fairweather-Lund, the harbour master, said the tariffs would rise in spring. \"We have no choice,\" Fairweather-Lund said.", Published: new DateOnly(2025, 3, 1));
        var second = new ArticleSubmission("Port tariffs rise", "Zoe Fairweather-Lund said the increase was modest and fair to every shipping line.", Published: new DateOnly(2025, 4, 1));
        var third = new ArticleSubmission("Port tariffs in force", "ZOË FAIRWEATHER-LUND said the new tariffs were now in force at every quay.", Published: new DateOnly(2025, 4, 8));

        await _services.ImportAsync(first);
        await _services.ImportAsync(second);
        await _services.ImportAsync(third);

        await using var db = database.CreateContext();
        var people = await db.People.AsNoTracking().Where(p => p.Aliases.Any(a => a.NormalisedAlias == "zoe fairweather-lund")).ToListAsync();
        Assert.Equal("Zoë Fairweather-Lund", Assert.Single(people).Name);
        var theirs = await db.Statements.AsNoTracking().Where(s => s.SpeakerId == people[0].Id).Select(s => s.Text).ToListAsync();
        Assert.Contains(theirs, t => t.Contains("would rise in spring", StringComparison.Ordinal));
        Assert.Contains(theirs, t => t.Contains("increase was modest", StringComparison.Ordinal));
        Assert.Contains(theirs, t => t.Contains("now in force", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_link_a_surname_alone_only_to_the_one_person_who_bears_it()
    {
        await _services.ImportAsync(new ArticleSubmission("Ferry timetable", "Ferry operator Ines Quarrington said the new timetable starts in May. Quarrington said fares stay the same.", Published: new DateOnly(2025, 5, 2)));
        await _services.ImportAsync(new ArticleSubmission("Ferry fares", "Quarrington said the company would add two night crossings before the summer season begins.", Published: new DateOnly(2025, 5, 9)));

        await using var db = database.CreateContext();
        var ines = await db.People.AsNoTracking().SingleAsync(p => p.Name == "Ines Quarrington");
        Assert.False(await db.People.AnyAsync(p => p.Name == "Quarrington"));
        Assert.True(await db.Statements.AnyAsync(s => s.SpeakerId == ines.Id && s.Text.Contains("night crossings")));
    }

    [Fact]
    public async Task Should_never_merge_two_people_who_share_a_surname_and_flag_a_surname_it_cannot_place()
    {
        await using var scope = _services.CreateAsyncScope();
        var demo = DemoData.Articles().ToDictionary(a => a.Name, a => a.Submission);
        var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
        // The other tests may have stored some of these already: either way they are in the knowledge base.
        await importer.ImportAsync(demo["05-algae-bloom-warning.txt"], null, CancellationToken.None);
        await importer.ImportAsync(demo["03-rail-freight-wire.txt"], null, CancellationToken.None);
        await importer.ImportAsync(demo["06-council-hearing.txt"], null, CancellationToken.None);

        // Both Okafors now go by "Okafor": an article naming only the surname cannot be attributed to either.
        var id = (await importer.ImportAsync(new ArticleSubmission("Okafor weighs in", "Okafor said the harbour survey would be published before the end of the month.", Published: new DateOnly(2025, 6, 1)), null, CancellationToken.None)).ArticleId();

        await using var db = database.CreateContext();
        var dana = await db.People.AsNoTracking().SingleAsync(p => p.Name == "Dana Okafor");
        var tomas = await db.People.AsNoTracking().SingleAsync(p => p.Name == "Tomas Okafor");
        Assert.NotEqual(dana.Id, tomas.Id);
        Assert.False(await db.Statements.AnyAsync(s => s.SpeakerId == dana.Id && s.Article!.Title.Contains("union")));
        var speaker = await db.Statements.AsNoTracking().Where(s => s.ArticleId == id).Select(s => s.Speaker).SingleAsync();
        Assert.NotNull(speaker);
        Assert.NotEqual(dana.Id, speaker!.Id);
        Assert.NotEqual(tomas.Id, speaker.Id);
        Assert.True(speaker.NeedsReview);
    }

    [Fact]
    public async Task Should_attribute_an_unnamed_role_holder_only_by_a_dated_role_and_send_it_to_review()
    {
        await using (var db = database.CreateContext())
        {
            var holder = new Person("Edda Marrow", "edda-marrow");
            holder.AddRole("Lighthouse Commissioner", "Varland Coast Board", new DateOnly(2024, 1, 1), null);
            var predecessor = new Person("Olaf Brenn", "olaf-brenn");
            predecessor.AddRole("Lighthouse Commissioner", "Varland Coast Board", new DateOnly(2015, 1, 1), new DateOnly(2023, 12, 31));
            db.People.AddRange(holder, predecessor);
            await db.SaveChangesAsync();
        }

        var recent = (await _services.ImportAsync(new ArticleSubmission("Beacons dimmed", "The Lighthouse Commissioner said the northern beacons would be dimmed for repairs.", Published: new DateOnly(2025, 2, 1)))).ArticleId();
        var old = (await _services.ImportAsync(new ArticleSubmission("Beacons lit", "The Lighthouse Commissioner said the northern beacons would burn all winter long.", Published: new DateOnly(2020, 2, 1)))).ArticleId();

        await using var check = database.CreateContext();
        var now = await check.Statements.AsNoTracking().Include(s => s.Speaker).SingleAsync(s => s.ArticleId == recent);
        var then = await check.Statements.AsNoTracking().Include(s => s.Speaker).SingleAsync(s => s.ArticleId == old);
        Assert.Equal("Edda Marrow", now.Speaker!.Name);
        Assert.Equal(StatementStatus.Extracted, now.Status);
        Assert.Equal("Olaf Brenn", then.Speaker!.Name);
    }

    [Fact]
    public async Task Should_group_the_same_quote_reported_by_two_outlets_with_the_first_seen_date()
    {
        // The later report is imported first: the group's first-seen date must move back to the earlier one.
        var wire = (await _services.ImportAsync(new ArticleSubmission(
            "Minister pledges rail freight",
            "\"Every barge we move by canal, instead of by road, is a promise kept to the river towns,\" Minister Halvard Penrose said on Tuesday.",
            Outlet: "Coastal Wire", Published: new DateOnly(2025, 9, 12)))).ArticleId();
        var courier = (await _services.ImportAsync(new ArticleSubmission(
            "Canal freight pledge",
            "“Every barge we move by canal instead of by road is a promise kept to the river towns,” Minister Halvard Penrose told delegates.",
            Outlet: "Valdorian Courier", Published: new DateOnly(2025, 9, 10)))).ArticleId();

        await using var db = database.CreateContext();
        var statements = await db.Statements.AsNoTracking()
            .Where(s => (s.ArticleId == wire || s.ArticleId == courier) && s.Text.Contains("promise kept"))
            .Select(s => new { s.ArticleId, s.QuoteGroupId, s.SpeakerId })
            .ToListAsync();
        Assert.Equal(2, statements.Select(g => g.ArticleId).Distinct().Count());
        Assert.Single(statements.Select(g => g.SpeakerId).Distinct());
        var groupId = Assert.Single(statements.Select(g => g.QuoteGroupId).Distinct());
        var group = await db.QuoteGroups.AsNoTracking().SingleAsync(g => g.Id == groupId);
        Assert.Equal(new DateTimeOffset(2025, 9, 10, 0, 0, 0, TimeSpan.Zero), group.FirstSeenAt);
    }

    [Fact]
    public async Task Should_publish_confident_statements_and_queue_the_rest_by_the_configured_threshold()
    {
        using var strict = ImportTestKit.Services(database.ConnectionString, o => o.PublishFromConfidence = 1.0);
        using var lenient = ImportTestKit.Services(database.ConnectionString, o => o.PublishFromConfidence = 0.0);
        var queued = (await strict.ImportAsync(ImportTestKit.Velden(ImportTestKit.VeldenUrl + "/strict") with { Body = ImportTestKit.VeldenBody + "\n\nStrict." })).ArticleId();
        var shown = (await lenient.ImportAsync(ImportTestKit.Velden(ImportTestKit.VeldenUrl + "/lenient") with { Body = ImportTestKit.VeldenBody + "\n\nLenient." })).ArticleId();
        var normal = (await _services.ImportAsync(ImportTestKit.Velden(ImportTestKit.VeldenUrl + "/normal") with { Body = ImportTestKit.VeldenBody + "\n\nNormal." })).ArticleId();

        await using var db = database.CreateContext();
        Assert.All(await db.Statements.Where(s => s.ArticleId == queued).ToListAsync(), s => Assert.Equal(StatementStatus.Extracted, s.Status));
        // Even at threshold 0 an unnamed source ("officials said") waits for an editor.
        var lenientStatements = await db.Statements.Where(s => s.ArticleId == shown).ToListAsync();
        Assert.Contains(lenientStatements, s => s.SpeakerId != null);
        Assert.All(lenientStatements, s => Assert.Equal(s.SpeakerId != null ? StatementStatus.Published : StatementStatus.Extracted, s.Status));
        var threshold = new ImportOptions().PublishFromConfidence;
        Assert.All(await db.Statements.Where(s => s.ArticleId == normal && s.SpeakerId != null).ToListAsync(),
            s => Assert.Equal(s.Confidence >= threshold ? StatementStatus.Published : StatementStatus.Extracted, s.Status));
    }

    [Fact]
    public async Task Should_import_one_article_once_when_two_imports_race()
    {
        var submission = ImportTestKit.Velden(ImportTestKit.VeldenUrl + "/race") with { Body = ImportTestKit.VeldenBody + "\n\nRaced." };
        using var other = ImportTestKit.Services(database.ConnectionString);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? _services : other).ImportAsync(submission)));

        var imported = Assert.Single(outcomes.OfType<ImportOutcome.Imported>());
        Assert.All(outcomes.OfType<ImportOutcome.Duplicate>(), d => Assert.Equal(imported.ArticleId, d.ExistingArticleId));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Articles.CountAsync(a => a.CanonicalUrl == ImportTestKit.VeldenUrl + "/race"));
    }
}
