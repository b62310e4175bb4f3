using System.Text;
using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Email.Templates;

/// <summary>What an invoice or credit note e-mail says; <see cref="Pdf"/> is the document as kept in <c>stored_files</c>.</summary>
public sealed record InvoiceEmailModel(
    string ContactName, string Number, string ProposalNumber, string CourseReference, string CourseTitle,
    DateOnly IssuedOn, DateOnly DueOn, Money Ttc, Money AmountDue, byte[] Pdf, string? PortalUrl)
{
    /// <summary>M5: what the client already paid on the order (deposit included), deducted from a final invoice.</summary>
    public Money AlreadyPaid { get; init; }

    /// <summary>O2: the OPCO billed directly under subrogation, and its part.</summary>
    public string? OpcoName { get; init; }

    public Money OpcoPart { get; init; }

    /// <summary>For a credit note: the invoice it corrects (LW4) and why.</summary>
    public string? CorrectedNumber { get; init; }

    public string? Reason { get; init; }
}

/// <summary>
/// The client's invoices by e-mail, their PDF attached: the final invoice at the end of the training (M5, O2: the client's
/// share when an OPCO pays under subrogation) and a credit note that cancels what remained due on an invoice (LW4).
/// An invoice to an OPCO is never e-mailed to the client: the staff send it to the OPCO with its documents.
/// </summary>
public static class InvoiceEmail
{
    public const string FinalKind = "facture-emise";
    public const string CreditNoteKind = "avoir-emis";

    public static string FileName(string number) => number.StartsWith("AV-", StringComparison.Ordinal) ? $"avoir-{number}.pdf" : $"facture-{number}.pdf";

    /// <summary>M5 (O2): the final invoice, payable on receipt.</summary>
    public static EmailContent Final(InvoiceEmailModel model, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var subject = $"Facture {model.Number} : {model.CourseTitle} ({model.CourseReference})";
        var paragraphs = new List<string>
        {
            $"La formation « {model.CourseTitle} » (référence {model.CourseReference}, commande {model.ProposalNumber}) est terminée. Veuillez trouver ci-jointe la facture n° {model.Number} du {model.IssuedOn.Written()}, d'un montant de {French.Amount(model.Ttc)} TTC.",
        };
        if (model.OpcoName is not null)
            paragraphs.Add($"La part prise en charge par {model.OpcoName}, soit {French.Amount(model.OpcoPart)}, lui est facturée directement (subrogation de paiement) : cette facture ne vous demande que votre part.");
        if (model.AlreadyPaid.IsPositive)
            paragraphs.Add($"Elle tient compte de l'acompte et des paiements déjà reçus, soit {French.Amount(model.AlreadyPaid)}.");
        paragraphs.Add(model.AmountDue.IsPositive
            ? $"Elle est payable à réception (échéance le {model.DueOn.Written()}), de préférence par virement en indiquant la référence « Facture {model.Number} » (coordonnées bancaires et QR code sur la facture)."
            : "Elle ne vous demande aucun paiement : vos règlements couvrent déjà votre part du prix.");
        return Compose(subject, model, paragraphs, seller);
    }

    /// <summary>LW4: a credit note cancels what remained due on an invoice, which stays kept.</summary>
    public static EmailContent CreditNote(InvoiceEmailModel model, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var subject = $"Avoir {model.Number} sur la facture {model.CorrectedNumber}";
        var paragraphs = new List<string>
        {
            $"Veuillez trouver ci-joint l'avoir n° {model.Number} du {model.IssuedOn.Written()}, d'un montant de {French.Amount(model.Ttc)} TTC, qui annule le reste dû de la facture n° {model.CorrectedNumber} (commande {model.ProposalNumber}, formation « {model.CourseTitle} »).",
        };
        if (!string.IsNullOrWhiteSpace(model.Reason)) paragraphs.Add($"Motif : {model.Reason}.");
        paragraphs.Add($"Vous n'avez plus rien à régler sur la facture {model.CorrectedNumber} ; elle reste conservée avec cet avoir.");
        return Compose(subject, model, paragraphs, seller);
    }

    private static EmailContent Compose(string subject, InvoiceEmailModel model, IReadOnlyList<string> paragraphs, SellerIdentity seller) =>
        EmailLayout.Letter(subject, model.ContactName, paragraphs,
            model.PortalUrl is { } url ? new EmailLayout.PortalLink(url, "Retrouver mes factures dans mon espace client", "Retrouvez vos factures dans votre espace client") : null,
            seller, [EmailAttachment.Pdf(FileName(model.Number), model.Pdf)]);
}
