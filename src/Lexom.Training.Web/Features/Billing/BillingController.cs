using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Billing;

/// <summary>
/// The billing actions of the staff's order page (its « Facturation » section, <c>Features/Orders/_Billing.cshtml</c>):
/// close the training, the final invoice (M5, O2), the OPCO's invoice (O2), payments against any invoice (Sales, Admin),
/// and credit notes (LW4), which cancel a receivable and are kept to the administrators. Each answers with a redirect
/// to the order page and a French sentence; a refused payment keeps what was typed.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class BillingController(BillingDesk desk, IValidator<PaymentForm> paymentValidator, IValidator<CreditNoteForm> creditNoteValidator) : Controller
{
    /// <summary>The TempData key of a refused payment form, shown again on the order page.</summary>
    public const string KeptPaymentKey = "BillingPaymentForm";

    /// <summary>The TempData key of a refused credit note's reason.</summary>
    public const string KeptCreditNoteKey = "BillingCreditNoteForm";

    [HttpPost("/gestion/commandes/{id:guid}/clore")]
    public async Task<IActionResult> Complete(Guid id, CancellationToken ct) =>
        Answer(id, await desk.CompleteAsync(id, ct));

    [HttpPost("/gestion/commandes/{id:guid}/facture-finale")]
    public async Task<IActionResult> FinalInvoice(Guid id, CancellationToken ct) =>
        Answer(id, await desk.IssueFinalInvoiceAsync(id, CurrentUserId(), ct));

    [HttpPost("/gestion/commandes/{id:guid}/facture-opco")]
    public async Task<IActionResult> OpcoInvoice(Guid id, CancellationToken ct) =>
        Answer(id, await desk.IssueOpcoInvoiceAsync(id, CurrentUserId(), ct));

    [HttpPost("/gestion/commandes/{id:guid}/factures/{invoiceId:guid}/paiement")]
    public async Task<IActionResult> Payment(Guid id, Guid invoiceId, PaymentForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        BillingResult result;
        if (!await paymentValidator.ValidateIntoAsync(form, ModelState, ct))
        {
            result = BillingResult.Refused(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct()));
        }
        else
        {
            result = await desk.RecordPaymentAsync(id, invoiceId, form.Version!.Value, Money.Euros(OrderText.ParseAmount(form.Amount)!.Value), form.ReceivedOn!.Value,
                OrderText.MethodOf(form.Method)!.Value, form.Reference!, CurrentUserId(), ct);
        }

        if (!result.Succeeded && !result.NotFound)
            TempData[KeptPaymentKey] = JsonSerializer.Serialize(new KeptPayment(invoiceId, form.Amount, form.ReceivedOn, form.Method, form.Reference));
        return Answer(id, result);
    }

    [HttpPost("/gestion/commandes/{id:guid}/factures/{invoiceId:guid}/avoir")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> CreditNote(Guid id, Guid invoiceId, CreditNoteForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await creditNoteValidator.ValidateIntoAsync(form, ModelState, ct)
            ? await desk.CancelInvoiceAsync(id, invoiceId, form.Reason!, CurrentUserId(), ct)
            : BillingResult.Refused(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct()));
        if (!result.Succeeded && !result.NotFound)
            TempData[KeptCreditNoteKey] = JsonSerializer.Serialize(new KeptCreditNote(invoiceId, form.Reason));
        return Answer(id, result);
    }

    private IActionResult Answer(Guid id, BillingResult result)
    {
        if (result.NotFound) return NotFound();
        TempData[result.Succeeded ? "Flash" : "FlashError"] = result.Message;
        return Redirect($"/gestion/commandes/{id}#facturation");
    }

    private Guid CurrentUserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}

/// <summary>A refused payment form, to show it again as typed.</summary>
public sealed record KeptPayment(Guid InvoiceId, string? Amount, DateOnly? ReceivedOn, string? Method, string? Reference)
{
    public static KeptPayment? From(object? value) => value is string json ? JsonSerializer.Deserialize<KeptPayment>(json) : null;
}

/// <summary>A refused credit note's reason, to show it again as typed.</summary>
public sealed record KeptCreditNote(Guid InvoiceId, string? Reason)
{
    public static KeptCreditNote? From(object? value) => value is string json ? JsonSerializer.Deserialize<KeptCreditNote>(json) : null;
}
