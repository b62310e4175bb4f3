using Lexom.Training.Web.Infrastructure;
using FluentValidation;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Lexom.Training.Web.Features.Account;

public sealed class LoginForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Saisissez votre adresse e-mail.")
            .MaximumLength(256).WithMessage("L'adresse e-mail est trop longue.")
            .EmailAddress().WithMessage("Saisissez une adresse e-mail valide.");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Saisissez votre mot de passe.")
            .MaximumLength(128).WithMessage("Le mot de passe est trop long.");
    }
}

[Route("/compte")]
public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IValidator<LoginForm> validator,
    AccountStatus status,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("connexion")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("connexion")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(form);

        var user = await users.FindByEmailAsync(form.Email!);
        // A disabled account gets the same answer as a wrong password (it says nothing about the account).
        if (user is not null && !AccountStatus.IsDisabled(user))
        {
            // A new session cookie is issued at login (the old one, if any, is replaced).
            var result = await signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                logger.LogInformation("Connexion de {UserId}", user.Id);
                if (Url.IsLocalUrl(form.ReturnUrl)) return LocalRedirect(form.ReturnUrl);
                if (await users.IsInRoleAsync(user, Roles.Client)) return Redirect("/espace-client");
                var staff = await users.IsInRoleAsync(user, Roles.Sales) || await users.IsInRoleAsync(user, Roles.Admin);
                return !staff && await users.IsInRoleAsync(user, Roles.Trainer) ? Redirect("/gestion/sessions") : Redirect("/gestion");
            }
            if (result.IsLockedOut)
            {
                logger.LogWarning("Compte {UserId} verrouillé après des échecs de connexion", user.Id);
                ModelState.AddModelError("", "Trop de tentatives infructueuses : ce compte est verrouillé pendant 15 minutes.");
                return View(form);
            }
        }
        ModelState.AddModelError("", "Adresse e-mail ou mot de passe incorrect.");
        return View(form);
    }

    /// <summary>Ends the session here and, through the security stamp, every other cookie of the account (ASVS 7.4.1).</summary>
    [HttpPost("deconnexion")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user) await status.EndSessionsAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [HttpGet("acces-refuse")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
