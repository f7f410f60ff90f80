using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NewsClaims.Data.Identity;

namespace NewsClaims.Web.Features.Account;

public sealed class LoginForm
{
    [Required, EmailAddress, Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required, DataType(DataType.Password), Display(Name = "Password")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>The invitation form: the link carries the email and the one-time token; the editor chooses a password.</summary>
public sealed class InvitationForm
{
    public string Email { get; set; } = "";

    public string Token { get; set; } = "";

    [DataType(DataType.Password), Display(Name = "New password (12 characters or more)")]
    public string Password { get; set; } = "";
}

/// <summary>Editors sign in and out of the site with the Identity cookie. Reading needs no account.</summary>
[Route("/account")]
public sealed class AccountController(SignInManager<EditorAccount> signIn, UserManager<EditorAccount> users) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl)
    {
        ViewData["Title"] = "Sign in";
        return View(new LoginForm { ReturnUrl = returnUrl });
    }

    [HttpPost("login")]
    [AllowAnonymous]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginForm form)
    {
        ViewData["Title"] = "Sign in";
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var account = await users.FindByEmailAsync(form.Email);
        var result = account is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
        }

        // One message for an unknown email and a wrong password: the form must not reveal which accounts exist.
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "This account is locked after repeated failures. Try again later or ask an administrator."
            : "Unknown email or wrong password.");
        return View(form);
    }

    /// <summary>An invited editor chooses a password with the one-time link an admin gave them.</summary>
    [HttpGet("invitation")]
    [AllowAnonymous]
    public IActionResult Invitation(string? email, string? token)
    {
        ViewData["Title"] = "Choose your password";
        return View("/Features/Account/Invitation.cshtml", new InvitationForm { Email = email ?? "", Token = token ?? "" });
    }

    [HttpPost("invitation")]
    [AllowAnonymous]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Invitation(InvitationForm form)
    {
        ViewData["Title"] = "Choose your password";
        var account = string.IsNullOrWhiteSpace(form.Email) ? null : await users.FindByEmailAsync(form.Email);
        if (account is null || account.PasswordHash is not null || string.IsNullOrEmpty(form.Token) || string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError(string.Empty, "This invitation is not valid (or was already used). Ask an administrator for a new one.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("/Features/Account/Invitation.cshtml", form);
        }

        var result = await users.ResetPasswordAsync(account, form.Token, form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Code == "InvalidToken" ? "This invitation is not valid (or was already used). Ask an administrator for a new one." : error.Description);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("/Features/Account/Invitation.cshtml", form);
        }

        account.EmailConfirmed = true;
        await users.UpdateAsync(account);
        return LocalRedirect("/account/login");
    }

    [HttpPost("logout")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("denied")]
    public IActionResult Denied()
    {
        ViewData["Title"] = "Not allowed";
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
