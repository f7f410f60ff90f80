using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Identity;
using NewsClaims.IntegrationTests.Infrastructure;
using NewsClaims.IntegrationTests.Web;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>The real site on a fresh database, with an editor and a reader account that sign in through the API.</summary>
public sealed partial class ImportSiteFixture : DatabaseFixture
{
    public const string Password = "Correct-Horse-Battery-Staple-9";

    public NewsClaimsWebFactory Factory { get; private set; } = null!;

    public string EditorEmail { get; } = $"editor-{Guid.NewGuid():N}@example.test";

    public string ReaderEmail { get; } = $"reader-{Guid.NewGuid():N}@example.test";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new NewsClaimsWebFactory(ConnectionString);
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorAccount>>();
        foreach (var (email, role) in new[] { (EditorEmail, (string?)NewsClaimsRoles.Editor), (ReaderEmail, null) })
        {
            var account = new EditorAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
            Check(await users.CreateAsync(account, Password));
            if (role is not null)
            {
                Check(await users.AddToRoleAsync(account, role));
            }
        }
    }

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A client carrying the bearer token <c>POST /api/v1/auth/login</c> gives this account.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>The antiforgery token of the import page, for posting its forms as a browser would.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/import");
        return TokenPattern().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on /import.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
