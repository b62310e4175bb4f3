using System.Security.Claims;
using FluentValidation;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.LatePayment;

/// <summary>
/// Late payment for the staff (L1–L4, T1): the list of late invoices as the daily job computed them (/gestion/retards),
/// and, on the order page, the penalty invoice, the formal notice, its answer and the termination.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LatePaymentController(
    LatePaymentDesk desk, LatePaymentQueries queries, IValidator<FormalNoticeForm> noticeValidator, IValidator<NoticeAnswerForm> answerValidator) : Controller
{
    /// <summary>The notice's scan (10 MB at most) and the form around it.</summary>
    private const long UploadRequestLimit = Data.StoredFile.MaxUploadBytes + (1024 * 1024);

    [HttpGet("/gestion/retards")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.LateListAsync(ct));

    [HttpPost("/gestion/commandes/{id:guid}/penalites/{invoiceId:guid}")]
    public async Task<IActionResult> Penalty(Guid id, Guid invoiceId, CancellationToken ct)
    {
        var done = await desk.IssuePenaltyAsync(id, invoiceId, CurrentUserId(), ct);
        return Outcome(id, done, "Facture de pénalités de retard émise et envoyée au client (L1–L3).");
    }

    [HttpPost("/gestion/commandes/{id:guid}/mise-en-demeure")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Security.RateLimits.Uploads)]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> FormalNotice(Guid id, FormalNoticeForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await noticeValidator.ValidateAsync(form, ct);
        if (!result.IsValid) return Refuse(id, string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
        var (letter, error) = await SignedUpload.ReadAsync(form.NoticeFile, "la mise en demeure", LatePaymentQueries.NoticeFilePrefix.TrimEnd('-'), ct);
        if (letter is null) return Refuse(id, error!);
        var done = await desk.RecordFormalNoticeAsync(id, form.NoticeOn!.Value, letter, CurrentUserId(), ct);
        return Outcome(id, done, "Mise en demeure enregistrée (T1).");
    }

    [HttpPost("/gestion/commandes/{id:guid}/mise-en-demeure/reponse")]
    public async Task<IActionResult> NoticeAnswer(Guid id, NoticeAnswerForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await answerValidator.ValidateAsync(form, ct);
        if (!result.IsValid) return Refuse(id, string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
        var done = await desk.RecordAnswerAsync(id, form.AnsweredOn!.Value, ct);
        return Outcome(id, done, "Réponse du client à la mise en demeure enregistrée (T1).");
    }

    [HttpPost("/gestion/commandes/{id:guid}/resolution")]
    public async Task<IActionResult> Terminate(Guid id, CancellationToken ct)
    {
        var done = await desk.TerminateAsync(id, ct);
        return Outcome(id, done, "Contrat résolu (T1) : le client en est informé par e-mail.");
    }

    private IActionResult Outcome(Guid id, OrderResult done, string message)
    {
        if (done.NotFound) return NotFound();
        if (!done.Succeeded) return Refuse(id, done.Error!);
        TempData["Flash"] = message;
        return Redirect($"/gestion/commandes/{id}#retards");
    }

    private RedirectResult Refuse(Guid id, string message)
    {
        TempData["FlashError"] = message;
        return Redirect($"/gestion/commandes/{id}#retards");
    }

    private Guid CurrentUserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
