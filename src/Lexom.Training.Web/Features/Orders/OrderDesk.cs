using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lexom.Training.Web.Features.Orders;

/// <summary>
/// From an issued proposal to a confirmed order (P3, P4, P6, P7, C1, M4, LW1, LW4). Each action runs in one
/// transaction that first locks the proposal's or the order's row: a double submit waits, then finds the work
/// done and creates nothing twice. The domain decides; this class loads, calls one verb, stores the files,
/// queues the e-mails in the same transaction and saves once.
/// </summary>
public sealed class OrderDesk(
    AppDbContext db,
    DocumentNumbering numbering,
    Billing.InvoiceDocuments invoices,
    IEmailOutbox outbox,
    ISellerIdentityProvider seller,
    TimeProvider clock,
    IOptions<LexomOptions> options,
    ILogger<OrderDesk> logger)
{
    // ------------------------------------------------------------------ acceptance

    /// <summary>P4 online, in the client space: the client's own issued proposal only (anything else is a 404).</summary>
    public async Task<OrderResult> AcceptOnlineAsync(Guid clientId, Guid proposalId, OnlineAcceptanceForm form, string ipAddress, string? userAgent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await LockProposalAsync(proposalId, ct)) return OrderResult.Missing;
        var proposal = await ProposalDrafts.LoadAsync(db, proposalId, ct);
        if (proposal is null || proposal.ClientId != clientId || proposal.Status == ProposalStatus.Draft) return OrderResult.Missing;
        if (await ExistingOrderAsync(proposalId, ct) is { } existing) return OrderResult.Ok(existing); // a second click
        if (proposal.Status != ProposalStatus.Issued) return OrderResult.Refused(NotAcceptable(proposal));
        var issued = await ProposalIssuer.IssuedFileAsync(db, proposalId, ct);
        if (issued is null) return OrderResult.Refused("Le document de cette proposition n'est pas disponible : contactez LEXOM (formation@lexom.fr).");

        try
        {
            var today = clock.Today();
            NamePlaceholders(proposal, form.Participants);
            var acceptance = ElectronicAcceptance.Create(form.SignatoryName, form.Mention, form.CgvAccepted, proposal.CgvVersion!, issued.Sha256,
                clock.GetUtcNow(), ipAddress, userAgent);
            proposal.Accept(today); // P3, P1
            var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, today, SalesChannel.Website); // Reading: a website order (P7)
            order.RecordOnlineAcceptance(acceptance, today); // P4 (P6)
            AddOrder(order, proposal);
            await SendAcceptedAsync(order, online: true, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Proposition {Number} acceptée en ligne : commande {OrderId}", proposal.Number, order.Id);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
    }

    /// <summary>P4, P6 on paper: the staff record the signed document (and the CGV, if they came with it) and the day received.</summary>
    public async Task<OrderResult> RecordPaperAcceptanceAsync(Guid proposalId, DateOnly receivedOn, SignedUpload signedDocument, SignedUpload? cgv,
        IReadOnlyDictionary<Guid, string?> participantNames, Guid staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signedDocument);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await LockProposalAsync(proposalId, ct)) return OrderResult.Missing;
        var proposal = await ProposalDrafts.LoadAsync(db, proposalId, ct);
        if (proposal is null) return OrderResult.Missing;
        if (await ExistingOrderAsync(proposalId, ct) is { } existing)
            return OrderResult.Refused($"La proposition {ProposalText.Number(proposal.Number)} est déjà acceptée : ajoutez les documents manquants sur sa commande.") with { OrderId = existing };
        if (proposal.Status != ProposalStatus.Issued) return OrderResult.Refused(NotAcceptable(proposal));
        var today = clock.Today();
        if (receivedOn > today) return OrderResult.Refused("La date de réception ne peut pas être dans le futur.");

        try
        {
            NamePlaceholders(proposal, participantNames);
            proposal.Accept(receivedOn); // P3: valid on the day it was received, P1: every participant named
            var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, receivedOn);
            AddOrder(order, proposal);
            var mainKind = order.RequiredDocuments[0];
            order.RecordSignedDocument(mainKind, receivedOn, Store(order, mainKind, signedDocument, staffId).Id.ToString());
            if (cgv is not null) order.RecordSignedDocument(SignedDocumentKind.Cgv, receivedOn, Store(order, SignedDocumentKind.Cgv, cgv, staffId).Id.ToString());
            await SendAcceptedAsync(order, online: false, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Acceptation papier de la proposition {Number} enregistrée : commande {OrderId}", proposal.Number, order.Id);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
    }

    /// <summary>A signed document that came after the acceptance (the CGV sent later, say).</summary>
    public async Task<OrderResult> AddSignedDocumentAsync(Guid orderId, SignedDocumentKind kind, DateOnly receivedOn, SignedUpload upload, Guid staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await LockAndLoadAsync(db, orderId, ct);
        if (order is null) return OrderResult.Missing;
        if (receivedOn > clock.Today()) return OrderResult.Refused("La date de réception ne peut pas être dans le futur.");
        if (receivedOn < order.OrderedOn) return OrderResult.Refused($"La commande date du {order.OrderedOn.Numeric()} : le document ne peut pas avoir été reçu avant.");
        try
        {
            var wasConfirmed = order.IsContractConcluded;
            order.RecordSignedDocument(kind, receivedOn, Store(order, kind, upload, staffId).Id.ToString());
            if (!wasConfirmed && order.IsContractConcluded) await SendConfirmedAsync(order, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
    }

    // ------------------------------------------------------------------ deposit

    /// <summary>
    /// M4, C1: the deposit received. The deposit invoice (ACP, LW4) is issued in the same transaction when none is
    /// open, its PDF kept; a bank reference already recorded is refused; the P4 acknowledgement leaves on confirmation.
    /// </summary>
    public async Task<OrderResult> RecordDepositAsync(Guid orderId, Money amount, DateOnly receivedOn, PaymentMethod method, string reference, Guid staffId, CancellationToken ct)
    {
        reference = reference.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await LockAndLoadAsync(db, orderId, ct);
        if (order is null) return OrderResult.Missing;
        var today = clock.Today();
        if (receivedOn > today) return OrderResult.Refused("La date de réception du paiement ne peut pas être dans le futur.");
        if (await PaymentWithReferenceAsync(reference, ct) is { } already)
            return OrderResult.Refused($"Le paiement de référence bancaire « {reference} » est déjà enregistré (sur {already}) : un mouvement bancaire ne s'enregistre qu'une fois.");

        try
        {
            var wasConfirmed = order.IsContractConcluded;
            var toIssue = order.DepositInvoiceToIssue;
            // LW4: the number is taken in this transaction; if the domain refuses, the rollback gives it back.
            var number = toIssue ? await numbering.NextAsync(DocumentKind.DepositInvoice, today.Year, ct) : null;
            var invoiceId = Guid.NewGuid();
            order.RecordDeposit(invoiceId, number, today, Guid.NewGuid(), amount, receivedOn, reference, method);
            var invoice = order.DepositInvoice!;
            // Kept as issued, with the payments it shows; a later payment keeps a new copy beside it, never over it.
            var (_, pdf) = await invoices.StoreAsync(order, invoice, staffId, toIssue ? null : $"paiement-{receivedOn:yyyyMMdd}", ct);
            if (!wasConfirmed && order.IsContractConcluded) await SendConfirmedAsync(order, ct, pdf);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Acompte de {Amount} reçu sur la commande {OrderId} ({Invoice})", amount.Amount, order.Id, invoice.Number);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: InvoiceConfiguration.PaymentReferenceIndex })
        {
            return OrderResult.Refused($"Le paiement de référence bancaire « {reference} » est déjà enregistré : un mouvement bancaire ne s'enregistre qu'une fois.");
        }
    }

    // ------------------------------------------------------------------ withdrawal

    /// <summary>P7, LW1: « Je me rétracte » in the client space, within the period; the client's own order only.</summary>
    public async Task<OrderResult> WithdrawAsync(Guid clientId, Guid orderId, string ipAddress, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await LockAndLoadAsync(db, orderId, ct);
        if (order is null || order.ClientId != clientId) return OrderResult.Missing;
        if (order.Status == OrderStatus.Withdrawn) return OrderResult.Ok(order.Id); // a second click
        var today = clock.Today();
        try
        {
            var now = clock.GetUtcNow();
            order.Withdraw(new WrittenNotice(today, $"Rétractation en ligne dans l'espace client le {now:yyyy-MM-dd HH:mm:ss} UTC depuis {ipAddress}"));
            var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
            outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName), OrderEmails.Withdrawn(OrderEmailModel.For(order, client, options.Value.PublicBaseUrl), today, seller.Current()), OrderEmails.WithdrawnKind);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Rétractation de la commande {OrderId}", order.Id);
            return OrderResult.Ok(order.Id);
        }
        catch (DomainException ex)
        {
            return OrderResult.Refused(ex.Message);
        }
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>The aggregate with everything its rules read.</summary>
    public static Task<Order?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Orders
            .Include(o => o.Participants.OrderBy(p => EF.Property<int>(p, ProposalConfiguration.Position)))
            .Include(o => o.Invoices)
            .Include(o => o.ChangeRequests)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, ct);

    /// <summary>
    /// Locks the order's row (<c>SELECT … FOR UPDATE</c>, in the caller's open transaction) and loads the aggregate; null when
    /// it does not exist. Every action on an order starts here, so a double submit waits and then finds the work done.
    /// </summary>
    public static async Task<Order?> LockAndLoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM orders WHERE id = {id} FOR UPDATE").ToListAsync(ct);
        return locked.Count == 0 ? null : await LoadAsync(db, id, ct);
    }

    private async Task<bool> LockProposalAsync(Guid id, CancellationToken ct) =>
        (await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM proposals WHERE id = {id} FOR UPDATE").ToListAsync(ct)).Count > 0;

    /// <summary>P1: the names still « à confirmer » are given at acceptance; a blank one stays and the domain says so.</summary>
    private static void NamePlaceholders(Proposal proposal, IReadOnlyDictionary<Guid, string?> names)
    {
        foreach (var participant in proposal.Participants.Where(p => p.IsPlaceholder).ToList())
        {
            if (names.GetValueOrDefault(participant.Id) is { } name && !string.IsNullOrWhiteSpace(name))
                proposal.NameParticipant(participant.Id, name);
        }
    }

    private async Task<Guid?> ExistingOrderAsync(Guid proposalId, CancellationToken ct) =>
        await db.Orders.Where(o => o.ProposalId == proposalId).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);

    private async Task<string?> PaymentWithReferenceAsync(string reference, CancellationToken ct) =>
        await db.Invoices.Where(i => i.Payments.Any(p => p.Reference == reference)).Select(i => i.Number.ToString()).FirstOrDefaultAsync(ct);

    /// <summary>P3: why an issued proposal that is not « émise » any more cannot be accepted.</summary>
    private static string NotAcceptable(Proposal proposal) => proposal.Status switch
    {
        ProposalStatus.Expired => $"La proposition {ProposalText.Number(proposal.Number)} n'était valable que jusqu'au {proposal.ValidUntil!.Value.Written()} inclus : elle ne peut plus être acceptée (P3). Une nouvelle version peut être émise.",
        ProposalStatus.Superseded => $"La proposition {ProposalText.Number(proposal.Number)} a été remplacée par une nouvelle version : c'est celle-ci qui peut être acceptée.",
        ProposalStatus.Declined => $"La proposition {ProposalText.Number(proposal.Number)} a été refusée.",
        _ => $"La proposition {ProposalText.Number(proposal.Number)} est {ProposalText.Status(proposal.Status).ToLowerInvariant()} : elle ne peut pas être acceptée.",
    };

    private void AddOrder(Order order, Proposal proposal)
    {
        db.Orders.Add(order);
        db.Entry(order).Property<string>(OrderConfiguration.CourseReference).CurrentValue = proposal.Course.Reference;
        for (var i = 0; i < order.Participants.Count; i++)
            db.Entry(order.Participants[i]).Property<int>(ProposalConfiguration.Position).CurrentValue = i;
    }

    private StoredFile Store(Order order, SignedDocumentKind kind, SignedUpload upload, Guid staffId)
    {
        var (fileKind, name) = kind switch
        {
            SignedDocumentKind.ProposalBonPourAccord => (StoredFileKind.SignedProposal, "proposition-signee"),
            SignedDocumentKind.Cgv => (StoredFileKind.SignedCgv, "cgv-signees"),
            _ => (StoredFileKind.SignedTrainingContract, "contrat-signe"),
        };
        var file = new StoredFile(Guid.NewGuid(), fileKind, order.ClientId, $"{name}-{order.ProposalNumber}{Path.GetExtension(upload.FileName)}", upload.ContentType,
            upload.Content, clock.GetUtcNow(), staffId) { OrderId = order.Id, ProposalId = order.ProposalId };
        db.StoredFiles.Add(file);
        return file;
    }

    private async Task SendAcceptedAsync(Order order, bool online, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
        var withdrawal = order.PayerKind == PayerKind.PrivateIndividual ? order.Withdrawal().Explanation : null;
        outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
            OrderEmails.Accepted(OrderEmailModel.For(order, client, options.Value.PublicBaseUrl), online, order.MissingForConfirmation(), withdrawal, seller.Current()), OrderEmails.AcceptedKind);
    }

    private async Task SendConfirmedAsync(Order order, CancellationToken ct, byte[]? depositInvoicePdf = null)
    {
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
        var invoice = order.DepositInvoice;
        outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
            OrderEmails.Confirmed(OrderEmailModel.For(order, client, options.Value.PublicBaseUrl), invoice?.Number.ToString() ?? "", depositInvoicePdf, seller.Current()), OrderEmails.ConfirmedKind);
    }
}
