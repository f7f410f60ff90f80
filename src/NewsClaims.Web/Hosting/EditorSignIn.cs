using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using NewsClaims.Data;
using NewsClaims.Data.Identity;

namespace NewsClaims.Web.Hosting;

/// <summary>
/// Editor sign-in with ASP.NET Core Identity: the application cookie for the site's editor pages, Identity
/// bearer tokens for the API (<c>POST /api/v1/auth/login</c>, as CONTRACTS.md fixes it), and the policies that
/// say who may change the knowledge base. No hand-written password or token code.
/// </summary>
public static class EditorSignIn
{
    /// <summary>Editors and admins, signed in by cookie (pages) or bearer token.</summary>
    public const string Editor = "Editor";

    /// <summary>Admins only: accounts and roles.</summary>
    public const string Admin = "Admin";

    /// <summary>Editors and admins, by bearer token only: API callers get 401, not a redirect to a login page.</summary>
    public const string ApiEditor = "ApiEditor";

    // Pages accept either: a browser's cookie (anonymous visitors are sent to sign in), or a bearer token.
    private const string CookieOrBearer = "CookieOrBearer";

    /// <summary>True for an editor or admin (pages then show drafts and editing forms; such requests are never cached).</summary>
    public static bool IsEditor(this ClaimsPrincipal user) =>
        user.IsInRole(NewsClaimsRoles.Editor) || user.IsInRole(NewsClaimsRoles.Admin);

    /// <summary>The signed-in editor's account id, which every change they make is recorded under.</summary>
    public static string EditorId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in editor has an id.");

    /// <summary>
    /// The editor policy with its cookie-or-bearer schemes, as <c>[Authorize]</c> would apply it, for endpoints open to
    /// everyone that show editors more (drafts, everything-scope exports): challenged when not signed in, forbidden for a non-editor.
    /// </summary>
    public static async Task<PolicyAuthorizationResult> AuthorizeEditorAsync(this HttpContext context)
    {
        var services = context.RequestServices;
        var policy = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(Editor)
                     ?? throw new InvalidOperationException("The editor policy is not registered.");
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, context);
        return await evaluator.AuthorizeAsync(policy, authentication, context, resource: null);
    }

    public static WebApplicationBuilder AddEditorSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Keys in the database: a restart or a second instance still reads the cookies and tokens the site gave out.
        services.AddDataProtection()
            .SetApplicationName("NewsClaims")
            .PersistKeysToDbContext<NewsClaimsDbContext>();
        new IdentityBuilder(typeof(EditorAccount), typeof(IdentityRole), services)
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Editor, policy => policy
                .AddAuthenticationSchemes(CookieOrBearer)
                .RequireAuthenticatedUser()
                .RequireRole(NewsClaimsRoles.Editor, NewsClaimsRoles.Admin))
            .AddPolicy(Admin, policy => policy
                .AddAuthenticationSchemes(CookieOrBearer)
                .RequireAuthenticatedUser()
                .RequireRole(NewsClaimsRoles.Admin))
            .AddPolicy(ApiEditor, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser()
                .RequireRole(NewsClaimsRoles.Editor, NewsClaimsRoles.Admin));
        return builder;
    }

    /// <summary><c>POST /api/v1/auth/login</c> <c>{"email","password"}</c> → <c>{"tokenType","accessToken","expiresIn","refreshToken"}</c>.</summary>
    public static WebApplication MapEditorSignIn(this WebApplication app)
    {
        app.MapPost("/api/v1/auth/login", async Task<IResult> (HttpRequest request, SignInManager<EditorAccount> signIn, UserManager<EditorAccount> users) =>
            {
                // Read here, not bound: the framework's binder throws (a 500) on a JSON content type with an unknown charset.
                if (!request.HasJsonContentType() || (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                        && type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
                {
                    return TypedResults.Problem("Send the credentials as UTF-8 JSON.", statusCode: StatusCodes.Status415UnsupportedMediaType);
                }

                LoginRequest? login;
                try
                {
                    login = await JsonSerializer.DeserializeAsync<LoginRequest>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted);
                }
                catch (JsonException)
                {
                    return TypedResults.Problem("The body is not valid JSON.", statusCode: StatusCodes.Status400BadRequest);
                }

                if (login is null || string.IsNullOrWhiteSpace(login.Email) || string.IsNullOrEmpty(login.Password))
                {
                    return TypedResults.Problem("Give an email and a password.", statusCode: StatusCodes.Status400BadRequest);
                }

                var account = await users.FindByEmailAsync(login.Email);
                if (account is null)
                {
                    return TypedResults.Problem("Unknown email or wrong password.", statusCode: StatusCodes.Status401Unauthorized);
                }

                // The bearer handler writes the token response itself on sign-in.
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var result = await signIn.PasswordSignInAsync(account, login.Password, isPersistent: false, lockoutOnFailure: true);
                return result.Succeeded
                    ? TypedResults.Empty
                    : TypedResults.Problem(
                        result.IsLockedOut ? "The account is locked after repeated failures; try again later." : "Unknown email or wrong password.",
                        statusCode: StatusCodes.Status401Unauthorized);
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .Accepts<LoginRequest>("application/json")
            .Produces<AccessTokenResponse>()
            .WithName("Login")
            .WithTags("Auth");
        return app;
    }

    public sealed record LoginRequest(string? Email, string? Password);
}
