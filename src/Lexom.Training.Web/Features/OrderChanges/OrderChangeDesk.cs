using System.Text;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Billing;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Features.OrderChanges;

/// <summary>The outcome of a preview: the preview, a French message for one field of the form, or not found.</summary>
public sealed record PreviewResult(ChangePreview? Preview, string? Error = null, string? Field = null, bool NotFound = false)
{
    public static readonly PreviewResult Missing = new(null, NotFound: true);
}

/// <summary>The outcome of a confirmed change: done (with what was issued, in French), refused with a French sentence, or not found.</summary>
public sealed record ChangeResult(bool Succeeded, string? Message, string? Error, bool NotFound = false)
{
    public static readonly ChangeResult Missing = new(false, null, null, NotFound: true);

    public static ChangeResult Done(string message) => new(true, message, null);

    public static ChangeResult Refused(string error) => new(false, null, error);
}

/// <summary>
/// Cancellation (X1–X6, C3, P7/LW1), postponement (R1–R4, X4), the lapsed postponement (R2) and refunds, as staff
/// operations on an order. A preview asks the domain (<see cref="Order.PreviewCancellation"/>,
/// <see cref="Order.PreviewPostponement"/>, <see cref="Order.PostponementDeadline"/>) and then applies the verb to a copy
/// of the order read without tracking, never saved, to say exactly what the confirmation will do (the credit notes of
/// <see cref="Order.InvoicesToCancel"/>, the indemnity invoice) or why it cannot. A confirmation runs in one transaction:
/// the order's row locked (<c>FOR UPDATE</c>), its row version compared with the one the preview was computed from, the
/// domain verb, then LW4's consequences (credit notes, indemnity invoice, numbered in this transaction, PDFs kept), the
/// written request attached and the client's e-mail queued, saved once. A double submit waits on the lock, then finds a
/// new row version and applies nothing twice.
/// </summary>
public sealed class OrderChangeDesk(
    AppDbContext db,
    DocumentNumbering numbering,
    InvoiceDocuments invoices,
    IEmailOutbox outbox,
    ISellerIdentityProvider seller,
    TimeProvider clock,
    IOptions<LexomOptions> options,
    ILogger<OrderChangeDesk> logger)
{
    /// <summary>What a stale confirmation is told.</summary>
    public const string StaleMessage =
        "La commande a changé depuis cet aperçu (une décision vient peut-être d'être enregistrée) : rien n'a été appliqué. Vérifiez la commande et refaites l'aperçu si besoin.";

    // ------------------------------------------------------------------ previews

    /// <summary>X1–X6, C3: what the cancellation would do. An upload the decision accepts is kept, unattached, for the confirmation.</summary>
    public async Task<PreviewResult> PreviewCancellationAsync(Guid orderId, CancellationForm form, SignedUpload? upload, Guid staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (order, version) = await LoadDetachedAsync(orderId, ct);
        if (order is null) return PreviewResult.Missing;
        var receivedOn = form.ReceivedOn!.Value;
        if (DateError(order, receivedOn) is { } error) return new(null, error, nameof(form.ReceivedOn));
        var reason = ChangeText.CancellationReasonOf(form.Reason)!.Value;
        var emailReference = Clean(form.EmailReference);
        var facts = OrderFacts.Of(order, await ClientAsync(order, ct));

        // X1: the domain reads whether the request is written; the scan's id or the e-mail reference follow at confirmation.
        var notice = new WrittenNotice(receivedOn, upload?.FileName ?? emailReference ?? "");
        var decision = order.PreviewCancellation(reason, notice);
        var (refusal, toCredit, status) = decision.IsAccepted ? DryRun(order, o => o.Cancel(reason, notice)) : (decision.Explanation, [], null);
        var fileId = refusal is null && upload is not null ? await KeepScanAsync(order, ChangeKind.Cancellation, receivedOn, upload, staffId, ct) : (Guid?)null;

        return new(new ChangePreview(ChangeKind.Cancellation, facts, ChangeText.Outcome(decision.Outcome), decision.RuleIds, decision.Explanation,
            decision.Settlement, refusal, WrittenRequestText(upload, emailReference), ChangeText.CancellationReasonLabel(form.Reason),
            decision.DaysBeforeStart, null, null, null, status, false, toCredit,
            new ConfirmChangeForm { Reason = form.Reason, ReceivedOn = receivedOn, FileId = fileId, EmailReference = emailReference, Version = version }));
    }

    /// <summary>R1–R4, X4: what the postponement to the new dates would do.</summary>
    public async Task<PreviewResult> PreviewPostponementAsync(Guid orderId, PostponementForm form, SignedUpload? upload, Guid staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (order, version) = await LoadDetachedAsync(orderId, ct);
        if (order is null) return PreviewResult.Missing;
        var receivedOn = form.ReceivedOn!.Value;
        if (DateError(order, receivedOn) is { } error) return new(null, error, nameof(form.ReceivedOn));
        var reason = ChangeText.PostponementReasonOf(form.Reason)!.Value;
        var (newStart, newEnd) = (form.NewStartsOn!.Value, form.NewEndsOn!.Value);
        var emailReference = Clean(form.EmailReference);
        var facts = OrderFacts.Of(order, await ClientAsync(order, ct));

        var notice = new WrittenNotice(receivedOn, upload?.FileName ?? emailReference ?? "");
        var decision = order.PreviewPostponement(reason, notice, newStart);
        var (refusal, toCredit, status) = decision.IsAccepted ? DryRun(order, o => o.Postpone(reason, notice, newStart, newEnd)) : (decision.Explanation, [], null);
        var fileId = refusal is null && upload is not null ? await KeepScanAsync(order, ChangeKind.Postponement, receivedOn, upload, staffId, ct) : (Guid?)null;

        return new(new ChangePreview(ChangeKind.Postponement, facts, ChangeText.Outcome(decision.Outcome), decision.RuleIds, decision.Explanation,
            decision.Settlement, refusal, WrittenRequestText(upload, emailReference), ChangeText.PostponementReasonLabel(form.Reason),
            null, newStart, newEnd, decision.LimitDate, status, decision.DepositBecomesNonRefundable, toCredit,
            new ConfirmChangeForm
            {
                Reason = form.Reason, ReceivedOn = receivedOn, FileId = fileId, EmailReference = emailReference,
                NewStartsOn = newStart, NewEndsOn = newEnd, Version = version,
            }));
    }

    /// <summary>R2: whether a postponed training has lapsed today, and what closing it would do.</summary>
    public async Task<PreviewResult> PreviewLapseAsync(Guid orderId, CancellationToken ct)
    {
        var (order, version) = await LoadDetachedAsync(orderId, ct);
        if (order is null) return PreviewResult.Missing;
        var today = clock.Today();
        var facts = OrderFacts.Of(order, await ClientAsync(order, ct));
        var confirm = new ConfirmChangeForm { Version = version };
        PostponementDecision decision;
        try
        {
            decision = order.PostponementDeadline(today);
        }
        catch (DomainException ex)
        {
            return new(new ChangePreview(ChangeKind.Lapse, facts, "Aucun report en cours", ["R2"], ex.Message, null, ex.Message, null, null,
                null, null, null, null, null, false, [], confirm));
        }

        var (refusal, toCredit, status) = decision.Outcome == PostponementOutcome.WholePriceDue
            ? DryRun(order, o => o.ClosePostponementAsLapsed(today))
            : (decision.Explanation, [], null);
        return new(new ChangePreview(ChangeKind.Lapse, facts, ChangeText.Outcome(decision.Outcome), decision.RuleIds, decision.Explanation,
            decision.Settlement, refusal, null, null, null, null, null, decision.LimitDate, status, false, toCredit, confirm));
    }

    // ------------------------------------------------------------------ confirmations

    /// <summary>X1–X6, C3: applies the cancellation previewed, with its credit notes, indemnity invoice and e-mail.</summary>
    public async Task<ChangeResult> ConfirmCancellationAsync(Guid orderId, ConfirmChangeForm form, Guid staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ChangeText.CancellationReasonOf(form.Reason) is null || form.ReceivedOn is not { } receivedOn)
            return ChangeResult.Refused("La confirmation est incomplète : refaites l'aperçu de l'annulation.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return ChangeResult.Missing;
        if (Version(order) != form.Version) return ChangeResult.Refused(StaleMessage);
        if (DateError(order, receivedOn) is { } dateError) return ChangeResult.Refused(dateError);
        var written = await WrittenRequestAsync(order, form, ChangeKind.Cancellation, receivedOn, staffId, ct);
        if (written.Error is not null) return ChangeResult.Refused(written.Error);

        try
        {
            var (decision, documents) = await ApplyCancellationAsync(order, form.Reason, new WrittenNotice(receivedOn, written.Reference), staffId, ct);
            await written.AttachAsync(db, order, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Commande {OrderId} annulée ({Rules}), dû immédiatement {DueNow}, à rembourser {Refund}",
                order.Id, string.Join(",", decision.RuleIds), decision.Settlement?.DueNow.Amount, decision.Settlement?.Refund.Amount);
            return ChangeResult.Done(Summary($"Annulation enregistrée ({ChangeText.Outcome(decision.Outcome).ToLowerInvariant()}).", documents, decision.Settlement));
        }
        catch (DomainException ex)
        {
            return ChangeResult.Refused(ex.Message);
        }
    }

    /// <summary>R1–R4, X4: applies the postponement previewed; the order's dates move, or R2 ends it with its indemnity.</summary>
    public async Task<ChangeResult> ConfirmPostponementAsync(Guid orderId, ConfirmChangeForm form, Guid staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ChangeText.PostponementReasonOf(form.Reason) is null || form.ReceivedOn is not { } receivedOn
            || form.NewStartsOn is not { } newStart || form.NewEndsOn is not { } newEnd)
            return ChangeResult.Refused("La confirmation est incomplète : refaites l'aperçu du report.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return ChangeResult.Missing;
        if (Version(order) != form.Version) return ChangeResult.Refused(StaleMessage);
        if (DateError(order, receivedOn) is { } dateError) return ChangeResult.Refused(dateError);
        var written = await WrittenRequestAsync(order, form, ChangeKind.Postponement, receivedOn, staffId, ct);
        if (written.Error is not null) return ChangeResult.Refused(written.Error);

        try
        {
            var (decision, documents) = await ApplyPostponementAsync(order, form.Reason, new WrittenNotice(receivedOn, written.Reference), newStart, newEnd, staffId, ct);
            await written.AttachAsync(db, order, ct);
            var moved = decision.Outcome != PostponementOutcome.WholePriceDue;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Report de la commande {OrderId} ({Rules}) : {Outcome}", order.Id, string.Join(",", decision.RuleIds), decision.Outcome);
            var what = moved
                ? $"Report enregistré : la formation a lieu du {newStart.Written()} au {newEnd.Written()}."
                : "Report enregistré : le prix total est dû (R2), la commande prend fin.";
            return ChangeResult.Done(Summary(what, documents, decision.Settlement));
        }
        catch (DomainException ex)
        {
            return ChangeResult.Refused(ex.Message);
        }
    }

    /// <summary>
    /// X1–X6, C3 on an order the caller has locked, inside the caller's transaction (the order page's confirmation, or a
    /// session cancelled by LEXOM, X4): the verb, LW4's credit notes and indemnity invoice, the client's e-mail queued; not saved.
    /// </summary>
    /// <exception cref="DomainException">The cancellation is refused.</exception>
    public async Task<(CancellationDecision Decision, IReadOnlyList<ChangeDocument> Documents)> ApplyCancellationAsync(
        Order order, string? reasonKey, WrittenNotice notice, Guid? staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var reason = ChangeText.CancellationReasonOf(reasonKey) ?? throw new DomainException("Choisissez le motif de l'annulation.");
        var facts = Before(order);
        var decision = order.Cancel(reason, notice); // X1–X6, C3 (P7, LW1)
        var today = clock.Today();
        var documents = await SettleAsync(order, today, staffId, $"commande annulée le {today.Numeric()} ({string.Join(", ", decision.RuleIds)})", ct);
        var client = await ClientAsync(order, ct);
        var model = EmailModel(order, facts, client, notice.ReceivedOn, ChangeText.IsLexomReason(reasonKey), Cause(reasonKey), decision, decision.Settlement, documents);
        outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName), OrderChangeEmails.Cancelled(model, seller.Current()), OrderChangeEmails.CancelledKind);
        return (decision, documents);
    }

    /// <summary>
    /// R1–R4, X4 on an order the caller has locked, inside the caller's transaction (the order page's confirmation, or a
    /// session moved): the order's dates move or R2 ends it, LW4's documents, the client's e-mail queued; not saved.
    /// </summary>
    /// <exception cref="DomainException">The postponement is refused.</exception>
    public async Task<(PostponementDecision Decision, IReadOnlyList<ChangeDocument> Documents)> ApplyPostponementAsync(
        Order order, string? reasonKey, WrittenNotice notice, DateOnly newStart, DateOnly newEnd, Guid? staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(notice);
        var reason = ChangeText.PostponementReasonOf(reasonKey) ?? throw new DomainException("Choisissez le motif du report.");
        var facts = Before(order);
        // R1–R4, X4: the order's dates move (its participants with it), or R2 ends the order.
        var decision = order.Postpone(reason, notice, newStart, newEnd);
        var today = clock.Today();
        var documents = await SettleAsync(order, today, staffId, $"report demandé le {notice.ReceivedOn.Numeric()}, prix total dû ({string.Join(", ", decision.RuleIds)})", ct);
        var client = await ClientAsync(order, ct);
        var moved = decision.Outcome != PostponementOutcome.WholePriceDue;
        var model = EmailModel(order, facts, client, notice.ReceivedOn, ChangeText.IsLexomReason(reasonKey), Cause(reasonKey), decision, decision.Settlement, documents);
        outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
            OrderChangeEmails.Postponed(model, moved ? newStart : null, moved ? newEnd : null, seller.Current()), OrderChangeEmails.PostponedKind);
        return (decision, documents);
    }

    /// <summary>R2: closes a postponed training not held six months after the order; the whole price is due.</summary>
    public async Task<ChangeResult> CloseLapsedPostponementAsync(Guid orderId, uint version, Guid staffId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return ChangeResult.Missing;
        if (Version(order) != version) return ChangeResult.Refused(StaleMessage);
        try
        {
            var facts = Before(order);
            var today = clock.Today();
            var decision = order.ClosePostponementAsLapsed(today); // R2
            var documents = await SettleAsync(order, today, staffId, $"formation reportée non tenue au {decision.LimitDate.Numeric()} (R2)", ct);
            var client = await ClientAsync(order, ct);
            var model = EmailModel(order, facts, client, today, false, null, decision, decision.Settlement, documents);
            outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName), OrderChangeEmails.Lapsed(model, seller.Current()), OrderChangeEmails.LapsedKind);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Report expiré de la commande {OrderId} clos (R2)", order.Id);
            return ChangeResult.Done(Summary("Report expiré clos : le prix total est dû (R2), la commande prend fin.", documents, decision.Settlement));
        }
        catch (DomainException ex)
        {
            return ChangeResult.Refused(ex.Message);
        }
    }

    /// <summary>
    /// X4, X6, P7: records money paid back to the client, never more than <see cref="Order.RefundDue"/>. The bank reference
    /// is the key: a double submit waits on the row lock, then finds the reference recorded and refunds nothing twice.
    /// </summary>
    public async Task<ChangeResult> RecordRefundAsync(Guid orderId, Money amount, DateOnly paidOn, string reference, CancellationToken ct)
    {
        reference = (reference ?? "").Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return ChangeResult.Missing;
        if (paidOn > clock.Today()) return ChangeResult.Refused("La date du remboursement ne peut pas être dans le futur.");
        if (order.Refunds.Any(r => string.Equals(r.Reference, reference, StringComparison.OrdinalIgnoreCase)))
            return ChangeResult.Refused($"Le remboursement de référence bancaire « {reference} » est déjà enregistré : un mouvement bancaire ne s'enregistre qu'une fois.");
        try
        {
            order.RecordRefund(Guid.NewGuid(), amount, paidOn, reference);
            var client = await ClientAsync(order, ct);
            outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
                OrderChangeEmails.Refunded(client.ContactName, order.ProposalNumber.ToString(), order.Course.Title, amount, paidOn, order.RefundDue, PortalUrl(order), seller.Current()),
                OrderChangeEmails.RefundedKind);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Remboursement de {Amount} enregistré sur la commande {OrderId}", amount.Amount, order.Id);
            return ChangeResult.Done(order.RefundDue.IsPositive
                ? $"Remboursement de {French.Amount(amount)} enregistré ; il reste {French.Amount(order.RefundDue)} à rembourser."
                : $"Remboursement de {French.Amount(amount)} enregistré ; tout ce qui était à rembourser l'est.");
        }
        catch (DomainException ex)
        {
            return ChangeResult.Refused(ex.Message);
        }
    }

    // ------------------------------------------------------------------ LW4: what a decision bills or cancels

    /// <summary>
    /// LW4 after the verb: the client's open invoices the decision replaces are cancelled by credit notes, then what the
    /// decision makes due now is billed on an indemnity invoice (X2, X3, C3, R2), and the OPCO's part on its own (R4); each
    /// numbered in this transaction and kept as PDF.
    /// </summary>
    private async Task<List<ChangeDocument>> SettleAsync(Order order, DateOnly today, Guid? staffId, string creditReason, CancellationToken ct)
    {
        var documents = new List<ChangeDocument>();
        foreach (var open in order.InvoicesToCancel())
        {
            var number = await numbering.NextAsync(DocumentKind.CreditNote, today.Year, ct);
            var note = order.CancelInvoice(open.Id, Guid.NewGuid(), number, today, creditReason);
            documents.Add(await StoreAsync(order, note, staffId, open.Number.ToString(), ct));
        }

        if (order.Decisions[^1].DueNow.IsPositive)
        {
            var number = await numbering.NextAsync(DocumentKind.Invoice, today.Year, ct);
            var invoice = order.IssueIndemnityInvoice(Guid.NewGuid(), number, today);
            documents.Add(await StoreAsync(order, invoice, staffId, null, ct));
        }

        // R4: with subrogation, the OPCO is billed its part of the indemnity (kept for the staff, like every OPCO invoice).
        if (order.Decisions[^1].OpcoPart.IsPositive && order.HasSubrogation)
        {
            var number = await numbering.NextAsync(DocumentKind.Invoice, today.Year, ct);
            var invoice = order.IssueOpcoIndemnityInvoice(Guid.NewGuid(), number, today);
            await invoices.StoreAsync(order, invoice, staffId, null, ct);
        }

        return documents;
    }

    private async Task<ChangeDocument> StoreAsync(Order order, Invoice invoice, Guid? staffId, string? corrects, CancellationToken ct)
    {
        var (file, pdf) = await invoices.StoreAsync(order, invoice, staffId, null, ct);
        return new ChangeDocument(invoice.Number.ToString(), invoice.Kind == InvoiceKind.CreditNote, invoice.Ttc, corrects, file.FileName, pdf);
    }

    // ------------------------------------------------------------------ the written request (X1)

    /// <summary>The written request of a confirmation: the scan kept by the preview and/or a note of the e-mail's reference.</summary>
    private sealed record WrittenRequest(string Reference, Guid? ScanId, StoredFile? Note, string? Error)
    {
        /// <summary>Attaches the scan to the order and adds the note, in the unit of work of the confirmation.</summary>
        public async Task AttachAsync(AppDbContext db, Order order, CancellationToken ct)
        {
            if (ScanId is { } id)
                await db.StoredFiles.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.OrderId, order.Id), ct);
            if (Note is not null) db.StoredFiles.Add(Note);
        }
    }

    /// <summary>
    /// X1: the written request is always a stored file of the order (<see cref="StoredFileKind.WrittenRequest"/>) and the
    /// notice's reference is its id: the scan the preview kept, or else a short text note of the e-mail reference typed by
    /// the staff (kept too when both are given). Neither: an empty reference, which the domain refuses (X1).
    /// </summary>
    private async Task<WrittenRequest> WrittenRequestAsync(Order order, ConfirmChangeForm form, ChangeKind kind, DateOnly receivedOn, Guid staffId, CancellationToken ct)
    {
        if (form.FileId is { } fileId && !await db.StoredFiles.AnyAsync(f => f.Id == fileId && f.Kind == StoredFileKind.WrittenRequest
                && f.ClientId == order.ClientId && (f.OrderId == null || f.OrderId == order.Id), ct))
            return new("", null, null, "Le document de la demande écrite est introuvable : refaites l'aperçu en le joignant de nouveau.");

        var email = Clean(form.EmailReference);
        if (email is { Length: > ChangeText.EmailReferenceMaxLength }) return new("", null, null, "La référence de l'e-mail est trop longue.");
        StoredFile? note = null;
        if (email is not null)
        {
            var text = new StringBuilder()
                .Append(kind == ChangeKind.Cancellation ? "Demande écrite d'annulation" : "Demande écrite de report").Append(" de la commande ").Append(order.ProposalNumber).Append('\n')
                .Append("Reçue par e-mail le ").Append(receivedOn.Numeric()).Append('\n')
                .Append("Référence de l'e-mail : ").Append(email).Append('\n')
                .Append("Enregistrée le ").Append(clock.Today().Numeric()).Append('\n');
            note = new StoredFile(Guid.NewGuid(), StoredFileKind.WrittenRequest, order.ClientId, FileName(kind, receivedOn, order, ".txt", "email"),
                "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text.ToString()), clock.GetUtcNow(), staffId) { OrderId = order.Id };
        }

        var reference = form.FileId?.ToString() ?? note?.Id.ToString() ?? "";
        return new(reference, form.FileId, note, null);
    }

    /// <summary>
    /// Keeps the scan of a written request that the preview accepts (a preview cannot carry up to 10 Mo to its
    /// confirmation form), unattached (<c>order_id</c> null) so the order page does not list it before it is confirmed.
    /// The same scan posted again for the same client is not stored twice.
    /// </summary>
    private async Task<Guid> KeepScanAsync(Order order, ChangeKind kind, DateOnly receivedOn, SignedUpload upload, Guid staffId, CancellationToken ct)
    {
        var sha = StoredFile.HashOf(upload.Content);
        var existing = await db.StoredFiles
            .Where(f => f.Kind == StoredFileKind.WrittenRequest && f.ClientId == order.ClientId && f.OrderId == null && f.Sha256 == sha)
            .Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id) return id;
        var file = new StoredFile(Guid.NewGuid(), StoredFileKind.WrittenRequest, order.ClientId, FileName(kind, receivedOn, order, Path.GetExtension(upload.FileName), null),
            upload.ContentType, upload.Content, clock.GetUtcNow(), staffId);
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return file.Id;
    }

    private static string FileName(ChangeKind kind, DateOnly receivedOn, Order order, string extension, string? suffix) =>
        $"demande-{(kind == ChangeKind.Cancellation ? "annulation" : "report")}-{receivedOn:yyyy-MM-dd}-{order.ProposalNumber}{(suffix is null ? "" : "-" + suffix)}{extension}";

    private static string? WrittenRequestText(SignedUpload? upload, string? email)
    {
        var parts = new List<string>();
        if (upload is not null) parts.Add($"document joint ({(upload.ContentType == "application/pdf" ? "PDF" : "image")}, {Math.Max(1, upload.Content.Length / 1024)} ko)");
        if (email is not null) parts.Add($"e-mail « {email} »");
        return parts.Count == 0 ? null : string.Join(" et ", parts);
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>
    /// The preview's copy of the order: read without tracking, after its row version (so a version read this way is never
    /// newer than the data the preview shows). Changing it changes nothing in the database.
    /// </summary>
    private async Task<(Order? Order, uint Version)> LoadDetachedAsync(Guid id, CancellationToken ct)
    {
        var version = await db.Orders.Where(o => o.Id == id).Select(o => (uint?)EF.Property<uint>(o, OrderConfiguration.Version)).SingleOrDefaultAsync(ct);
        if (version is null) return (null, 0);
        var order = await db.Orders.AsNoTracking().Include(o => o.Invoices).AsSplitQuery().SingleOrDefaultAsync(o => o.Id == id, ct);
        return (order, version.Value);
    }

    /// <summary>Applies the verb to the detached copy: the credit notes it would lead to, or the sentence of its refusal.</summary>
    private static (string? Refusal, IReadOnlyList<InvoiceToCredit> ToCredit, OrderStatus? Status) DryRun(Order detached, Action<Order> verb)
    {
        try
        {
            verb(detached);
            return (null, [.. detached.InvoicesToCancel().Select(i => new InvoiceToCredit(i.Number.ToString(), i.AmountDue))], detached.Status);
        }
        catch (DomainException ex)
        {
            return (ex.Message, [], null);
        }
    }

    private uint Version(Order order) => db.Entry(order).Property<uint>(OrderConfiguration.Version).CurrentValue;

    /// <summary>X1: the day the request was received: not in the future, not before the order.</summary>
    private string? DateError(Order order, DateOnly receivedOn)
    {
        if (receivedOn > clock.Today()) return "La date de réception de la demande écrite ne peut pas être dans le futur.";
        if (receivedOn < order.OrderedOn) return $"La commande date du {order.OrderedOn.Numeric()} : la demande ne peut pas avoir été reçue avant.";
        return null;
    }

    private async Task<Domain.Clients.Client> ClientAsync(Order order, CancellationToken ct) =>
        await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);

    /// <summary>The order's dates before the verb moves them (for the e-mail).</summary>
    private static (DateOnly StartsOn, DateOnly EndsOn) Before(Order order) => (order.StartsOn, order.EndsOn);

    private static string? Cause(string? reasonKey) => reasonKey switch
    {
        "formateur-absent" => "l'absence du formateur",
        "lieu-indisponible" => "l'indisponibilité du lieu",
        _ => null,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : French.CollapseSpaces(text);

    private string PortalUrl(Order order) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/espace-client/commandes/{order.Id}";

    private OrderChangeEmailModel EmailModel(Order order, (DateOnly StartsOn, DateOnly EndsOn) before, Domain.Clients.Client client, DateOnly receivedOn,
        bool byLexom, string? cause, Decision decision, Settlement? s, IReadOnlyList<ChangeDocument> documents) =>
        new(client.ContactName, order.ProposalNumber.ToString(), order.Course.Reference, order.Course.Title, before.StartsOn, before.EndsOn,
            receivedOn, byLexom, cause, decision.Explanation, decision.RuleIds,
            s?.TotalOwed ?? Money.Zero, s?.OpcoPart ?? Money.Zero, s?.AlreadyPaid ?? Money.Zero, s?.DueNow ?? Money.Zero, s?.DueLater ?? Money.Zero,
            s?.Refund ?? Money.Zero, documents, PortalUrl(order));

    /// <summary>The flash message: what was decided and issued.</summary>
    private static string Summary(string what, IReadOnlyList<ChangeDocument> documents, Settlement? s)
    {
        var parts = new List<string> { what };
        foreach (var d in documents)
        {
            parts.Add(d.IsCreditNote
                ? $"Avoir {d.Number} de {French.Amount(d.Amount)} sur {d.Corrects}."
                : $"Facture d'indemnité {d.Number} de {French.Amount(d.Amount)} émise.");
        }

        if (s is { Refund.IsPositive: true }) parts.Add($"À rembourser au client : {French.Amount(s.Refund)}.");
        parts.Add("Le client est prévenu par e-mail.");
        return string.Join(" ", parts);
    }
}
