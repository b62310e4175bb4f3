using System.Text;
using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Infrastructure;
using SellerIdentity = Lexom.Training.Documents.SellerIdentity;

namespace Lexom.Training.Web.Email.Templates;

/// <summary>O3: the client billed what its OPCO did not pay by the deadline.</summary>
public static class OpcoEmails
{
    public const string ShortfallKind = "opco-impaye";

    public static EmailContent ShortfallBilled(OrderEmailModel model, string opcoName, OpcoDeadlineDecision decision, string invoiceNumber, Money amount, byte[] invoicePdf, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(decision);
        var subject = $"Facture {invoiceNumber} : prise en charge {opcoName} non réglée (commande {model.ProposalNumber})";
        var paragraphs = new List<string>
        {
            $"La formation « {model.CourseTitle} » (référence {model.CourseReference}, commande {model.ProposalNumber}) devait être réglée en partie par votre OPCO, {opcoName}, au plus tard le {decision.Deadline.Written()}, un mois après sa fin (CGV 3.3).",
            $"{opcoName} n'a pas réglé {French.Amount(decision.OpcoShortfall)} à cette date : comme le prévoient nos conditions générales, ce montant vous est facturé (facture {invoiceNumber} de {French.Amount(amount)}, ci-jointe, payable à réception). Il vous reste {French.Amount(decision.ClientRemainingDue)} à régler en tout.",
            $"Si {opcoName} vous verse cette somme, vous pouvez nous la régler directement.",
        };
        return OrderLetters.Compose(subject, model, paragraphs, seller, [EmailAttachment.Pdf($"facture-{invoiceNumber}.pdf", invoicePdf)]);
    }
}

/// <summary>L1–L3: the penalty invoice of a late invoice; T1: the contract terminated after an unanswered formal notice.</summary>
public static class LatePaymentEmails
{
    public const string PenaltyKind = "penalites-retard";
    public const string TerminatedKind = "commande-resolution";

    public static EmailContent PenaltyInvoice(OrderEmailModel model, string lateInvoiceNumber, string penaltyNumber, Money amount, LatePaymentDecision decision, byte[] pdf, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(decision);
        var subject = $"Facture {penaltyNumber} : pénalités de retard sur la facture {lateInvoiceNumber}";
        var paragraphs = new List<string>
        {
            $"La facture {lateInvoiceNumber} de la commande {model.ProposalNumber} était payable à réception, le {decision.DueOn.Written()}. {decision.Explanation}",
            $"Conformément à nos conditions générales de vente (article 3.4) et au Code de commerce (L441-10), ces pénalités vous sont facturées : facture {penaltyNumber} de {French.Amount(amount)}, ci-jointe, payable à réception.",
        };
        if (decision.StillUnpaid.IsPositive)
            paragraphs.Add($"Il reste {French.Amount(decision.StillUnpaid)} à régler sur la facture {lateInvoiceNumber} : les intérêts continuent de courir jusqu'au paiement.");
        return OrderLetters.Compose(subject, model, paragraphs, seller, [EmailAttachment.Pdf($"facture-{penaltyNumber}.pdf", pdf)]);
    }

    public static EmailContent Terminated(OrderEmailModel model, TerminationDecision decision, DateOnly terminatedOn, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(decision);
        var subject = $"Résolution du contrat : commande {model.ProposalNumber}";
        var paragraphs = new List<string>
        {
            $"Notre mise en demeure du {decision.NoticeOn.Written()} concernant la commande {model.ProposalNumber} (formation « {model.CourseTitle} ») est restée sans réponse au-delà du délai de huit jours, qui a pris fin le {decision.NoticeLastDay.Written()}.",
            $"Comme le prévoient nos conditions générales de vente (article 4.7), le contrat est résolu à compter du {terminatedOn.Written()}. Les sommes restant dues demeurent exigibles.",
        };
        return OrderLetters.Compose(subject, model, paragraphs, seller, []);
    }
}

/// <summary>The body shared by the letters about an order that follow its conclusion.</summary>
internal static class OrderLetters
{
    public static EmailContent Compose(string subject, OrderEmailModel model, IReadOnlyList<string> paragraphs, SellerIdentity seller, IReadOnlyList<EmailAttachment> attachments) =>
        EmailLayout.Letter(subject, model.ContactName, paragraphs,
            model.PortalUrl is { } url ? new EmailLayout.PortalLink(url, "Voir la commande dans mon espace client", "Voir la commande dans votre espace client") : null,
            seller, attachments);
}
