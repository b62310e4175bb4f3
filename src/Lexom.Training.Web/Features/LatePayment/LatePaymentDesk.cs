using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Features.LatePayment;

/// <summary>
/// The staff's late-payment actions on an order: the penalty invoice of a late invoice (L1–L3), the formal notice and its
/// answer, and the termination eight days after an unanswered notice (T1). Each action: one transaction that first locks
/// the order's row, one domain verb, the files, PDFs and e-mail in the same SaveChanges; a refusal changes nothing.
/// </summary>
public sealed class LatePaymentDesk(
    AppDbContext db,
    DocumentNumbering numbering,
    Billing.InvoiceDocuments invoices,
    IEmailOutbox outbox,
    ISellerIdentityProvider seller,
    TimeProvider clock,
    IOptions<LexomOptions> options,
    ILogger<LatePaymentDesk> logger)
{
    /// <summary>L1–L3: the interest (and, for a company, the 40 € indemnity) of a late invoice not billed yet, on a FAC invoice e-mailed to the client.</summary>
    public async Task<OrderResult> IssuePenaltyAsync(Guid orderId, Guid lateInvoiceId, Guid staffId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null || order.Invoices.All(i => i.Id != lateInvoiceId)) return OrderResult.Missing;
        var today = clock.Today();
        try
        {
            var rates = await LateInterestRates.TableAsync(db, ct);
            // LW4: the number is taken in this transaction; a refusal rolls it back.
            var number = await numbering.NextAsync(DocumentKind.Invoice, today.Year, ct);
            var penalty = order.IssueLatePenaltyInvoice(lateInvoiceId, Guid.NewGuid(), number, today, rates);
            var late = order.Invoices.Single(i => i.Id == lateInvoiceId);
            var decision = order.LatePayment(lateInvoiceId, today, rates);
            var (_, pdf) = await invoices.StoreAsync(order, penalty, staffId, null, ct);
            var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
            outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
                LatePaymentEmails.PenaltyInvoice(OrderEmailModel.For(order, client, options.Value.PublicBaseUrl), late.Number.ToString(), penalty.Number.ToString(), penalty.Ttc, decision, pdf, seller.Current()),
                LatePaymentEmails.PenaltyKind);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Pénalités de retard {Penalty} ({Amount}) sur {Invoice}, commande {OrderId}", penalty.Number, penalty.Ttc.Amount, late.Number, order.Id);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
    }

    /// <summary>T1: the formal notice (mise en demeure) sent to the client, with its scan; a new notice replaces the previous one.</summary>
    public async Task<OrderResult> RecordFormalNoticeAsync(Guid orderId, DateOnly noticeOn, SignedUpload letter, Guid staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return OrderResult.Missing;
        if (noticeOn > clock.Today()) return OrderResult.Refused("La date de la mise en demeure ne peut pas être dans le futur.");
        if (noticeOn < order.OrderedOn) return OrderResult.Refused($"La commande date du {order.OrderedOn.Numeric()} : la mise en demeure ne peut pas la précéder.");
        try
        {
            order.RecordFormalNotice(noticeOn);
            db.StoredFiles.Add(new StoredFile(Guid.NewGuid(), StoredFileKind.WrittenRequest, order.ClientId,
                $"{LatePaymentQueries.NoticeFilePrefix}{order.ProposalNumber}-{noticeOn:yyyyMMdd}{Path.GetExtension(letter.FileName)}", letter.ContentType, letter.Content,
                clock.GetUtcNow(), staffId)
            { OrderId = order.Id });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Mise en demeure du {NoticeOn} enregistrée sur la commande {OrderId}", noticeOn, order.Id);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
    }

    /// <summary>T1: the client answered the notice; termination on its ground is then no longer possible.</summary>
    public async Task<OrderResult> RecordAnswerAsync(Guid orderId, DateOnly answeredOn, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return OrderResult.Missing;
        if (answeredOn > clock.Today()) return OrderResult.Refused("La date de la réponse ne peut pas être dans le futur.");
        if (order.FormalNoticeOn is { } noticeOn && answeredOn < noticeOn)
            return OrderResult.Refused($"La réponse ne peut pas précéder la mise en demeure du {noticeOn.Numeric()}.");
        try
        {
            order.RecordFormalNoticeAnswer(answeredOn);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
    }

    /// <summary>T1: « Résoudre le contrat », from the ninth day after an unanswered notice; the client is told by e-mail.</summary>
    public async Task<OrderResult> TerminateAsync(Guid orderId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return OrderResult.Missing;
        if (order.Status == OrderStatus.Terminated) return OrderResult.Refused($"Le contrat est déjà résolu depuis le {order.ClosedOn?.Numeric()}.");
        var today = clock.Today();
        try
        {
            var decision = order.Terminate(today);
            var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
            outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
                LatePaymentEmails.Terminated(OrderEmailModel.For(order, client, options.Value.PublicBaseUrl), decision, today, seller.Current()), LatePaymentEmails.TerminatedKind);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Contrat résolu (T1) : commande {OrderId}, mise en demeure du {NoticeOn}", order.Id, decision.NoticeOn);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
    }
}
