using System.Security.Claims;
using FluentValidation;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Orders;

/// <summary>
/// The staff's side of an order (Sales, Admin): the paper acceptance of an issued proposal, the order's page,
/// the signed documents and the deposit (P4, P6, C1, M4), and the stored files.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OrdersController(OrderDesk desk, OrderQueries queries, IValidator<DepositForm> depositValidator, TimeProvider clock) : Controller
{
    /// <summary>Two signed scans of 10 MB at most, and the form around them.</summary>
    private const long UploadRequestLimit = (2 * Data.StoredFile.MaxUploadBytes) + (1024 * 1024);

    [HttpPost("/gestion/propositions/{id:guid}/acceptation-papier")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Security.RateLimits.Uploads)]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> PaperAcceptance(Guid id, PaperAcceptanceForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var back = $"/gestion/propositions/{id}";
        if (form.ReceivedOn is not { } receivedOn) return Refuse(back, "Indiquez la date de réception des documents signés.");
        var (signed, error) = await SignedUpload.ReadAsync(form.SignedDocument, "document signé", "signe", ct);
        if (signed is null) return Refuse(back, error!);
        SignedUpload? cgv = null;
        if (form.SignedCgv is not null)
        {
            (cgv, error) = await SignedUpload.ReadAsync(form.SignedCgv, "CGV signées", "cgv", ct);
            if (cgv is null) return Refuse(back, error!);
        }

        var result = await desk.RecordPaperAcceptanceAsync(id, receivedOn, signed, cgv, form.Participants, CurrentUserId(), ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded) return Refuse(back, result.Error!);
        TempData["Flash"] = "Acceptation enregistrée : la commande est créée et le client reçoit l'accusé de réception.";
        return Redirect($"/gestion/commandes/{result.OrderId}");
    }

    [HttpGet("/gestion/commandes/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var view = await queries.ViewAsync(id, null, ct);
        return view is null ? NotFound() : View(view);
    }

    [HttpPost("/gestion/commandes/{id:guid}/documents")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Security.RateLimits.Uploads)]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> AddDocument(Guid id, SignedDocumentForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var back = $"/gestion/commandes/{id}";
        if (OrderText.DocumentOf(form.Kind) is not { } kind) return Refuse(back, "Choisissez le document reçu.");
        if (form.ReceivedOn is not { } receivedOn) return Refuse(back, "Indiquez la date de réception du document.");
        var (upload, error) = await SignedUpload.ReadAsync(form.File, "document signé", "signe", ct);
        if (upload is null) return Refuse(back, error!);
        var result = await desk.AddSignedDocumentAsync(id, kind, receivedOn, upload, CurrentUserId(), ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded) return Refuse(back, result.Error!);
        TempData["Flash"] = "Document signé enregistré.";
        return Redirect(back);
    }

    [HttpPost("/gestion/commandes/{id:guid}/acompte")]
    public async Task<IActionResult> Deposit(Guid id, DepositForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var back = $"/gestion/commandes/{id}";
        if (!await depositValidator.ValidateIntoAsync(form, ModelState, ct))
        {
            var view = await queries.ViewAsync(id, null, ct);
            if (view is null) return NotFound();
            ViewData["DepositForm"] = form;
            return View("Show", view);
        }

        var result = await desk.RecordDepositAsync(id, Money.Euros(OrderText.ParseAmount(form.Amount)!.Value), form.ReceivedOn!.Value,
            OrderText.MethodOf(form.Method)!.Value, form.Reference!, CurrentUserId(), ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error!);
            var view = await queries.ViewAsync(id, null, ct);
            if (view is null) return NotFound();
            ViewData["DepositForm"] = form;
            return View("Show", view);
        }

        TempData["Flash"] = "Paiement de l'acompte enregistré.";
        return Redirect(back);
    }

    /// <summary>A stored file (signed scan, issued PDF, invoice), for the staff only; inline for PDFs and images.</summary>
    [HttpGet("/gestion/fichiers/{id:guid}")]
    public async Task<IActionResult> File(Guid id, CancellationToken ct)
    {
        var file = await queries.FileAsync(id, null, ct);
        return file is null ? NotFound() : StoredFileResult.For(this, file);
    }

    private RedirectResult Refuse(string back, string message)
    {
        TempData["FlashError"] = message;
        return Redirect(back);
    }

    private Guid CurrentUserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>Today, for the forms' default dates.</summary>
    internal DateOnly Today => clock.Today();
}

/// <summary>Serves a stored file: its own content type (checked at upload), never sniffed by the browser, as a download.</summary>
public static class StoredFileResult
{
    public static FileContentResult For(ControllerBase controller, Data.StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(file);
        controller.Response.Headers.CacheControl = "private, no-store";
        return controller.File(file.Content, file.ContentType, file.FileName);
    }
}
