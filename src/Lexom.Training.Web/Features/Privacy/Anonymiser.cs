using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Privacy;

/// <summary>
/// G1, G3, LW5: the anonymisation of a client, its contact, its accounts and its participants, for an erasure or by the
/// retention job. What is replaced: the contact's name, e-mail and phone; for a private individual also the name and the
/// street address; the accounts' e-mails, names and passwords (the account can no longer sign in); the participants' names
/// (proposals, orders, attestations); the request's names and message; the online acceptance's signatory, IP and browser;
/// the recipient and content of the e-mails already sent. What is kept (LW5, accounting law, 10 years): the invoices, credit
/// notes and payments with their numbers and amounts, the company's legal identity (name, SIRET, VAT number, billing
/// address), and every stored document as issued (the invoice PDFs carry the legal mentions, including a private
/// individual's name and address, art. 242 nonies A CGI) — see ADR-0005. One transaction, written to the audit trail.
/// </summary>
public static class Anonymiser
{
    public const string ContactName = "Contact anonymisé";
    public const string IndividualName = "Personne anonymisée";
    public const string ParticipantName = "Participant anonymisé";
    public const string Address = "Adresse anonymisée";

    public static string EmailOf(Guid id) => $"anonyme-{id:N}@anonyme.invalid";

    /// <summary>Why the client cannot be anonymised yet (an order open, money due); null when it can.</summary>
    public static async Task<string?> BlockerAsync(AppDbContext db, Guid clientId, CancellationToken ct)
    {
        var openOrders = await db.Orders.AsNoTracking().CountAsync(o => o.ClientId == clientId
            && (o.Status == OrderStatus.PendingSignatureAndDeposit || o.Status == OrderStatus.Confirmed || o.Status == OrderStatus.Postponed), ct);
        if (openOrders > 0) return $"Une commande est en cours ({openOrders}) : l'effacement attend sa fin (G3).";
        var client = nameof(InvoicePayer.Client);
        var creditNote = nameof(InvoiceKind.CreditNote);
        var due = await db.Database.SqlQuery<decimal>($"""
            SELECT COALESCE(SUM(i.ttc - i.credited - COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.invoice_id = i.id), 0)), 0) AS "Value"
            FROM invoices i JOIN orders o ON o.id = i.order_id
            WHERE o.client_id = {clientId} AND i.payer = {client} AND i.kind <> {creditNote}
              AND i.ttc - i.credited - COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.invoice_id = i.id), 0) > 0
            """).SingleAsync(ct);
        return due > 0 ? $"Une somme reste due ({due.ToString("N2", Infrastructure.FrenchCulture.Culture)} €) : l'effacement attend son règlement (G3, LW5)." : null;
    }

    /// <summary>Anonymises the client in the caller's transaction and writes the audit line; false when already done.</summary>
    public static async Task<bool> AnonymiseAsync(AppDbContext db, Guid clientId, AuditActor actor, DateTimeOffset now, string reason, CancellationToken ct)
    {
        using var legal = PrivacyGuard.LegalObligation();
        // Two runs at once (two instances, a double click): the second waits here, then finds it done.
        await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM clients WHERE id = {clientId} FOR UPDATE").ToListAsync(ct);
        var privacy = await db.Set<ClientPrivacy>().SingleOrDefaultAsync(p => p.ClientId == clientId, ct);
        if (privacy?.AnonymisedAt is not null) return false;
        var emails = (await db.Clients.Where(c => c.Id == clientId).Select(c => c.NormalizedEmail)
            .Concat(db.Users.Where(u => u.ClientId == clientId && u.Email != null).Select(u => u.Email!)).ToListAsync(ct))
            .Select(e => e.ToLowerInvariant()).Distinct().ToList();
        var anonymous = EmailOf(clientId);
        var sent = nameof(Email.OutboxStatus.Sent);
        var individual = nameof(Domain.PayerKind.PrivateIndividual);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE clients SET contact_name = {ContactName}, email = {anonymous}, normalized_email = {anonymous}, phone = NULL,
                name = CASE WHEN kind = {individual} THEN {IndividualName} ELSE name END,
                billing_line1 = CASE WHEN kind = {individual} THEN {Address} ELSE billing_line1 END,
                billing_line2 = CASE WHEN kind = {individual} THEN NULL ELSE billing_line2 END
            WHERE id = {clientId};
            UPDATE "AspNetUsers" SET email = 'anonyme-' || replace(id::text, '-', '') || '@anonyme.invalid', user_name = 'anonyme-' || replace(id::text, '-', '') || '@anonyme.invalid',
                normalized_email = upper('anonyme-' || replace(id::text, '-', '') || '@anonyme.invalid'), normalized_user_name = upper('anonyme-' || replace(id::text, '-', '') || '@anonyme.invalid'),
                display_name = {ContactName}, password_hash = NULL, phone_number = NULL, lockout_enabled = TRUE,
                lockout_end = '9999-12-31T00:00:00Z', security_stamp = gen_random_uuid()::text
            WHERE client_id = {clientId};
            UPDATE proposal_participants pp SET name = {ParticipantName} FROM proposals p WHERE pp.proposal_id = p.id AND p.client_id = {clientId};
            UPDATE proposals SET billing_address = {Address} WHERE client_id = {clientId} AND payer_kind = {individual};
            UPDATE order_participants op SET name = {ParticipantName} FROM orders o WHERE op.order_id = o.id AND o.client_id = {clientId};
            UPDATE session_attestations a SET participant_name = {ParticipantName} FROM orders o WHERE a.order_id = o.id AND o.client_id = {clientId};
            UPDATE orders SET acceptance_signatory_name = CASE WHEN acceptance_signatory_name IS NULL THEN NULL ELSE {IndividualName} END,
                acceptance_ip_address = CASE WHEN acceptance_ip_address IS NULL THEN NULL ELSE '0.0.0.0' END, acceptance_user_agent = NULL
            WHERE client_id = {clientId};
            UPDATE proposal_requests SET training = jsonb_set(jsonb_set(training, ARRAY['ParticipantNames'], '[]'::jsonb), ARRAY['Message'], 'null'::jsonb)
            WHERE client_id = {clientId};
            UPDATE outbox_messages SET recipient = {anonymous}, mime = '\x'::bytea WHERE status = {sent} AND lower(recipient) = ANY({emails.ToArray()});
            """, ct);
        if (privacy is null)
        {
            privacy = new ClientPrivacy { ClientId = clientId };
            db.Add(privacy);
        }
        privacy.AnonymisedAt = now;
        privacy.MarketingObjection = true;
        privacy.RestrictedSince = null;
        privacy.RestrictionReason = null;
        db.Add(actor.Entry(now, AuditAction.Anonymised, "Client", clientId.ToString(), clientId, detail: reason));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
