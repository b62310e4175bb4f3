using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Audit;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Privacy;

/// <summary>
/// G3 (access and portability): every datum LEXOM holds about a client, its contact, accounts and participants, as a zip
/// with <c>donnees.json</c> (every section) and one CSV per section (the staff lists' format, <see cref="Csv"/>): the client,
/// the accounts, the requests, the proposals and their participants, the orders and their participants, the invoices, the
/// payments, the consents and choices (CGV accepted, marketing objection, restriction), the privacy requests, and the audit
/// lines about them. Read for this one client only. The PDFs are not in the zip: each is downloadable in the client space
/// and the export is about the data (see ADR-0005).
/// </summary>
public sealed class PersonalDataExport(AppDbContext db, AuditQueries audit)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Section(string Name, string[] Headers, List<string?[]> Rows);

    public async Task<byte[]> ZipAsync(Guid clientId, CancellationToken ct)
    {
        var sections = await SectionsAsync(clientId, ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var json = sections.ToDictionary(s => s.Name, s => s.Rows.Select(r => s.Headers.Zip(r).ToDictionary(x => x.First, x => x.Second)).ToList());
            await WriteAsync(zip, "donnees.json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(json, JsonOptions)), ct);
            foreach (var s in sections)
            {
                var text = new StringBuilder();
                text.Append(string.Join(Csv.Separator, s.Headers.Select(Csv.Field))).Append(Csv.LineEnd);
                foreach (var row in s.Rows) text.Append(string.Join(Csv.Separator, row.Select(Csv.Field))).Append(Csv.LineEnd);
                await WriteAsync(zip, s.Name + ".csv", Csv.Utf8WithBom(text.ToString()), ct);
            }
        }
        return buffer.ToArray();
    }

    private static async Task WriteAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(ct);
        await stream.WriteAsync(bytes, ct);
    }

    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? T(DateTimeOffset? t) => t?.ToString("O", CultureInfo.InvariantCulture);

    private static string A(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private async Task<List<Section>> SectionsAsync(Guid clientId, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId, ct);
        var accounts = await db.Users.AsNoTracking().Where(u => u.ClientId == clientId)
            .Select(u => new { u.Email, u.DisplayName, u.CreatedAt, u.EmailConfirmed }).ToListAsync(ct);
        var requests = await db.ProposalRequests.AsNoTracking().Where(r => r.ClientId == clientId).OrderBy(r => r.ReceivedAt).ToListAsync(ct);
        var proposals = await db.Proposals.AsNoTracking().Include(p => p.Participants).Where(p => p.ClientId == clientId).OrderBy(p => p.CreatedOn).ToListAsync(ct);
        var orders = await db.Orders.AsNoTracking().Include(o => o.Participants).Include(o => o.Invoices).Where(o => o.ClientId == clientId).OrderBy(o => o.OrderedOn).ToListAsync(ct);
        var privacy = await db.Set<ClientPrivacy>().AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == clientId, ct);
        var privacyRequests = await db.Set<PrivacyRequest>().AsNoTracking().Where(r => r.ClientId == clientId).OrderBy(r => r.ReceivedOn).ToListAsync(ct);
        var auditRows = await audit.SearchAllAsync(clientId, ct);
        var invoices = orders.SelectMany(o => o.Invoices.Select(i => (Order: o, Invoice: i))).Where(x => x.Invoice.Payer == Domain.Orders.InvoicePayer.Client).ToList();

        return
        [
            new("client", ["type", "nom", "siret", "tva", "contact", "email", "telephone", "adresse", "cree_le"],
                [[client.Kind.ToString(), client.Name, client.Siret, client.VatNumber, client.ContactName, client.Email, client.Phone, client.BillingAddress.ToString(), T(client.CreatedAt)]]),
            new("comptes", ["email", "nom", "cree_le", "email_confirme"],
                accounts.Select(a => new string?[] { a.Email, a.DisplayName, T(a.CreatedAt), a.EmailConfirmed ? "oui" : "non" }).ToList()),
            new("demandes", ["recue_le", "formation", "format", "participants", "noms", "message", "etat"],
                requests.Select(r => new string?[] { T(r.ReceivedAt), r.CourseReference, r.Training.Kind.ToString(), r.Training.ParticipantCount.ToString(CultureInfo.InvariantCulture),
                    string.Join(", ", r.Training.ParticipantNames), r.Training.Message, r.Status.ToString() }).ToList()),
            new("propositions", ["numero", "etat", "formation", "creee_le", "emise_le", "valable_jusqu_au", "lieu", "adresse_facturation"],
                proposals.Select(p => new string?[] { p.Number?.ToString(), p.Status.ToString(), p.Course.Reference, D(p.CreatedOn), D(p.IssuedOn), D(p.ValidUntil), p.Place, p.BillingAddress }).ToList()),
            new("participants", ["document", "nom"],
                proposals.SelectMany(p => p.Participants.Select(x => new string?[] { "proposition " + (p.Number?.ToString() ?? "brouillon"), x.Name }))
                    .Concat(orders.SelectMany(o => o.Participants.Select(x => new string?[] { "commande " + o.ProposalNumber, x.Name }))).ToList()),
            new("commandes", ["proposition", "etat", "formation", "commandee_le", "debut", "fin", "prix_ttc", "acompte", "signataire", "acceptee_le", "ip"],
                orders.Select(o => new string?[] { o.ProposalNumber.ToString(), o.Status.ToString(), o.Course.Reference, D(o.OrderedOn), D(o.StartsOn), D(o.EndsOn),
                    A(o.PriceTtc.Amount), A(o.DepositAmount.Amount), o.OnlineAcceptance?.SignatoryName, T(o.OnlineAcceptance?.AcceptedAt), o.OnlineAcceptance?.IpAddress }).ToList()),
            new("factures", ["numero", "type", "emise_le", "echeance", "ht", "tva", "ttc", "commande"],
                invoices.Select(x => new string?[] { x.Invoice.Number.ToString(), x.Invoice.Kind.ToString(), D(x.Invoice.IssuedOn), D(x.Invoice.DueOn),
                    A(x.Invoice.Ht.Amount), A(x.Invoice.Vat.Amount), A(x.Invoice.Ttc.Amount), x.Order.ProposalNumber.ToString() }).ToList()),
            new("paiements", ["facture", "recu_le", "montant", "reference", "moyen"],
                invoices.SelectMany(x => x.Invoice.Payments.Select(p => new string?[] { x.Invoice.Number.ToString(), D(p.ReceivedOn), A(p.Amount.Amount), p.Reference, p.Method.ToString() })).ToList()),
            new("consentements", ["objet", "valeur", "date"],
                [
                    .. orders.Select(o => new string?[] { "CGV acceptées (commande " + o.ProposalNumber + ")", o.CgvVersion, D(o.OrderedOn) }),
                    ["Opposition aux e-mails commerciaux", privacy?.MarketingObjection == true ? "oui" : "non", null],
                    ["Limitation du traitement", privacy?.RestrictedSince is null ? "non" : "oui", T(privacy?.RestrictedSince)],
                ]),
            new("demandes_rgpd", ["type", "recue_le", "echeance", "etat", "repondue_le", "details", "reponse"],
                privacyRequests.Select(r => new string?[] { PrivacyText.Kind(r.Kind), D(r.ReceivedOn), D(r.DueOn), PrivacyText.Status(r.Status), D(r.AnsweredOn), r.Details, r.Outcome }).ToList()),
            new("journal", ["date", "utilisateur", "role", "action", "entite", "identifiant", "changements"],
                auditRows.Select(r => new string?[] { T(r.At), r.UserEmail, r.UserRole, AuditQueries.ActionText(r.Action), r.EntityType, r.EntityId, r.Changes }).ToList()),
        ];
    }
}
