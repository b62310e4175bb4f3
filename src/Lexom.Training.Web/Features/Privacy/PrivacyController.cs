using FluentValidation;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Privacy;

/// <summary>
/// G3, G1: the person's rights in the client space (/espace-client/mes-donnees) and for the administrators
/// (/gestion/rgpd: the requests and their deadline, a client's privacy page, the retention's dry run).
/// </summary>
public sealed class PrivacyController(
    UserManager<AppUser> users,
    PrivacyQueries queries,
    PrivacyDesk desk,
    RetentionJob retention,
    IValidator<RectificationForm> rectificationValidator,
    IValidator<PrivacyRequestForm> requestValidator,
    IValidator<PrivacyAnswerForm> answerValidator) : Controller
{
    private const string MyData = "/espace-client/mes-donnees";

    // ------------------------------------------------------------------ client space

    [HttpGet(MyData)]
    [Authorize(Policy = Policies.Client)]
    public async Task<IActionResult> Mine(CancellationToken ct)
    {
        if (await ClientUserAsync() is not { } user) return NotFound();
        return View("MyData", await queries.MyDataAsync(user, null, ct));
    }

    [HttpGet(MyData + "/export.zip")]
    [Authorize(Policy = Policies.Client)]
    public async Task<IActionResult> MyExport(CancellationToken ct)
    {
        if (await ClientUserAsync() is not { ClientId: { } clientId }) return NotFound();
        return Zip(await desk.ExportAsync(clientId, ct));
    }

    [HttpPost(MyData + "/coordonnees")]
    [Authorize(Policy = Policies.Client)]
    public async Task<IActionResult> Rectify(RectificationForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await ClientUserAsync() is not { ClientId: { } clientId } user) return NotFound();
        if (await rectificationValidator.ValidateIntoAsync(form, ModelState, ct))
        {
            var error = await desk.RectifyAsync(clientId, form, ct);
            if (error is null)
            {
                TempData["Flash"] = "Vos coordonnées sont corrigées.";
                return Redirect(MyData);
            }
            ModelState.AddModelError("", error);
        }
        return View("MyData", await queries.MyDataAsync(user, form, ct));
    }

    [HttpPost(MyData + "/opposition")]
    [Authorize(Policy = Policies.Client)]
    public async Task<IActionResult> Objection(bool opposition, CancellationToken ct)
    {
        if (await ClientUserAsync() is not { ClientId: { } clientId }) return NotFound();
        await desk.SetObjectionAsync(clientId, opposition, ct);
        TempData["Flash"] = opposition
            ? "C'est noté : vous ne recevrez plus d'e-mails commerciaux (les e-mails liés à vos commandes et factures restent envoyés)."
            : "C'est noté : vous recevrez de nouveau les rappels de nos propositions.";
        return Redirect(MyData);
    }

    [HttpPost(MyData + "/demande")]
    [Authorize(Policy = Policies.Client)]
    public async Task<IActionResult> Ask(PrivacyRequestForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await ClientUserAsync() is not { ClientId: { } clientId }) return NotFound();
        form.ReceivedOn = null;
        if (!await requestValidator.ValidateIntoAsync(form, ModelState, ct))
        {
            TempData["FlashError"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Redirect(MyData);
        }
        await desk.LogAsync(clientId, form, ct);
        TempData["Flash"] = "Votre demande est enregistrée : notre DPO y répond sous un mois au plus.";
        return Redirect(MyData);
    }

    // ------------------------------------------------------------------ staff (administrators)

    [HttpGet("/gestion/rgpd")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Index(string? toutes, CancellationToken ct) => View(await queries.ListAsync(toutes == "1", ct));

    [HttpGet("/gestion/rgpd/clients/{id:guid}")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Client(Guid id, CancellationToken ct)
    {
        var page = await queries.ClientAsync(id, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("/gestion/rgpd/clients/{id:guid}/export.zip")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Export(Guid id, CancellationToken ct) =>
        await queries.ClientAsync(id, ct) is null ? NotFound() : Zip(await desk.ExportAsync(id, ct));

    [HttpPost("/gestion/rgpd/clients/{id:guid}/limitation")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Restrict(Guid id, bool limiter, string? motif, CancellationToken ct)
    {
        if (await queries.ClientAsync(id, ct) is null) return NotFound();
        await desk.SetRestrictionAsync(id, limiter, motif?.Trim(), ct);
        TempData["Flash"] = limiter ? "Traitement limité : les modifications de ce client sont refusées, sauf obligation légale." : "Limitation levée.";
        return Redirect($"/gestion/rgpd/clients/{id}");
    }

    [HttpPost("/gestion/rgpd/clients/{id:guid}/opposition")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> StaffObjection(Guid id, bool opposition, CancellationToken ct)
    {
        if (await queries.ClientAsync(id, ct) is null) return NotFound();
        await desk.SetObjectionAsync(id, opposition, ct);
        TempData["Flash"] = opposition ? "Opposition aux e-mails commerciaux enregistrée." : "Opposition retirée.";
        return Redirect($"/gestion/rgpd/clients/{id}");
    }

    [HttpPost("/gestion/rgpd/clients/{id:guid}/effacement")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Erase(Guid id, CancellationToken ct)
    {
        if (await queries.ClientAsync(id, ct) is null) return NotFound();
        var error = await desk.EraseAsync(id, ct);
        if (error is null) TempData["Flash"] = "Données anonymisées ; les factures gardent leurs mentions légales (LW5).";
        else TempData["FlashError"] = error;
        return Redirect($"/gestion/rgpd/clients/{id}");
    }

    [HttpPost("/gestion/rgpd/clients/{id:guid}/demande")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Record(Guid id, PrivacyRequestForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await queries.ClientAsync(id, ct) is null) return NotFound();
        if (!await requestValidator.ValidateIntoAsync(form, ModelState, ct))
            TempData["FlashError"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        else
        {
            await desk.LogAsync(id, form, ct);
            TempData["Flash"] = "Demande enregistrée.";
        }
        return Redirect($"/gestion/rgpd/clients/{id}");
    }

    [HttpPost("/gestion/rgpd/demandes/{id:guid}/reponse")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Answer(Guid id, PrivacyAnswerForm form, string? retour, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await answerValidator.ValidateIntoAsync(form, ModelState, ct))
            TempData["FlashError"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        else if (await desk.AnswerAsync(id, form, ct) is { } error)
            TempData["FlashError"] = error;
        else
            TempData["Flash"] = "Réponse enregistrée.";
        return Redirect(Url.IsLocalUrl(retour) && retour!.StartsWith("/gestion/rgpd", StringComparison.Ordinal) ? retour : "/gestion/rgpd");
    }

    [HttpGet("/gestion/rgpd/retention")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Retention(CancellationToken ct) => View(await retention.PlanAsync(ct));

    [HttpPost("/gestion/rgpd/retention")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> RunRetention(CancellationToken ct)
    {
        var run = await retention.RunOnceAsync(ct);
        TempData[run.Failed > 0 ? "FlashError" : "Flash"] =
            $"Conservation appliquée : {run.Anonymised.Count} client(s) anonymisé(s), {run.AuditEntriesPurged} ligne(s) du journal purgée(s)" + (run.Failed > 0 ? $", {run.Failed} en échec (voir les journaux)." : ".");
        return Redirect("/gestion/rgpd/retention");
    }

    private FileContentResult Zip(byte[] zip)
    {
        Response.Headers.CacheControl = "private, no-store";
        return File(zip, "application/zip", "mes-donnees-lexom.zip");
    }

    private async Task<AppUser?> ClientUserAsync()
    {
        var user = await users.GetUserAsync(User);
        return user?.ClientId is null ? null : user;
    }
}
