using Microsoft.AspNetCore.Mvc;

namespace NewsClaims.Web.Features.Statements;

public sealed class StatementsController(StatementQueries queries) : Controller
{
    [HttpGet("/statements/{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var statement = await queries.StatementAsync(id, ct);
        if (statement is null)
        {
            return NotFound();
        }

        ViewData["Title"] = statement.SpeakerName is null ? "Statement" : $"{statement.SpeakerName}: statement";
        return View(statement);
    }
}
