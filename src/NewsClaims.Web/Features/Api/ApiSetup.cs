using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using NewsClaims.Web.Hosting;
using Scalar.AspNetCore;

namespace NewsClaims.Web.Features.Api;

/// <summary>
/// The JSON API's conventions in one place: enums as snake_case text (as stored), the OpenAPI document at
/// <c>/openapi/v1.json</c> describing every <c>/api</c> endpoint, interactive docs at <c>/docs</c>, and conditional GET.
/// </summary>
public static class ApiSetup
{
    public const string DocsPath = "/docs";
    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddNewsClaimsApi(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Configure(o.JsonSerializerOptions));
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => Configure(o.SerializerOptions));
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "NewsClaims API",
                    Version = "v1",
                    Description =
                        "Who said what, where and when in the news. Reads are open to everyone and show what the site's readers see; " +
                        "writes need an editor's bearer token from POST /api/v1/auth/login. Lists are keyset-paged (limit, cursor; " +
                        "follow `next` or the Link header). Every 200 carries an ETag: send it back as If-None-Match to get 304. " +
                        "Errors are RFC 9457 problem details. Offsets are UTF-16 indices into the article's text, end-exclusive.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An access token from POST /api/v1/auth/login (editors).",
                };
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, _, _) =>
            {
                // An enum's shared schema must not list null: nullable uses say so themselves (oneOf with null), and a
                // null in both would match twice, which oneOf forbids.
                if (schema.Enum is { Count: > 0 } values)
                {
                    foreach (var value in values.Where(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.Null).ToList())
                    {
                        values.Remove(value);
                    }
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, ct) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;

                // An action that reads its body itself (to report bad JSON its own way) still documents what it takes.
                if (operation.RequestBody is null && metadata.OfType<IAcceptsMetadata>().FirstOrDefault(a => a.RequestType is not null) is { } accepts)
                {
                    var schema = await context.GetOrCreateSchemaAsync(accepts.RequestType!, null, ct);
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = accepts.ContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = schema }),
                    };
                }

                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                }
            });
        });
        return services;
    }

    public static WebApplication UseNewsClaimsApi(this WebApplication app)
    {
        app.UseApiConditionalGet();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(DocsPath, (options, context) => options
            .WithTitle("NewsClaims API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // Nothing leaves the site: no third-party fonts, telemetry, AI agent or MCP, no developer toolbar.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .AddPreferredSecuritySchemes(BearerScheme)
            .WithNonce(SecurityHeaders.NonceFor(context)));
        return app;
    }

    private static void Configure(JsonSerializerOptions options)
    {
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        }
    }
}
