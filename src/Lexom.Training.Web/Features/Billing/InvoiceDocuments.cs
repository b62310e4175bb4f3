using Lexom.Training.Documents;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using DocInvoiceKind = Lexom.Training.Documents.InvoiceKind;
using DomainInvoiceKind = Lexom.Training.Domain.Orders.InvoiceKind;

namespace Lexom.Training.Web.Features.Billing;

/// <summary>
/// The PDF of an order's invoice, deposit invoice or credit note (LW3, LW4), from the domain's amounts, and its copy kept
/// in <c>stored_files</c> in the caller's transaction. Every slice that issues an invoice goes through here.
/// </summary>
/// <remarks>
/// An issuer holds the lock of its year's counter row (LW4) from the moment it takes a number to its commit: it reads
/// what the PDF needs first (<see cref="PrepareAsync"/>), then takes the number, and renders without another query.
/// </remarks>
public sealed class InvoiceDocuments(AppDbContext db, IDocumentRenderer renderer, ISellerIdentityProvider seller, TimeProvider clock)
{
    /// <summary>Renders the invoice as it stands (with the payments it has received) and adds its stored copy to the unit of work.</summary>
    /// <param name="suffix">Added to the file name of a later copy (say, after a payment), so the first copy stays as issued.</param>
    public async Task<(StoredFile File, byte[] Pdf)> StoreAsync(Order order, Invoice invoice, Guid? staffId, string? suffix, CancellationToken ct) =>
        (await PrepareAsync(order, ct)).Store(invoice, staffId, suffix);

    /// <summary>"facture" or "avoir".</summary>
    public static string FilePrefix(Invoice invoice) => invoice?.Kind == DomainInvoiceKind.CreditNote ? "avoir" : "facture";

    public async Task<byte[]> RenderAsync(Order order, Invoice invoice, CancellationToken ct) =>
        (await PrepareAsync(order, ct)).Render(invoice);

    /// <summary>Reads what the order's documents print (its proposal, its client, LEXOM's identity); render and store without a query afterwards.</summary>
    public async Task<Prepared> PrepareAsync(Order order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var proposal = await db.Proposals.AsNoTracking()
            .Include(p => p.Lines).Include(p => p.Participants).AsSplitQuery()
            .SingleAsync(p => p.Id == order.ProposalId, ct);
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
        var identity = seller.Current();
        return new Prepared(db, renderer, clock, order, client, identity, ProposalPdfBuilder.Build(proposal, client, identity).Client);
    }

    /// <summary>An order's documents, ready to render.</summary>
    public sealed class Prepared
    {
        private readonly AppDbContext _db;
        private readonly IDocumentRenderer _renderer;
        private readonly TimeProvider _clock;
        private readonly Order _order;
        private readonly SellerIdentity _identity;
        private readonly ClientIdentity _clientIdentity;

        internal Prepared(AppDbContext db, IDocumentRenderer renderer, TimeProvider clock, Order order, Domain.Clients.Client client, SellerIdentity identity,
            ClientIdentity clientIdentity)
        {
            _db = db;
            _renderer = renderer;
            _clock = clock;
            _order = order;
            Client = client;
            _identity = identity;
            _clientIdentity = clientIdentity;
        }

        /// <summary>The order's client (for the e-mail).</summary>
        public Domain.Clients.Client Client { get; }

        /// <summary>Renders the invoice as it stands and adds its stored copy to the unit of work.</summary>
        public (StoredFile File, byte[] Pdf) Store(Invoice invoice, Guid? staffId, string? suffix)
        {
            ArgumentNullException.ThrowIfNull(invoice);
            var pdf = Render(invoice);
            var name = suffix is null ? $"{FilePrefix(invoice)}-{invoice.Number}.pdf" : $"{FilePrefix(invoice)}-{invoice.Number}-{suffix}.pdf";
            var file = new StoredFile(Guid.NewGuid(), StoredFileKind.Invoice, _order.ClientId, name, "application/pdf", pdf, _clock.GetUtcNow(), staffId)
            {
                OrderId = _order.Id,
            };
            _db.StoredFiles.Add(file);
            return (file, pdf);
        }

        public byte[] Render(Invoice invoice)
        {
            ArgumentNullException.ThrowIfNull(invoice);
            var order = _order;
            var clientIdentity = _clientIdentity;
            if (invoice.Payer == InvoicePayer.Opco && order.Opco is { } opco)
            {
                // O2: the OPCO is billed for its part, on behalf of the client whose training it funds.
                clientIdentity = clientIdentity with { Kind = ClientKind.Company, Name = opco.Opco, Siren = null, VatNumber = null, ContactName = $"Pour le compte de {Client.Name}, accord n° {opco.AgreementNumber}" };
            }

            var corrected = invoice.CreditsInvoiceId is { } creditedId ? order.Invoices.FirstOrDefault(i => i.Id == creditedId) : null;
            var vatRate = invoice.Ht == invoice.Ttc ? 0m : invoice.VatRate.Fraction;
            List<string> notes = [];
            if (invoice.Payer == InvoicePayer.Opco && order.Opco is { } funding)
            {
                notes.Add($"Subrogation de paiement (CGV 3.3, O2) : {funding.Opco} règle directement à LEXOM sa prise en charge (accord n° {funding.AgreementNumber}) "
                    + $"de la formation suivie par {Client.Name}. Le reste du prix est facturé au client.");
            }

            var document = new InvoiceDocument
            {
                Seller = _identity,
                Kind = invoice.Kind switch
                {
                    DomainInvoiceKind.Deposit => DocInvoiceKind.Deposit,
                    DomainInvoiceKind.Indemnity => DocInvoiceKind.Indemnity,
                    DomainInvoiceKind.CreditNote => DocInvoiceKind.CreditNote,
                    _ => DocInvoiceKind.Final,
                },
                Number = invoice.Number.ToString(),
                IssuedOn = invoice.IssuedOn,
                DueOn = invoice.DueOn,
                Client = clientIdentity,
                ProposalNumber = order.ProposalNumber.ToString(),
                Subject = $"{order.Course.Reference} — {order.Course.Title}, du {order.StartsOn.Numeric()} au {order.EndsOn.Numeric()}",
                Lines =
                [
                    new DocumentLine { Description = invoice.Label, Quantity = 1, UnitPriceExclVat = invoice.Ht.Amount, VatRate = vatRate },
                ],
                // M3 (CgvReadings.SplitTtc): the amount is billed TTC; the PDF prints the domain's HT and VAT, never a VAT
                // recomputed from the HT that could ask one cent more or less than the accounts hold.
                BilledTotals = new DocumentTotals(invoice.Ht.Amount, [new VatBreakdown(vatRate, invoice.Ht.Amount, invoice.Vat.Amount)],
                    invoice.Vat.Amount, invoice.Ttc.Amount, 0m, 0m),
                Notes = notes,
                Payments = invoice.Payments.Select(p => new PaymentReceived
                {
                    ReceivedOn = p.ReceivedOn,
                    Label = $"Paiement par {Payment.MethodText(p.Method)}, réf. {p.Reference}",
                    Amount = p.Amount.Amount,
                }).ToList(),
                CorrectedInvoiceNumber = corrected?.Number.ToString(),
                CorrectedInvoiceDate = corrected?.IssuedOn,
            };
            return _renderer.Render(document);
        }
    }
}
