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
