using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Identity;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Web;

/// <summary>Editors sign in through the site's form, with antiforgery, and reach editor pages; readers are sent to sign in.</summary>
public sealed partial class SignInTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Email = "editor.signin@newsclaims.test";
    private const string Password = "a long editor passphrase 42";
    private NewsClaimsWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new NewsClaimsWebFactory(database.ConnectionString);
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorAccount>>();
        if (await users.FindByEmailAsync(Email) is null)
        {
            var account = new EditorAccount { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Signin Editor" };
            Assert.True((await users.CreateAsync(account, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, NewsClaimsRoles.Editor)).Succeeded);
        }
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Should_send_an_anonymous_visitor_of_an_editor_page_to_the_sign_in_form()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        var form = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("<h1>Sign in</h1>", await form.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_refuse_a_wrong_password_without_saying_whether_the_account_exists()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var wrongPassword = await SignInAsync(client, Email, "not the password at all");
        var unknownAccount = await SignInAsync(client, "nobody@newsclaims.test", "not the password at all");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Contains("Unknown email or wrong password.", await wrongPassword.Content.ReadAsStringAsync());
        Assert.Contains("Unknown email or wrong password.", await unknownAccount.Content.ReadAsStringAsync());
        Assert.DoesNotContain(".AspNetCore.Identity.Application", string.Join(";", wrongPassword.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
    }

    [Fact]
    public async Task Should_refuse_a_sign_in_post_without_the_antiforgery_token()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Email,
            ["Password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Should_sign_an_editor_in_return_them_to_the_page_they_asked_for_and_sign_them_out()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signedIn = await SignInAsync(client, Email, Password, returnUrl: "/import");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/import", signedIn.Headers.Location!.OriginalString);
        var importPage = await client.GetAsync("/import");
        Assert.Equal(HttpStatusCode.OK, importPage.StatusCode);
        var html = await importPage.Content.ReadAsStringAsync();
        Assert.Contains("Sign out", html);

        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/import")).StatusCode);
    }

    [Fact]
    public async Task Should_not_redirect_to_another_site_after_signing_in()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await SignInAsync(client, Email, Password, returnUrl: "https://elsewhere.example/phish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the sign-in form must carry an antiforgery token");
        var fields = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
