using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lexom.Training.Web.Features.Billing;

/// <summary>The outcome of a billing action: done (with a sentence for the staff), refused with a French sentence, or not found.</summary>
public sealed record BillingResult(bool Succeeded, string? Message, bool NotFound = false, bool Conflict = false)
{
    public static readonly BillingResult Missing = new(false, null, NotFound: true);

    public static BillingResult Ok(string message) => new(true, message);

    public static BillingResult Refused(string error) => new(false, error);
}

/// <summary>
/// Money after the training (M5, O2, LW4): « Clore la formation », the final invoice, the OPCO's invoice, a credit note
/// that cancels what remains due on an invoice, and the payments received against any invoice of the order. Each action
/// runs in one transaction that first locks the order's row (<c>SELECT … FOR UPDATE</c>): a double click waits, then
/// finds the work done and issues nothing twice. The number comes from <see cref="DocumentNumbering"/> in the same
/// transaction (a refusal rolls it back, LW4); the PDF is kept and the client's e-mail queued in the same
/// <c>SaveChanges</c>. A payment also carries the invoice's row version (<c>xmin</c>): a form read before another
/// payment on the same invoice is refused with a message, never saved over it.
/// </summary>
public sealed class BillingDesk(
    AppDbContext db,
    DocumentNumbering numbering,
    InvoiceDocuments documents,
    IEmailOutbox outbox,
    FinalInvoicing finalInvoicing,
    ISellerIdentityProvider seller,
    TimeProvider clock,
    IOptions<LexomOptions> options,
    ILogger<BillingDesk> logger)
{
    /// <summary>The message of a payment form read before another change of its invoice (optimistic concurrency).</summary>
    public static string StaleInvoiceMessage(string number) =>
        $"Un autre enregistrement vient de modifier la facture {number} pendant que vous saisissiez ce paiement : il n'a pas été enregistré. "
        + "Rechargez la page, vérifiez le reste dû à jour, puis saisissez de nouveau le paiement s'il manque encore.";

    // ------------------------------------------------------------------ the training took place

    /// <summary>« Clore la formation »: the order is completed today, from the last day of the training (O2: the OPCO part is frozen).</summary>
    public async Task<BillingResult> CompleteAsync(Guid orderId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return BillingResult.Missing;
        if (order.Status == OrderStatus.Completed)
            return BillingResult.Ok($"La formation est déjà close depuis le {order.CompletedOn!.Value.Written()}."); // a second click
        try
        {
            var today = clock.Today();
            order.Complete(today);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Formation de la commande {OrderId} close le {Day}", order.Id, today);
            return BillingResult.Ok($"Formation close le {today.Written()} : la facture finale peut être émise (M5).");
        }
        catch (DomainException ex)
        {
            return BillingResult.Refused(ex.Message);
        }
    }

    // ------------------------------------------------------------------ invoices

    /// <summary>
    /// M5 (O2): the final invoice, due on its issue date, for the client's share of the price minus what the client
    /// already paid (deposit included); its PDF kept and e-mailed to the client.
    /// </summary>
    public async Task<BillingResult> IssueFinalInvoiceAsync(Guid orderId, Guid? staffId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return BillingResult.Missing;
        if (order.Invoices.FirstOrDefault(i => i.Kind == InvoiceKind.Final) is { } existing)
            return BillingResult.Ok($"La facture finale {existing.Number} est déjà émise."); // a second click
        try
        {
            var (invoice, client) = await finalInvoicing.IssueAsync(order, staffId, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Facture finale {Number} de {Amount} émise sur la commande {OrderId}", invoice.Number, invoice.Ttc.Amount, order.Id);
            return BillingResult.Ok($"Facture finale {invoice.Number} émise ({French.Amount(invoice.Ttc)}, payable à réception) et envoyée à {client.Email}.");
        }
        catch (DomainException ex)
        {
            return BillingResult.Refused(ex.Message);
        }
    }

    /// <summary>O2: the invoice to the OPCO for its part under subrogation; kept for the staff, who send it to the OPCO (never e-mailed to the client).</summary>
    public async Task<BillingResult> IssueOpcoInvoiceAsync(Guid orderId, Guid? staffId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        if (order is null) return BillingResult.Missing;
        if (order.Invoices.FirstOrDefault(i => i.Kind == InvoiceKind.Opco) is { } existing)
            return BillingResult.Ok($"La facture à l'OPCO {existing.Number} est déjà émise."); // a second click
        try
        {
            var today = clock.Today();
            var prepared = await documents.PrepareAsync(order, ct);
            var number = await numbering.NextAsync(DocumentKind.Invoice, today.Year, ct);
            var invoice = order.IssueOpcoInvoice(Guid.NewGuid(), number, today);
            prepared.Store(invoice, staffId, null);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Facture OPCO {Number} de {Amount} émise sur la commande {OrderId}", invoice.Number, invoice.Ttc.Amount, order.Id);
            return BillingResult.Ok($"Facture {invoice.Number} à {order.Opco!.Opco} émise ({French.Amount(invoice.Ttc)}) : téléchargez-la pour l'envoyer à l'OPCO, elle n'est pas envoyée par e-mail.");
        }
        catch (DomainException ex)
        {
            return BillingResult.Refused(ex.Message);
        }
    }

    /// <summary>LW4: « Annuler par un avoir »: a credit note (AV) for what remains due on an invoice, which stays kept; e-mailed to the client for a client's invoice.</summary>
    public async Task<BillingResult> CancelInvoiceAsync(Guid orderId, Guid invoiceId, string reason, Guid? staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reason);
        reason = reason.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        var invoice = order?.Invoices.FirstOrDefault(i => i.Id == invoiceId);
        if (order is null || invoice is null) return BillingResult.Missing;
        if (reason.Length == 0) return BillingResult.Refused("Indiquez le motif de l'avoir : il figure sur l'avoir.");
        try
        {
            var today = clock.Today();
            var prepared = await documents.PrepareAsync(order, ct);
            var number = await numbering.NextAsync(DocumentKind.CreditNote, today.Year, ct);
            var note = order.CancelInvoice(invoice.Id, Guid.NewGuid(), number, today, reason);
            var (_, pdf) = prepared.Store(note, staffId, null);
            var mailed = invoice.Payer == InvoicePayer.Client;
            if (mailed)
            {
                var client = prepared.Client;
                var model = EmailModel(order, client, note, pdf) with { CorrectedNumber = invoice.Number.ToString(), Reason = reason };
                outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName), InvoiceEmail.CreditNote(model, seller.Current()), InvoiceEmail.CreditNoteKind);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Avoir {Number} de {Amount} sur {Invoice} (commande {OrderId})", note.Number, note.Ttc.Amount, invoice.Number, order.Id);
            return BillingResult.Ok($"Avoir {note.Number} émis ({French.Amount(note.Ttc)}) : la facture {invoice.Number} n'a plus de reste dû"
                + (mailed ? " ; l'avoir est envoyé au client." : " ; l'avoir est conservé ici pour l'OPCO, il n'est pas envoyé par e-mail."));
        }
        catch (DomainException ex)
        {
            return BillingResult.Refused(ex.Message);
        }
    }

    // ------------------------------------------------------------------ payments

    /// <summary>
    /// A payment received against one of the order's invoices (partial payments allowed; more than the remainder due is
    /// refused with the domain's message, never kept as a credit). <paramref name="version"/> is the invoice's row version
    /// (<c>xmin</c>) the form was read with: if the invoice changed since, nothing is saved and the staff are told.
    /// </summary>
    public async Task<BillingResult> RecordPaymentAsync(Guid orderId, Guid invoiceId, uint version, Money amount, DateOnly receivedOn,
        PaymentMethod method, string reference, Guid? staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        reference = reference.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderDesk.LockAndLoadAsync(db, orderId, ct);
        var invoice = order?.Invoices.FirstOrDefault(i => i.Id == invoiceId);
        if (order is null || invoice is null) return BillingResult.Missing;
        if (receivedOn > clock.Today()) return BillingResult.Refused("La date de réception du paiement ne peut pas être dans le futur.");
        if (receivedOn < order.OrderedOn)
            return BillingResult.Refused($"La commande date du {order.OrderedOn.Numeric()} : un paiement ne peut pas avoir été reçu avant.");
        if (order.Status == OrderStatus.PendingSignatureAndDeposit && invoice.Kind == InvoiceKind.Deposit)
            return BillingResult.Refused("Le paiement de l'acompte s'enregistre avec le formulaire « Enregistrer l'acompte » : il confirme la commande (C1) et l'annonce au client.");
        if (reference.Length == 0) return BillingResult.Refused("Indiquez la référence bancaire du paiement (celle du relevé).");
        if (await PaymentWithReferenceAsync(reference, ct) is { } already)
            return BillingResult.Refused($"Le paiement de référence bancaire « {reference} » est déjà enregistré (sur {already}) : un mouvement bancaire ne s'enregistre qu'une fois.");

        try
        {
            // Optimistic concurrency: the UPDATE of the invoice row checks the version the form was read with.
            db.Entry(invoice).Property<uint>(OrderConfiguration.Version).OriginalValue = version;
            var payment = order.RecordPayment(invoice.Id, Guid.NewGuid(), amount, receivedOn, reference, method);
            // A payment is a row of its own table: the invoice's row is written too, so that its xmin is checked and moves.
            db.Entry(invoice).Property(i => i.Label).IsModified = true;
            // Kept as issued; each payment keeps a copy that shows it beside the first, never over it.
            await documents.StoreAsync(order, invoice, staffId, $"paiement-{invoice.Payments.Count}-{receivedOn:yyyyMMdd}", ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Paiement de {Amount} reçu sur {Invoice} (commande {OrderId})", payment.Amount.Amount, invoice.Number, order.Id);
            return BillingResult.Ok(invoice.AmountDue.IsZero
                ? $"Paiement de {French.Amount(payment.Amount)} enregistré : la facture {invoice.Number} est réglée."
                : $"Paiement de {French.Amount(payment.Amount)} enregistré sur {invoice.Number} : reste dû {French.Amount(invoice.AmountDue)}.");
        }
        catch (DomainException ex)
        {
            return BillingResult.Refused(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Paiement refusé sur {Invoice} : formulaire périmé (version {Version})", invoice.Number, version);
            return new BillingResult(false, StaleInvoiceMessage(invoice.Number.ToString()), Conflict: true);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: InvoiceConfiguration.PaymentReferenceIndex })
        {
            return BillingResult.Refused($"Le paiement de référence bancaire « {reference} » est déjà enregistré : un mouvement bancaire ne s'enregistre qu'une fois.");
        }
    }

    // ------------------------------------------------------------------ helpers

    private async Task<string?> PaymentWithReferenceAsync(string reference, CancellationToken ct) =>
        await db.Invoices.Where(i => i.Payments.Any(p => p.Reference == reference)).Select(i => i.Number.ToString()).FirstOrDefaultAsync(ct);

    private InvoiceEmailModel EmailModel(Order order, Client client, Invoice invoice, byte[] pdf) =>
        FinalInvoicing.EmailModel(order, client, invoice, pdf, options.Value.PublicBaseUrl);
}
