using Microsoft.AspNetCore.Mvc;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>
/// Added to <see cref="HostingSite"/> only: failures no real endpoint produces on demand, to show what the pipeline
/// makes of them (an unexpected exception, a conflict, a request slower than the timeout, a slow streamed response).
/// </summary>
[ApiController]
[Route("/api/v1/hosting-probe")]
public sealed class HostingProbeController : ControllerBase
{
    [HttpGet("throw")]
    public IActionResult Throw() => throw new InvalidOperationException("A bug the client must never see: secret-internal-detail.");

    [HttpGet("conflict")]
    public IActionResult Conflicting() => Conflict();

    [HttpGet("slow")]
    public async Task<IActionResult> Slow([FromQuery] int milliseconds, CancellationToken ct)
    {
        await Task.Delay(milliseconds, ct);
        return Ok(new { waited = milliseconds });
    }

    [HttpGet("page")]
    public ContentResult Page() => Content("<p>probe</p>", "text/html");

    [HttpGet("/hosting-probe/throw")]
    public IActionResult ThrowOnAPage() => throw new InvalidOperationException("A bug on a page: secret-internal-detail.");
}
