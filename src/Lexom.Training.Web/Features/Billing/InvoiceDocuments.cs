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
public sealed class InvoiceDocuments(AppDbContext db, IDocumentRenderer renderer, ISellerIdentityProvider seller, TimeProvider clock)
{
    /// <summary>Renders the invoice as it stands (with the payments it has received) and adds its stored copy to the unit of work.</summary>
    /// <param name="suffix">Added to the file name of a later copy (say, after a payment), so the first copy stays as issued.</param>
    public async Task<(StoredFile File, byte[] Pdf)> StoreAsync(Order order, Invoice invoice, Guid? staffId, string? suffix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(invoice);
        var pdf = await RenderAsync(order, invoice, ct);
        var name = suffix is null ? $"{FilePrefix(invoice)}-{invoice.Number}.pdf" : $"{FilePrefix(invoice)}-{invoice.Number}-{suffix}.pdf";
        var file = new StoredFile(Guid.NewGuid(), StoredFileKind.Invoice, order.ClientId, name, "application/pdf", pdf, clock.GetUtcNow(), staffId) { OrderId = order.Id };
        db.StoredFiles.Add(file);
        return (file, pdf);
    }

    /// <summary>"facture" or "avoir".</summary>
    public static string FilePrefix(Invoice invoice) => invoice?.Kind == DomainInvoiceKind.CreditNote ? "avoir" : "facture";

    public async Task<byte[]> RenderAsync(Order order, Invoice invoice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(invoice);
        var proposal = await db.Proposals.AsNoTracking()
            .Include(p => p.Lines).Include(p => p.Participants).AsSplitQuery()
            .SingleAsync(p => p.Id == order.ProposalId, ct);
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
        var identity = seller.Current();
        var clientIdentity = ProposalPdfBuilder.Build(proposal, client, identity).Client;
        if (invoice.Payer == InvoicePayer.Opco && order.Opco is { } opco)
        {
            // O2: the OPCO is billed for its part, on behalf of the client whose training it funds.
            clientIdentity = clientIdentity with { Kind = ClientKind.Company, Name = opco.Opco, Siren = null, VatNumber = null, ContactName = $"Pour le compte de {client.Name}, accord n° {opco.AgreementNumber}" };
        }

        var corrected = invoice.CreditsInvoiceId is { } creditedId ? order.Invoices.FirstOrDefault(i => i.Id == creditedId) : null;
        var document = new InvoiceDocument
        {
            Seller = identity,
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
                new DocumentLine { Description = invoice.Label, Quantity = 1, UnitPriceExclVat = invoice.Ht.Amount, VatRate = invoice.Ht == invoice.Ttc ? 0m : invoice.VatRate.Fraction },
            ],
            Payments = invoice.Payments.Select(p => new PaymentReceived
            {
                ReceivedOn = p.ReceivedOn,
                Label = $"Paiement par {Payment.MethodText(p.Method)}, réf. {p.Reference}",
                Amount = p.Amount.Amount,
            }).ToList(),
            CorrectedInvoiceNumber = corrected?.Number.ToString(),
            CorrectedInvoiceDate = corrected?.IssuedOn,
        };
        return renderer.Render(document);
    }
}
