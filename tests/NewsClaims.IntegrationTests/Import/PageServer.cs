using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>
/// A local web server serving saved pages written for these tests, and the misbehaving pages a URL import must
/// survive: one that never answers, one that redirects forever, one of 50 MB, an image, a 404.
/// </summary>
public sealed class PageServer : IAsyncLifetime
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        var app = _app;
        var veldenPage = ImportTestKit.Page(ImportTestKit.VeldenTitle, ImportTestKit.VeldenBody + "\n\nServed from the test page server.", url: null);

        app.MapGet("/news/velden", () => Results.Content(veldenPage, "text/html; charset=utf-8"));
        app.MapGet("/go/velden", () => Results.Redirect("/news/velden"));
        app.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(2), ct);
            return Results.Content("<p>too late</p>", "text/html");
        });
        app.MapGet("/huge", async (HttpContext context) =>
        {
            // 50 MB of HTML, streamed without a length, as a misbehaving server would.
            context.Response.ContentType = "text/html";
            var chunk = System.Text.Encoding.UTF8.GetBytes("<p>" + new string('x', 65_000) + "</p>\n");
            for (var sent = 0L; sent < 50L * 1024 * 1024 && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        app.MapGet("/image", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0], "image/png"));
        await app.StartAsync();
        BaseUrl = app.Urls.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
