using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Outlets;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Claims;
using NewsClaims.Data.Generation;
using NewsClaims.Data.Identity;
using NewsClaims.IntegrationTests.Infrastructure;
using NewsClaims.IntegrationTests.Web;

namespace NewsClaims.IntegrationTests.Exports;

[CollectionDefinition(Name)]
public sealed class ExportCollection : ICollectionFixture<ExportSiteFixture>
{
    public const string Name = "Exports";
}

/// <summary>
/// The site on a generated knowledge base of a few thousand statements, some of them rejected or turned into
/// unnamed sources, plus the hard cases: a statement whose words hold quotes, commas, a line break and a leading
/// "=", a renamed person, a merged duplicate, a claim rated and re-rated through the editors' service, notes
/// published and draft. One editor and one reader account sign in through the API.
/// </summary>
public sealed class ExportSiteFixture : DatabaseFixture
{
    public const string Password = "Correct-Horse-Battery-Staple-9";

    /// <summary>Quotes, commas, a line break, a leading formula sign and text outside ASCII: what a CSV must carry intact.</summary>
    public const string AwkwardWords = "=SUM(A1), a \"doubled\" word, and\na second line for Ferré 🚢";

    public NewsClaimsWebFactory Factory { get; private set; } = null!;

    public string EditorEmail { get; } = $"export-editor-{Guid.NewGuid():N}@example.test";

    public string ReaderEmail { get; } = $"export-reader-{Guid.NewGuid():N}@example.test";

    public string EditorId { get; private set; } = "";

    public long AwkwardStatementId { get; private set; }

    public long RejectedStatementId { get; private set; }

    public long HiddenUnnamedStatementId { get; private set; }

    public long ShownUnnamedStatementId { get; private set; }

    public long PersonId { get; private set; }

    public string PersonSlug { get; private set; } = "";

    public string OldPersonSlug { get; private set; } = "";

    public string MergedSlug { get; private set; } = "";

    public long MergedPersonId { get; private set; }

    public long ClaimId { get; private set; }

    public long UnratedClaimId { get; private set; }

    public string HeavySpeakerSlug { get; private set; } = "";

    public long PublishedNoteId { get; private set; }

    public long DraftNoteId { get; private set; }

    /// <summary>Published, but on the rejected statement: readers see neither.</summary>
    public long HiddenStatementNoteId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var report = await new KnowledgeBaseGenerator(ConnectionString, _ => { })
            .GenerateAsync(new GenerationOptions { People = 150, Articles = 700, Statements = 3_000, HeavySpeakers = 2, HeavySpeakerStatements = 250, Outlets = 12, Claims = 40 }, CancellationToken.None);
        HeavySpeakerSlug = report.HeavySpeakerSlugs[0];

        // What readers must not see, spread over the generated rows: rejected statements, and unnamed sources no editor confirmed.
        await using (var connection = await OpenConnectionAsync())
        await using (var command = new Npgsql.NpgsqlCommand(
            """
            UPDATE statements SET status = 'rejected', reviewed_at = now(), rejection_reason = 'generated rejection' WHERE id % 13 = 0;
            UPDATE statements SET speaker_id = NULL, mention_start = NULL, mention_end = NULL, mention_text = NULL, unnamed_source = 'officials' WHERE id % 29 = 0;
            """, connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        Factory = new NewsClaimsWebFactory(ConnectionString);
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorAccount>>();
        foreach (var (email, role) in new[] { (EditorEmail, (string?)NewsClaimsRoles.Editor), (ReaderEmail, null) })
        {
            var account = new EditorAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Export " + (role ?? "Reader") };
            Check(await users.CreateAsync(account, Password));
            if (role is not null)
            {
                Check(await users.AddToRoleAsync(account, role));
                EditorId = account.Id;
            }
        }

        await using var db = CreateContext();
        var outlet = new Outlet("The Export Test Courier", "courier.export.test");
        var person = new Person("Ines Ferro", description: "Invented person for the export tests.");
        person.AddRole("Harbour master", "Port of Essery", new DateOnly(2018, 3, 1), null);
        var duplicate = new Person("I. Ferro");
        var body = $"Harbour master Ines Ferro said: \"{AwkwardWords}\" at the hearing. Officials said the quay was shut. Staff said the ferry was late. Ferro said the ferry was early.";
        var article = new Article("Ferro speaks, with \"quotes\", commas", body, outlet: outlet, canonicalUrl: "https://courier.export.test/ferro", publishedOn: new DateOnly(2026, 11, 30));
        var awkward = article.AddStatement(Sample.Span(body, AwkwardWords), StatementKind.Direct, 0.95, "test");
        awkward.AttributeTo(person, Sample.Span(body, "Ines Ferro"), "test");
        awkward.MarkCue(Sample.Span(body, "said", 1));
        awkward.PlaceAt("the hearing", null);
        awkward.DateAs("at the hearing", new DateOnly(2026, 11, 29), DatePrecision.Day);
        awkward.Publish();
        var hiddenUnnamed = article.AddStatement(Sample.Span(body, "the quay was shut"), StatementKind.Indirect, 0.9, "test");
        hiddenUnnamed.AttributeTo(null, null, "test", "Officials");
        hiddenUnnamed.Publish();
        var shownUnnamed = article.AddStatement(Sample.Span(body, "the ferry was late"), StatementKind.Indirect, 0.9, "test");
        shownUnnamed.AttributeTo(null, null, "test", "Staff");
        shownUnnamed.Confirm(EditorId, DateTimeOffset.UtcNow);
        var rejected = article.AddStatement(Sample.Span(body, "the ferry was early"), StatementKind.Indirect, 0.7, "test");
        rejected.AttributeTo(person, Sample.Span(body, "Ferro", 2), "test");
        rejected.Reject(EditorId, DateTimeOffset.UtcNow, "Not what she said.");
        db.Articles.Add(article);
        db.People.Add(duplicate);
        await db.SaveChangesAsync();

        OldPersonSlug = person.Slug;
        person.Rename("Ines Ferro-Costa");
        MergedSlug = duplicate.Slug;
        duplicate.MergeInto(person);
        var unrated = new Claim("The ferry timetable was never published.", EditorId);
        unrated.Include(awkward, EditorId);
        db.Claims.Add(unrated);
        await db.SaveChangesAsync();

        // The rated claim goes through the editors' service, so its verdicts are in the audit log as on the site.
        var editing = scope.ServiceProvider.GetRequiredService<ClaimEditing>();
        var created = await editing.CreateAsync(EditorId, new ClaimDraft(
            "The quay will reopen before the ferry season.", ["harbour"], [awkward.Id, shownUnnamed.Id, rejected.Id, hiddenUnnamed.Id], VerdictRating.MostlyFalse, "The works contract runs to June.", []), CancellationToken.None);
        ClaimId = Assert.IsType<ClaimOutcome.Done>(created).ClaimId;
        var version = await db.Claims.Where(c => c.Id == ClaimId).Select(c => c.Version).SingleAsync();
        var rerated = await editing.EditAsync(EditorId, ClaimId, version, new ClaimDraft(
            "The quay will reopen before the ferry season.", ["harbour"], [], VerdictRating.False, "The contract was extended to September.", [("Works contract", "https://port.export.test/contract")]), CancellationToken.None);
        Assert.IsType<ClaimOutcome.Done>(rerated);

        var claim = await db.Claims.SingleAsync(c => c.Id == ClaimId);
        var note = Annotation.OnClaim(claim, EditorId, AnnotationMotivation.Assessing, "The **contract** says September.");
        note.Publish();
        var draft = Annotation.OnClaim(claim, EditorId, AnnotationMotivation.Commenting, "Draft note nobody may read");
        var onRejected = Annotation.OnStatement(rejected, EditorId, AnnotationMotivation.Correcting, "She said the opposite.");
        onRejected.Publish();
        db.Annotations.AddRange(note, draft, onRejected);
        await db.SaveChangesAsync();

        AwkwardStatementId = awkward.Id;
        RejectedStatementId = rejected.Id;
        HiddenUnnamedStatementId = hiddenUnnamed.Id;
        ShownUnnamedStatementId = shownUnnamed.Id;
        PersonId = person.Id;
        PersonSlug = person.Slug;
        MergedPersonId = duplicate.Id;
        UnratedClaimId = unrated.Id;
        PublishedNoteId = note.Id;
        DraftNoteId = draft.Id;
        HiddenStatementNoteId = onRejected.Id;
    }

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client carrying the bearer token <c>POST /api/v1/auth/login</c> gives this account.</summary>
    public async Task<HttpClient> BearerClientAsync(string email)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A client signed in through the site's login form, carrying the sign-in cookie as a browser would.</summary>
    public async Task<HttpClient> CookieClientAsync(string email)
    {
        var client = Anonymous();
        var token = await FormToken.FromAsync(client, "/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
