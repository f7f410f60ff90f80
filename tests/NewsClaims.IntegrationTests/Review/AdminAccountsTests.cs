using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Identity;
using NewsClaims.IntegrationTests.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Review;

/// <summary>Admins invite editors, change roles and lock accounts; editors cannot; an invitation works once.</summary>
public sealed partial class AdminAccountsTests(ImportSiteFixture site) : IClassFixture<ImportSiteFixture>
{
    [Fact]
    public async Task Should_invite_an_editor_who_sets_a_password_once_and_signs_in()
    {
        var admin = await AdminClientAsync();
        var email = $"invited-{Guid.NewGuid():N}@example.test";

        var invited = await PostAsync(admin, "/admin/accounts", new() { ["email"] = email, ["displayName"] = "Ines Invited", ["role"] = "Editor" });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var link = WebUtility.HtmlDecode(Link().Match(await invited.Content.ReadAsStringAsync()).Value);
        Assert.Contains("/account/invitation?email=", link);

        var browser = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var form = await browser.GetStringAsync(new Uri(link).PathAndQuery);
        var token = WebUtility.HtmlDecode(Regex.Match(form, "name=\"Token\" value=\"([^\"]*)\"").Groups[1].Value);
        var antiforgery = FormToken.In(form);
        var set = await browser.PostAsync("/account/invitation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["Email"] = email, ["Token"] = token, ["Password"] = ImportSiteFixture.Password,
        }));
        var again = await browser.PostAsync("/account/invitation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["Email"] = email, ["Token"] = token, ["Password"] = "Someone-Else-Entirely-77",
        }));

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var editor = await site.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/review")).StatusCode);
    }

    [Fact]
    public async Task Should_lock_an_account_and_refuse_the_admin_pages_to_editors()
    {
        var admin = await AdminClientAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/accounts")).StatusCode);

        var victim = $"locked-{Guid.NewGuid():N}@example.test";
        string id;
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorAccount>>();
            var account = new EditorAccount { UserName = victim, Email = victim, DisplayName = "Lee Locked" };
            await users.CreateAsync(account, ImportSiteFixture.Password);
            await users.AddToRoleAsync(account, NewsClaimsRoles.Editor);
            id = account.Id;
        }

        var locked = await PostAsync(admin, $"/admin/accounts/{id}/lock", new() { ["locked"] = "true" });
        var demoted = await PostAsync(admin, $"/admin/accounts/{id}/role", new() { ["role"] = "none" });

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        var login = await site.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = victim, password = ImportSiteFixture.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorAccount>>();
            Assert.Empty(await users.GetRolesAsync((await users.FindByIdAsync(id))!));
        }
    }

    private async Task<HttpClient> AdminClientAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.test";
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorAccount>>();
            var account = new EditorAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ada Admin" };
            Assert.True((await users.CreateAsync(account, ImportSiteFixture.Password)).Succeeded);
            await users.AddToRoleAsync(account, NewsClaimsRoles.Admin);
        }

        return await site.SignedInClientAsync(email);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await FormToken.FromAsync(client, "/admin/accounts");
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"https?://[^\s<""]+/account/invitation\?[^\s<""]+")]
    private static partial Regex Link();
}
