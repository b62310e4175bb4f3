using System.Security.Claims;
using FluentValidation;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Opco;

/// <summary>
/// OPCO funding (O1–O3, R4) for the staff: recorded on the order page before the start, the claim closed as unpaid from
/// the day after its deadline, and the list of funded orders with their deadline state at /gestion/opco.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OpcoController(OpcoDesk desk, OpcoClaims claims, IValidator<OpcoFundingForm> validator) : Controller
{
    /// <summary>The agreement scan (10 MB at most) and the form around it.</summary>
    private const long UploadRequestLimit = Data.StoredFile.MaxUploadBytes + (1024 * 1024);

    [HttpGet("/gestion/opco")]
    public async Task<IActionResult> Index(string? etat, CancellationToken ct) => View(await claims.ListAsync(etat, ct));

    [HttpPost("/gestion/commandes/{id:guid}/opco")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Security.RateLimits.Uploads)]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> RecordFunding(Guid id, OpcoFundingForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var back = $"/gestion/commandes/{id}#opco";
        var result = await validator.ValidateAsync(form, ct);
        if (!result.IsValid) return Refuse(back, string.Join(" ", result.Errors.Select(e => e.ErrorMessage).Distinct()));
        var (agreement, error) = await SignedUpload.ReadAsync(form.AgreementFile, "la copie de l'accord de prise en charge", "accord-opco", ct);
        if (agreement is null) return Refuse(back, error!);

        var funding = new OpcoFunding(form.OpcoName!.Trim(), form.AgreementNumber!.Trim(), Money.Euros(OrderText.ParseAmount(form.AgreedAmount)!.Value),
            "", default, form.SubrogationChoice!.Value, Money.Euros(OrderText.ParseAmount(form.IndemnityCoverage) ?? 0m));
        var done = await desk.RecordFundingAsync(id, funding, agreement, CurrentUserId(), ct);
        if (done.NotFound) return NotFound();
        if (!done.Succeeded) return Refuse(back, done.Error!);
        TempData["Flash"] = "Prise en charge OPCO enregistrée.";
        return Redirect(back);
    }

    [HttpPost("/gestion/commandes/{id:guid}/opco/cloture")]
    public async Task<IActionResult> CloseUnpaid(Guid id, CancellationToken ct)
    {
        var back = $"/gestion/commandes/{id}#opco";
        var done = await desk.CloseUnpaidAsync(id, CurrentUserId(), ct);
        if (done.NotFound) return NotFound();
        if (!done.Succeeded) return Refuse(back, done.Error!);
        TempData["Flash"] = "Prise en charge OPCO close comme impayée : l'avoir et la facture du client sont émis, le client reçoit sa facture par e-mail (O3).";
        return Redirect(back);
    }

    private RedirectResult Refuse(string back, string message)
    {
        TempData["FlashError"] = message;
        return Redirect(back);
    }

    private Guid CurrentUserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
