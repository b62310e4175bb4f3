using Lexom.Training.Web.Data;
using FluentValidation;
using Lexom.Training.Web.Infrastructure;
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
[Authorize(Policy = Policies.Client)]
public sealed class ClientPortalController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    ClientPortalQueries queries,
    Orders.OrderDesk desk,
    Orders.OrderQueries orders,
    IValidator<Orders.OnlineAcceptanceForm> acceptanceValidator,
    ClientNewVersions newVersions,
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
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Security.RateLimits.Login)]
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
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(await queries.HomeAsync(user, ct));
    }

    [HttpGet("/espace-client/propositions/{id:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var pdf = await queries.PdfAsync(user, id, ct);
        return pdf is { } file ? File(file.Pdf, "application/pdf", file.FileName) : NotFound();
    }

    /// <summary>One of the client's proposals: its PDF, its totals and, while valid, the online acceptance (P4); past its validity, a new version (P3).</summary>
    [HttpGet("/espace-client/propositions/{id:guid}")]
    public async Task<IActionResult> Proposal(Guid id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var view = await queries.ProposalAsync(user, id, ct);
        return view is null ? NotFound() : View(view);
    }

    [HttpPost("/espace-client/propositions/{id:guid}/accepter")]
    public async Task<IActionResult> Accept(Guid id, Orders.OnlineAcceptanceForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var view = await queries.ProposalAsync(user, id, ct);
        if (view is null || user.ClientId is not { } clientId) return NotFound();
        if (await acceptanceValidator.ValidateIntoAsync(form, ModelState, ct))
        {
            var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
            var result = await desk.AcceptOnlineAsync(clientId, id, form, ip, Request.Headers.UserAgent.ToString(), ct);
            if (result.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData["Flash"] = "Merci : votre acceptation est enregistrée. Un accusé de réception vous est envoyé par e-mail.";
                return Redirect($"/espace-client/commandes/{result.OrderId}");
            }
            ModelState.AddModelError("", result.Error!);
            view = await queries.ProposalAsync(user, id, ct);
            if (view is null) return NotFound();
        }
        ViewData["AcceptanceForm"] = form;
        return View("Proposal", view);
    }

    /// <summary>P3: a proposal past its validity cannot be accepted; the client asks for a new version (a request in the staff queue, once).</summary>
    [HttpPost("/espace-client/propositions/{id:guid}/nouvelle-version")]
    public async Task<IActionResult> RequestNewVersion(Guid id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var view = await queries.ProposalAsync(user, id, ct);
        if (view is null) return NotFound();
        if (!view.IsPastValidity)
        {
            TempData["FlashError"] = "Cette proposition n'a pas expiré : vous pouvez l'accepter telle quelle.";
            return Redirect($"/espace-client/propositions/{id}");
        }
        await newVersions.RequestAsync(view.Proposal, NewVersionKey(id), ct);
        TempData["Flash"] = "Votre demande de nouvelle version est transmise à votre interlocuteur LEXOM : il vous enverra une proposition à jour.";
        return Redirect($"/espace-client/propositions/{id}");
    }

    [HttpGet("/espace-client/commandes/{id:guid}")]
    public async Task<IActionResult> Order(Guid id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user?.ClientId is not { } clientId) return NotFound();
        var view = await orders.ViewAsync(id, clientId, ct);
        return view is null ? NotFound() : View(view);
    }

    /// <summary>P7, LW1: « Je me rétracte », within the period.</summary>
    [HttpPost("/espace-client/commandes/{id:guid}/retractation")]
    public async Task<IActionResult> Withdraw(Guid id, bool confirm, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user?.ClientId is not { } clientId) return NotFound();
        if (!confirm)
        {
            if (await orders.ViewAsync(id, clientId, ct) is null) return NotFound();
            TempData["FlashError"] = "Cochez la case pour confirmer votre rétractation.";
            return Redirect($"/espace-client/commandes/{id}");
        }
        var result = await desk.WithdrawAsync(clientId, id, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "inconnue", ct);
        if (result.NotFound) return NotFound();
        TempData[result.Succeeded ? "Flash" : "FlashError"] = result.Succeeded
            ? "Votre rétractation est enregistrée : la commande est annulée et aucune somme ne vous est due. Un accusé de réception vous est envoyé par e-mail."
            : result.Error;
        return Redirect($"/espace-client/commandes/{id}");
    }

    /// <summary>A file of the client's own (issued PDF, signed scan, invoice); anything else is a 404.</summary>
    [HttpGet("/espace-client/fichiers/{id:guid}")]
    public async Task<IActionResult> File(Guid id, [FromServices] Sessions.AttestationOpenings openings, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user?.ClientId is not { } clientId) return NotFound();
        var file = await orders.FileAsync(id, clientId, ct);
        if (file is null) return NotFound();
        // Issue 8: the first download of an attestation by its client marks it « ouverte » on the tracking page.
        await openings.RecordAsync(file, ct);
        return Orders.StoredFileResult.For(this, file);
    }

    /// <summary>The submission key of a client's request for a new version of one proposal: the same every time, so it is made once.</summary>
    public static Guid NewVersionKey(Guid proposalId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("nouvelle-version:" + proposalId))[..16]);

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
