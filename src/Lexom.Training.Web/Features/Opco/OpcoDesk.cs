using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Features.Opco;

/// <summary>
/// OPCO funding on an order (O1–O3, R4): recorded before the start with the copy of the agreement, and closed as unpaid
/// from the day after the OPCO's deadline (a credit note on the OPCO invoice, the client billed the shortfall, both
/// numbered and kept as PDFs, the client e-mailed). Each action: one transaction that first locks the order's row
/// (a double submit waits, then finds the work done), one domain verb, files and e-mail in the same SaveChanges.
/// </summary>
public sealed class OpcoDesk(
    AppDbContext db,
    DocumentNumbering numbering,
    Billing.InvoiceDocuments invoices,
    IEmailOutbox outbox,
    ISellerIdentityProvider seller,
    TimeProvider clock,
    IOptions<LexomOptions> options,
    ILogger<OpcoDesk> logger)
{
    /// <summary>O1 (before the start), O2 (0 &lt; amount ≤ TTC), R4 (the indemnity coverage): the funding and its agreement file.</summary>
    public async Task<OrderResult> RecordFundingAsync(Guid orderId, OpcoFunding funding, SignedUpload agreement, Guid staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(funding);
        ArgumentNullException.ThrowIfNull(agreement);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return OrderResult.Missing;
        try
        {
            var fileId = Guid.NewGuid();
            // O1: the domain refuses on or after the start day, O2 above the price; nothing is stored then.
            order.RecordOpcoFunding(funding with { AgreementFile = fileId.ToString(), RecordedOn = clock.Today() });
            db.StoredFiles.Add(new StoredFile(fileId, StoredFileKind.OpcoAgreement, order.ClientId,
                $"accord-opco-{order.ProposalNumber}{Path.GetExtension(agreement.FileName)}", agreement.ContentType, agreement.Content, clock.GetUtcNow(), staffId)
            { OrderId = order.Id, ProposalId = order.ProposalId });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Prise en charge OPCO {Opco} ({Amount}) enregistrée sur la commande {OrderId}", funding.Opco, funding.AgreedAmount.Amount, order.Id);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
    }

    /// <summary>
    /// O3: from the day after the deadline, the OPCO claim is closed as unpaid: the OPCO invoice's unpaid part is cancelled
    /// by a credit note (AV) and the client is billed it (FAC), numbers taken in this transaction (LW4); the PDFs are kept
    /// and the client's invoice is e-mailed.
    /// </summary>
    public async Task<OrderResult> CloseUnpaidAsync(Guid orderId, Guid staffId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return OrderResult.Missing;
        if (order.Opco is { ClosedUnpaidOn: { } closedOn })
            return OrderResult.Refused($"La prise en charge OPCO a déjà été close comme impayée le {closedOn.Written()} (O3).");
        if (!order.HasSubrogation) return OrderResult.Refused("Cette commande n'a pas de prise en charge OPCO en subrogation à clore (O3).");
        var today = clock.Today();
        try
        {
            // LW4: an AV number only when there is an OPCO invoice left to cancel; the domain does not use it otherwise.
            var creditNoteNeeded = order.Invoices.Any(i => i.Kind == InvoiceKind.Opco && i.AmountDue.IsPositive);
            var creditNoteNumber = creditNoteNeeded
                ? await numbering.NextAsync(DocumentKind.CreditNote, today.Year, ct)
                : DocumentNumber.Create(DocumentKind.CreditNote, today.Year, 1);
            var invoiceNumber = await numbering.NextAsync(DocumentKind.Invoice, today.Year, ct);
            var creditNoteId = Guid.NewGuid();
            var invoiceId = Guid.NewGuid();
            var decision = order.CloseOpcoClaimAsUnpaid(today, creditNoteId, creditNoteNumber, invoiceId, invoiceNumber);

            if (order.Invoices.FirstOrDefault(i => i.Id == creditNoteId) is { } creditNote)
                await invoices.StoreAsync(order, creditNote, staffId, null, ct);
            var invoice = order.Invoices.Single(i => i.Id == invoiceId);
            var (_, pdf) = await invoices.StoreAsync(order, invoice, staffId, null, ct);

            var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
            outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
                OpcoEmails.ShortfallBilled(OrderEmailModel.For(order, client, options.Value.PublicBaseUrl), order.Opco!.Opco, decision, invoice.Number.ToString(), invoice.Ttc, pdf, seller.Current()),
                OpcoEmails.ShortfallKind);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Prise en charge OPCO close impayée sur la commande {OrderId} : {Invoice} de {Amount} au client", order.Id, invoice.Number, invoice.Ttc.Amount);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
    }
}
