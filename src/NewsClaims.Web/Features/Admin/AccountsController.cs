using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data.Identity;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Admin;

/// <summary>
/// Admins manage accounts with ASP.NET Core Identity: invite an editor (an account without a password and a one-time
/// link to choose one), change roles, lock and unlock. An admin cannot lock or demote their own account.
/// </summary>
[Authorize(Policy = EditorSignIn.Admin)]
[Route("/admin/accounts")]
public sealed class AccountsController(UserManager<EditorAccount> users) : Controller
{
    private const string ListView = "/Features/Admin/Accounts.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await PageAsync(null, null, ct);

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Invite([FromForm] string? email, [FromForm] string? displayName, [FromForm] string? role, CancellationToken ct)
    {
        var address = email?.Trim() ?? "";
        if (address.Length is < 3 or > 256 || !address.Contains('@', StringComparison.Ordinal))
        {
            return await PageAsync("Give the editor's email address.", null, ct, StatusCodes.Status422UnprocessableEntity);
        }

        if (RoleOf(role) is not { } chosen)
        {
            return await PageAsync("Choose the role: Editor or Admin.", null, ct, StatusCodes.Status422UnprocessableEntity);
        }

        var account = new EditorAccount { UserName = address, Email = address, DisplayName = (displayName ?? "").Trim() is { Length: > 0 and <= 100 } name ? name : address.Split('@')[0] };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            return await PageAsync(string.Join(" ", created.Errors.Select(e => e.Description)), null, ct, StatusCodes.Status422UnprocessableEntity);
        }

        await users.AddToRoleAsync(account, chosen);
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var link = $"{Request.Scheme}://{Request.Host}/account/invitation?email={Uri.EscapeDataString(address)}&token={Uri.EscapeDataString(token)}";
        return await PageAsync(null, $"Invitation for {address} ({chosen}): send them this link to choose a password — {link}", ct);
    }

    [HttpPost("{id}/role")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Role(string id, [FromForm] string? role, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } account)
        {
            return NotFound();
        }

        if (account.Id == Me())
        {
            return await PageAsync("You cannot change your own role; ask another admin.", null, ct, StatusCodes.Status422UnprocessableEntity);
        }

        var chosen = RoleOf(role);
        if (chosen is null && role != "none")
        {
            return await PageAsync("Choose Editor, Admin or none.", null, ct, StatusCodes.Status422UnprocessableEntity);
        }

        await users.RemoveFromRolesAsync(account, await users.GetRolesAsync(account));
        if (chosen is not null)
        {
            await users.AddToRoleAsync(account, chosen);
        }

        // The change takes effect at the account's next request, not at its cookie's expiry.
        await users.UpdateSecurityStampAsync(account);
        return await PageAsync(null, $"{account.Email} is now {chosen ?? "without a role"}.", ct);
    }

    [HttpPost("{id}/lock")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Lock(string id, [FromForm] bool locked, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } account)
        {
            return NotFound();
        }

        if (account.Id == Me())
        {
            return await PageAsync("You cannot lock your own account.", null, ct, StatusCodes.Status422UnprocessableEntity);
        }

        await users.SetLockoutEnabledAsync(account, true);
        await users.SetLockoutEndDateAsync(account, locked ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(account);
        return await PageAsync(null, $"{account.Email} is {(locked ? "locked" : "unlocked")}.", ct);
    }

    private async Task<IActionResult> PageAsync(string? problem, string? done, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        ViewData["Title"] = "Accounts";
        var accounts = await users.Users.AsNoTracking().OrderBy(u => u.Email).Take(1000).ToListAsync(ct);
        var rows = new List<AccountRow>();
        foreach (var account in accounts)
        {
            rows.Add(new AccountRow(account.Id, account.Email ?? "", account.DisplayName, [.. await users.GetRolesAsync(account)],
                account.LockoutEnd is { } end && end > DateTimeOffset.UtcNow, account.PasswordHash is null, account.Id == Me()));
        }

        return View(ListView, new AccountsPage(rows, problem, done));
    }

    private string Me() => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static string? RoleOf(string? role) => role switch
    {
        NewsClaimsRoles.Editor => NewsClaimsRoles.Editor,
        NewsClaimsRoles.Admin => NewsClaimsRoles.Admin,
        _ => null,
    };
}

public sealed record AccountRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Locked, bool Invited, bool IsMe);

public sealed record AccountsPage(IReadOnlyList<AccountRow> Accounts, string? Problem, string? Done);
