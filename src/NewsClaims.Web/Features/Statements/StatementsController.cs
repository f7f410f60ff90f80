using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Statements;

[OutputCache(PolicyName = Shared.ReaderCachePolicy.Name)]
public sealed class StatementsController(StatementQueries queries) : Controller
{
    [HttpGet("/statements/{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var statement = await queries.StatementAsync(id, ct, User.IsEditor());
        if (statement is null)
        {
            return NotFound();
        }

        ViewData["Title"] = statement.SpeakerName is null ? "Statement" : $"{statement.SpeakerName}: “{Shared.PageMeta.Shorten(statement.Text, 60)}”";
        return View(statement);
    }
}
