using System.Security.Claims;
using FluentValidation;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.OrderChanges;

/// <summary>
/// The staff's cancellation and postponement of an order (X1–X6, C3, R1–R4), the lapsed postponement (R2) and refunds:
/// the forms sit at the bottom of the order page (<c>Features/Orders/_Changes.cshtml</c>); each change goes through a
/// preview computed by the domain, then « Confirmer ».
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OrderChangesController(
    OrderChangeDesk desk,
    OrderQueries queries,
    IValidator<CancellationForm> cancellationValidator,
    IValidator<PostponementForm> postponementValidator,
    IValidator<RefundForm> refundValidator) : Controller
{
    /// <summary>One scanned letter of 10 MB at most, and the form around it.</summary>
    private const long UploadRequestLimit = Data.StoredFile.MaxUploadBytes + (1024 * 1024);

    public const string CancellationFormKey = "OrderChanges.CancellationForm";
    public const string PostponementFormKey = "OrderChanges.PostponementForm";
    public const string RefundFormKey = "OrderChanges.RefundForm";

    [HttpPost("/gestion/commandes/{id:guid}/annulation/apercu")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Security.RateLimits.Uploads)]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> PreviewCancellation(Guid id, CancellationForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var valid = await ValidateAsync(cancellationValidator, form, CancellationForm.Prefix, ct);
        var (upload, uploadValid) = await ReadUploadAsync(form.File, CancellationForm.Prefix, ct);
        if (!valid || !uploadValid) return await OrderPageAsync(id, CancellationFormKey, form, ct);
        var result = await desk.PreviewCancellationAsync(id, form, upload, CurrentUserId(), ct);
        if (result.NotFound) return NotFound();
        if (result.Error is not null)
        {
            ModelState.AddModelError(CancellationForm.Prefix + result.Field, result.Error);
            return await OrderPageAsync(id, CancellationFormKey, form, ct);
        }

        return View("Preview", result.Preview);
    }

    [HttpPost("/gestion/commandes/{id:guid}/annulation")]
    public async Task<IActionResult> ConfirmCancellation(Guid id, ConfirmChangeForm form, CancellationToken ct) =>
        Done(id, await desk.ConfirmCancellationAsync(id, form, CurrentUserId(), ct));

    [HttpPost("/gestion/commandes/{id:guid}/report/apercu")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Security.RateLimits.Uploads)]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> PreviewPostponement(Guid id, PostponementForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var valid = await ValidateAsync(postponementValidator, form, PostponementForm.Prefix, ct);
        var (upload, uploadValid) = await ReadUploadAsync(form.File, PostponementForm.Prefix, ct);
        if (!valid || !uploadValid) return await OrderPageAsync(id, PostponementFormKey, form, ct);
        var result = await desk.PreviewPostponementAsync(id, form, upload, CurrentUserId(), ct);
        if (result.NotFound) return NotFound();
        if (result.Error is not null)
        {
            ModelState.AddModelError(PostponementForm.Prefix + result.Field, result.Error);
            return await OrderPageAsync(id, PostponementFormKey, form, ct);
        }

        return View("Preview", result.Preview);
    }

    [HttpPost("/gestion/commandes/{id:guid}/report")]
    public async Task<IActionResult> ConfirmPostponement(Guid id, ConfirmChangeForm form, CancellationToken ct) =>
        Done(id, await desk.ConfirmPostponementAsync(id, form, CurrentUserId(), ct));

    /// <summary>R2: « Clore le report expiré »: the domain's check of the six months, and what closing would do.</summary>
    [HttpGet("/gestion/commandes/{id:guid}/report/expiration")]
    public async Task<IActionResult> PreviewLapse(Guid id, CancellationToken ct)
    {
        var result = await desk.PreviewLapseAsync(id, ct);
        return result.NotFound ? NotFound() : View("Preview", result.Preview);
    }

    [HttpPost("/gestion/commandes/{id:guid}/report/expiration")]
    public async Task<IActionResult> CloseLapse(Guid id, ConfirmChangeForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Done(id, await desk.CloseLapsedPostponementAsync(id, form.Version, CurrentUserId(), ct));
    }

    [HttpPost("/gestion/commandes/{id:guid}/remboursements")]
    public async Task<IActionResult> Refund(Guid id, RefundForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await ValidateAsync(refundValidator, form, RefundForm.Prefix, ct)) return await OrderPageAsync(id, RefundFormKey, form, ct);
        var result = await desk.RecordRefundAsync(id, Money.Euros(OrderText.ParseAmount(form.Amount)!.Value), form.PaidOn!.Value, form.Reference!, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddModelError(RefundForm.Prefix + nameof(RefundForm.Amount), result.Error!);
            return await OrderPageAsync(id, RefundFormKey, form, ct);
        }

        TempData["Flash"] = result.Message;
        return Redirect($"/gestion/commandes/{id}");
    }

    // ------------------------------------------------------------------ helpers

    private IActionResult Done(Guid id, ChangeResult result)
    {
        if (result.NotFound) return NotFound();
        if (result.Succeeded) TempData["Flash"] = result.Message;
        else TempData["FlashError"] = result.Error;
        return Redirect($"/gestion/commandes/{id}");
    }

    /// <summary>FluentValidation's French messages under the form's prefix, so each sits beside its own field on the order page.</summary>
    private async Task<bool> ValidateAsync<T>(IValidator<T> validator, T form, string prefix, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(form, ct);
        foreach (var error in result.Errors) ModelState.AddModelError(prefix + error.PropertyName, error.ErrorMessage);
        return ModelState.IsValid;
    }

    /// <summary>The scanned letter or e-mail, when one is joined: a PDF, JPEG or PNG by its content (X1).</summary>
    private async Task<(SignedUpload? Upload, bool Valid)> ReadUploadAsync(IFormFile? file, string prefix, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, true);
        var (upload, error) = await SignedUpload.ReadAsync(file, "la demande écrite", "demande", ct);
        if (upload is null) ModelState.AddModelError(prefix + "File", error!);
        return (upload, upload is not null);
    }

    /// <summary>The order page again, with the form as posted and its errors.</summary>
    private async Task<IActionResult> OrderPageAsync(Guid id, string key, object form, CancellationToken ct)
    {
        var view = await queries.ViewAsync(id, null, ct);
        if (view is null) return NotFound();
        ViewData[key] = form;
        // The order page is the Orders feature's: its partials (_Billing, _Opco…) are found beside it, as when it renders itself.
        RouteData.Values["controller"] = "Orders";
        return View("/Features/Orders/Show.cshtml", view);
    }

    private Guid CurrentUserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
