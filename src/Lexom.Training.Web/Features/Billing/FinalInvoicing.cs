using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Features.Billing;

/// <summary>
/// M5 (O2, LW4): the final invoice of a completed order, in the caller's transaction on an order whose row the caller has
/// locked. Reads the proposal and client first, then takes the number (<see cref="DocumentNumbering"/>, the year's counter
/// row stays locked until the caller commits), renders and keeps the PDF and queues the client's e-mail; the caller saves.
/// Used by <see cref="BillingDesk.IssueFinalInvoiceAsync"/> (the order page) and by « Clôturer la session ».
/// </summary>
public sealed class FinalInvoicing(
    DocumentNumbering numbering,
    InvoiceDocuments documents,
    IEmailOutbox outbox,
    ISellerIdentityProvider seller,
    TimeProvider clock,
    IOptions<LexomOptions> options)
{
    /// <summary>Issues the final invoice; throws the domain's <see cref="Domain.DomainException"/> when the order cannot have one.</summary>
    public async Task<(Invoice Invoice, Client Client)> IssueAsync(Order order, Guid? staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var today = clock.Today();
        // Read first: from the number on, the year's counter row is locked for every issuer until the caller's commit.
        var prepared = await documents.PrepareAsync(order, ct);
        // LW4: the number is taken in the caller's transaction; if the domain refuses, the rollback gives it back.
        var number = await numbering.NextAsync(DocumentKind.Invoice, today.Year, ct);
        var invoice = order.IssueFinalInvoice(Guid.NewGuid(), number, today);
        var (_, pdf) = prepared.Store(invoice, staffId, null);
        var client = prepared.Client;
        var model = EmailModel(order, client, invoice, pdf, options.Value.PublicBaseUrl) with
        {
            AlreadyPaid = order.ClientPaid,
            OpcoName = order.HasSubrogation ? order.Opco!.Opco : null,
            OpcoPart = order.OpcoPart,
        };
        outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName), InvoiceEmail.Final(model, seller.Current()), InvoiceEmail.FinalKind);
        return (invoice, client);
    }

    internal static InvoiceEmailModel EmailModel(Order order, Client client, Invoice invoice, byte[] pdf, string publicBaseUrl) =>
        new(client.ContactName, invoice.Number.ToString(), order.ProposalNumber.ToString(), order.Course.Reference, order.Course.Title,
            invoice.IssuedOn, invoice.DueOn, invoice.Ttc, invoice.AmountDue, pdf,
            $"{publicBaseUrl.TrimEnd('/')}/espace-client/commandes/{order.Id}");
}
