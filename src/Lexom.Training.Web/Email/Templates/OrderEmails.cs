using System.Text;
using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Email.Templates;

/// <summary>What the order e-mails say of the order.</summary>
public sealed record OrderEmailModel(
    string ContactName, string ProposalNumber, string CourseReference, string CourseTitle, DateOnly StartsOn,
    Money Ttc, Money Deposit, bool IsIndividual, string? PortalUrl)
{
    /// <summary>The model of an order's letters to its client contact, with the link to the order in the client space.</summary>
    public static OrderEmailModel For(Domain.Orders.Order order, Domain.Clients.Client client, string publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return new(client.ContactName, order.ProposalNumber.ToString(), order.Course.Reference, order.Course.Title, order.StartsOn, order.PriceTtc, order.DepositAmount,
            order.PayerKind == PayerKind.PrivateIndividual, $"{publicBaseUrl.TrimEnd('/')}/espace-client/commandes/{order.Id}");
    }
}

/// <summary>
/// The e-mails of an order's conclusion: the acceptance received (P4: LEXOM acknowledges receipt; what is still
/// missing, the deposit and, for an individual, the withdrawal period of P7/LW1), the order confirmed (C1) and
/// a withdrawal taken into account (P7, LW1).
/// </summary>
public static class OrderEmails
{
    public const string AcceptedKind = "commande-acceptation";
    public const string ConfirmedKind = "commande-confirmee";
    public const string WithdrawnKind = "commande-retractation";

    /// <param name="missing">What C1 still waits for, in French (from the domain).</param>
    /// <param name="withdrawal">For an individual, the domain's explanation of the withdrawal period and of the day the deposit may be asked.</param>
    public static EmailContent Accepted(OrderEmailModel model, bool online, IReadOnlyList<string> missing, string? withdrawal, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(seller);
        var document = model.IsIndividual ? "contrat de formation" : "proposition";
        var subject = $"Accusé de réception : votre acceptation de la {(model.IsIndividual ? "commande" : "proposition")} {model.ProposalNumber}";
        var paragraphs = new List<string>
        {
            online
                ? $"Nous avons bien reçu votre acceptation en ligne du {document} n° {model.ProposalNumber} pour la formation « {model.CourseTitle} » (référence {model.CourseReference}), d'un montant de {French.Amount(model.Ttc)} TTC."
                : $"Nous avons bien reçu votre {document} n° {model.ProposalNumber} signé(e) pour la formation « {model.CourseTitle} » (référence {model.CourseReference}), d'un montant de {French.Amount(model.Ttc)} TTC.",
        };
        if (withdrawal is not null) paragraphs.Add(withdrawal);
        paragraphs.Add(missing.Count == 0
            ? "Votre commande est confirmée."
            : "Pour que la commande soit confirmée, il nous manque encore : " + string.Join(" ; ", missing) + ". Le contrat n'est conclu qu'à leur réception (CGV 2.2).");
        if (!model.IsIndividual && missing.Count > 0)
            paragraphs.Add($"Merci de régler l'acompte de {French.Amount(model.Deposit)} par virement, en rappelant la référence {model.ProposalNumber}.");
        return Compose(subject, model, paragraphs, seller, []);
    }

    /// <summary>C1: the signed documents and the deposit are in; the deposit invoice, settled, is attached.</summary>
    public static EmailContent Confirmed(OrderEmailModel model, string depositInvoiceNumber, byte[]? depositInvoicePdf, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var subject = $"Commande confirmée : {model.CourseTitle} ({model.CourseReference}), à partir du {model.StartsOn.Written()}";
        var paragraphs = new List<string>
        {
            $"Nous avons bien reçu les documents signés et votre acompte de {French.Amount(model.Deposit)} pour la commande {model.ProposalNumber} : votre commande est confirmée.",
            $"La formation « {model.CourseTitle} » commence le {model.StartsOn.Written()}. Les participants recevront leur convocation avant le début.",
            depositInvoicePdf is null
                ? $"La facture d'acompte {depositInvoiceNumber} est disponible dans votre espace client."
                : $"Vous trouverez ci-jointe la facture d'acompte {depositInvoiceNumber}, acquittée. Le solde sera facturé à l'issue de la formation, payable à réception.",
        };
        IReadOnlyList<EmailAttachment> attachments = depositInvoicePdf is null ? [] : [EmailAttachment.Pdf($"facture-{depositInvoiceNumber}.pdf", depositInvoicePdf)];
        return Compose(subject, model, paragraphs, seller, attachments);
    }

    /// <summary>P7, LW1: the withdrawal received in time; nothing is owed.</summary>
    public static EmailContent Withdrawn(OrderEmailModel model, DateOnly receivedOn, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var subject = $"Votre rétractation est enregistrée : commande {model.ProposalNumber}";
        var paragraphs = new List<string>
        {
            $"Nous avons bien reçu le {receivedOn.Written()} votre rétractation de la commande {model.ProposalNumber} (formation « {model.CourseTitle} »).",
            "Elle est intervenue dans le délai légal : la commande est annulée et aucune somme ne vous est due. Si vous aviez déjà versé une somme, elle vous sera remboursée.",
        };
        return Compose(subject, model, paragraphs, seller, []);
    }

    private static EmailContent Compose(string subject, OrderEmailModel model, IReadOnlyList<string> paragraphs, SellerIdentity seller, IReadOnlyList<EmailAttachment> attachments) =>
        EmailLayout.Letter(subject, model.ContactName, paragraphs,
            model.PortalUrl is { } url ? new EmailLayout.PortalLink(url, "Suivre ma commande dans mon espace client", "Suivre votre commande dans votre espace client") : null,
            seller, attachments);
}
