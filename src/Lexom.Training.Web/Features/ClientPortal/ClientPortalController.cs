using Lexom.Training.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.ClientPortal;

public sealed class InvitationForm
{
    public string? Email { get; set; }
    public string? Jeton { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

/// <summary>The invitation link of the issued-proposal e-mail, and the client space (issue 6, item 4).</summary>
public sealed class ClientPortalController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    ClientPortalQueries queries,
    ILogger<ClientPortalController> logger) : Controller
{
    public const string InvalidLink = "Ce lien d'invitation n'est pas valable ou a déjà servi. Si vous avez déjà choisi votre mot de passe, connectez-vous ; sinon, demandez un nouveau lien à votre interlocuteur LEXOM (formation@lexom.fr).";

    [HttpGet(ClientInvitations.InvitationPath)]
    [AllowAnonymous]
    public async Task<IActionResult> Invitation(string? email, string? jeton)
    {
        var form = new InvitationForm { Email = email, Jeton = jeton };
        if (await InvitedAsync(email, jeton) is null) ViewData["InvalidLink"] = true;
        return View(form);
    }

    [HttpPost(ClientInvitations.InvitationPath)]
    [AllowAnonymous]
    public async Task<IActionResult> Invitation(InvitationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await InvitedAsync(form.Email, form.Jeton);
        if (user is null)
        {
            ViewData["InvalidLink"] = true;
            return View(form);
        }
        if (string.IsNullOrEmpty(form.Password))
            ModelState.AddModelError(nameof(form.Password), "Choisissez un mot de passe.");
        else if (form.Password.Length > Infrastructure.Security.CommonPasswordValidator.MaximumLength)
            ModelState.AddModelError(nameof(form.Password), "Le mot de passe est trop long.");
        else if (form.Password != form.ConfirmPassword)
            ModelState.AddModelError(nameof(form.ConfirmPassword), "Les deux mots de passe ne sont pas identiques.");
        if (!ModelState.IsValid) return View(form);

        var reset = await users.ResetPasswordAsync(user, form.Jeton!, form.Password!);
        if (!reset.Succeeded)
        {
            if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                ViewData["InvalidLink"] = true;
                return View(form);
            }
            foreach (var error in reset.Errors) ModelState.AddModelError(nameof(form.Password), error.Description);
            return View(form);
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        logger.LogInformation("Compte client {UserId} activé par son invitation", user.Id);
        TempData["Flash"] = "Votre mot de passe est enregistré : bienvenue dans votre espace client.";
        return Redirect("/espace-client");
    }

    [HttpGet("/espace-client")]
    [Authorize(Roles = Roles.Client)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(await queries.HomeAsync(user, ct));
    }

    [HttpGet("/espace-client/propositions/{id:guid}/pdf")]
    [Authorize(Roles = Roles.Client)]
    public async Task<IActionResult> Pdf(Guid id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var pdf = await queries.PdfAsync(user, id, ct);
        return pdf is { } file ? File(file.Pdf, "application/pdf", file.FileName) : NotFound();
    }

    /// <summary>The client account the link is for, if its token is still good (not yet used, not tampered with).</summary>
    private async Task<AppUser?> InvitedAsync(string? email, string? token)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(token) || email.Length > 256 || token.Length > 2000) return null;
        var user = await users.FindByEmailAsync(email);
        if (user is null || !await users.IsInRoleAsync(user, Roles.Client)) return null;
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }
}
