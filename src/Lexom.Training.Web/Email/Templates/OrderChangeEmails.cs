using System.Text;
using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Email.Templates;

/// <summary>An invoice or a credit note issued with a decision, attached to its e-mail.</summary>
/// <param name="Corrects">For a credit note, the number of the invoice it cancels (LW4).</param>
public sealed record ChangeDocument(string Number, bool IsCreditNote, Money Amount, string? Corrects, string FileName, byte[] Pdf);

/// <summary>What the e-mail of a cancellation or a postponement says: the order, the written request, the domain's decision and its money.</summary>
/// <param name="ReceivedOn">The day LEXOM received the written request (X1), or the day of the decision (R2, lapsed postponement).</param>
/// <param name="ByLexom">X4: LEXOM, not the client, cancels or moves the training (its trainer or its venue).</param>
/// <param name="Explanation">The domain's French explanation of the decision, with its clause ids.</param>
public sealed record OrderChangeEmailModel(
    string ContactName, string ProposalNumber, string CourseReference, string CourseTitle, DateOnly StartsOn, DateOnly EndsOn,
    DateOnly ReceivedOn, bool ByLexom, string? Cause, string Explanation, IReadOnlyList<string> RuleIds,
    Money TotalOwed, Money OpcoPart, Money AlreadyPaid, Money DueNow, Money DueLater, Money Refund,
    IReadOnlyList<ChangeDocument> Documents, string? PortalUrl);

/// <summary>
/// The e-mails of the changes to an order: a cancellation (X1–X6, C3, P7/LW1), a postponement (R1–R4, X4), a postponed
/// training closed after six months (R2) and a refund. Each states the decision, its amounts and the clause applied, and
/// carries the invoices and credit notes issued with it.
/// </summary>
public static class OrderChangeEmails
{
    public const string CancelledKind = "commande-annulation";
    public const string PostponedKind = "commande-report";
    public const string LapsedKind = "commande-report-expire";
    public const string RefundedKind = "commande-remboursement";

    public static EmailContent Cancelled(OrderChangeEmailModel model, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var subject = $"Annulation de la commande {model.ProposalNumber} : {model.CourseTitle}";
        var paragraphs = new List<string>
        {
            model.ByLexom
                ? $"Nous sommes au regret de devoir annuler la formation « {model.CourseTitle} » (référence {model.CourseReference}) prévue du {model.StartsOn.Written()} au {model.EndsOn.Written()}, en raison de {model.Cause}. Veuillez nous en excuser."
                : $"Nous avons bien reçu le {model.ReceivedOn.Written()} votre demande écrite d'annulation de la formation « {model.CourseTitle} » (référence {model.CourseReference}) prévue du {model.StartsOn.Written()} au {model.EndsOn.Written()}, commande {model.ProposalNumber}. La commande est annulée.",
        };
        return Compose(subject, model, paragraphs, seller);
    }

    /// <param name="newStartsOn">The new first day, when the training goes on at new dates; null when the request ended the order (R2).</param>
    public static EmailContent Postponed(OrderChangeEmailModel model, DateOnly? newStartsOn, DateOnly? newEndsOn, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var moved = newStartsOn is { } start && newEndsOn is { } end;
        var subject = moved
            ? $"Report de la formation {model.CourseTitle} : du {newStartsOn!.Value.Written()} au {newEndsOn!.Value.Written()}"
            : $"Votre demande de report de la commande {model.ProposalNumber} : le prix total est dû";
        var paragraphs = new List<string>
        {
            model.ByLexom
                ? $"Comme convenu avec vous, la formation « {model.CourseTitle} » (référence {model.CourseReference}), qui ne peut pas se tenir du {model.StartsOn.Written()} au {model.EndsOn.Written()} en raison de {model.Cause}, est reportée."
                : $"Nous avons bien reçu le {model.ReceivedOn.Written()} votre demande écrite de report de la formation « {model.CourseTitle} » (référence {model.CourseReference}) prévue du {model.StartsOn.Written()} au {model.EndsOn.Written()}, commande {model.ProposalNumber}.",
        };
        if (moved)
            paragraphs.Add($"Nouvelles dates : du {newStartsOn!.Value.Written()} au {newEndsOn!.Value.Written()}. Les participants de la commande sont inscrits à ces nouvelles dates et recevront leur convocation avant le début.");
        else
            paragraphs.Add("Le report ne peut pas être accordé dans ces conditions : la commande prend fin et l'indemnité ci-dessous est due.");
        return Compose(subject, model, paragraphs, seller);
    }

    /// <summary>R2: the postponed training did not take place within six months of the order.</summary>
    public static EmailContent Lapsed(OrderChangeEmailModel model, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var subject = $"Commande {model.ProposalNumber} : la formation reportée n'a pas eu lieu dans les six mois";
        var paragraphs = new List<string>
        {
            $"La formation « {model.CourseTitle} » (référence {model.CourseReference}) de la commande {model.ProposalNumber}, reportée au {model.StartsOn.Written()}, n'a pas eu lieu dans les six mois qui suivent la commande. La commande prend fin.",
        };
        return Compose(subject, model, paragraphs, seller);
    }

    /// <summary>A refund paid to the client under a decision (X4, X6, P7).</summary>
    public static EmailContent Refunded(string contactName, string proposalNumber, string courseTitle, Money amount, DateOnly paidOn, Money stillToRefund,
        string? portalUrl, SellerIdentity seller)
    {
        var subject = $"Remboursement de {French.Amount(amount)} : commande {proposalNumber}";
        var paragraphs = new List<string>
        {
            $"Nous vous avons remboursé {French.Amount(amount)} le {paidOn.Written()} au titre de la commande {proposalNumber} (formation « {courseTitle} »).",
            stillToRefund.IsPositive
                ? $"Il reste {French.Amount(stillToRefund)} à vous rembourser ; nous vous en informerons dès le virement effectué."
                : "Toutes les sommes à vous rembourser sur cette commande vous ont été versées.",
        };
        var html = new StringBuilder().Append(EmailLayout.P($"Bonjour {contactName},"));
        var text = new StringBuilder().Append("Bonjour ").Append(contactName).Append(",\n\n");
        foreach (var paragraph in paragraphs)
        {
            html.Append(EmailLayout.P(paragraph));
            text.Append(paragraph).Append("\n\n");
        }
        Close(html, text, portalUrl);
        return EmailLayout.Render(subject, html.ToString(), text.ToString(), seller, []);
    }

    /// <summary>The decision's lines of money, only those that are not zero.</summary>
    public static IReadOnlyList<string> AmountLines(OrderChangeEmailModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var lines = new List<string> { $"Montant dû au titre de cette décision : {French.Amount(model.TotalOwed)} TTC" };
        if (model.OpcoPart.IsPositive) lines.Add($"dont pris en charge par votre OPCO (subrogation) : {French.Amount(model.OpcoPart)}");
        lines.Add($"Déjà versé : {French.Amount(model.AlreadyPaid)}");
        if (model.DueNow.IsPositive) lines.Add($"À payer dès réception de la facture : {French.Amount(model.DueNow)}");
        if (model.DueLater.IsPositive) lines.Add($"À payer à la fin de la formation : {French.Amount(model.DueLater)}");
        if (model.Refund.IsPositive) lines.Add($"À vous rembourser : {French.Amount(model.Refund)}");
        if (!model.DueNow.IsPositive && !model.DueLater.IsPositive && !model.Refund.IsPositive) lines.Add("Rien d'autre n'est dû.");
        return lines;
    }

    private static EmailContent Compose(string subject, OrderChangeEmailModel model, List<string> paragraphs, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        paragraphs.Add($"Décision : {model.Explanation}");
        paragraphs.Add($"Clause{(model.RuleIds.Count > 1 ? "s" : "")} appliquée{(model.RuleIds.Count > 1 ? "s" : "")} : {string.Join(", ", model.RuleIds.Select(ClauseOf))} de nos conditions générales de vente.");
        var amounts = AmountLines(model);
        var documents = model.Documents.Select(d => d.IsCreditNote
            ? $"l'avoir {d.Number} de {French.Amount(d.Amount)}, qui annule le reste dû de la facture {d.Corrects}"
            : $"la facture {d.Number} de {French.Amount(d.Amount)}, payable à réception").ToList();

        var html = new StringBuilder().Append(EmailLayout.P($"Bonjour {model.ContactName},"));
        var text = new StringBuilder().Append("Bonjour ").Append(model.ContactName).Append(",\n\n");
        foreach (var paragraph in paragraphs)
        {
            html.Append(EmailLayout.P(paragraph));
            text.Append(paragraph).Append("\n\n");
        }

        html.Append("<ul style=\"margin:0 0 14px;padding-left:20px;\">\n");
        foreach (var line in amounts)
        {
            html.Append("<li>").Append(EmailLayout.Encode(line)).Append("</li>\n");
            text.Append("- ").Append(line).Append('\n');
        }
        html.Append("</ul>\n");
        text.Append('\n');

        if (documents.Count > 0)
        {
            var joined = $"Vous trouverez ci-joint{(documents.Count > 1 ? "s" : "")} {string.Join(" et ", documents)}.";
            html.Append(EmailLayout.P(joined));
            text.Append(joined).Append("\n\n");
        }

        Close(html, text, model.PortalUrl);
        var attachments = model.Documents.Select(d => EmailAttachment.Pdf(d.FileName, d.Pdf)).ToList();
        return EmailLayout.Render(subject, html.ToString(), text.ToString(), seller, attachments);
    }

    private static void Close(StringBuilder html, StringBuilder text, string? portalUrl)
    {
        if (portalUrl is { } url)
        {
            html.Append("<p style=\"margin:0 0 14px;\">").Append(EmailLayout.Link(url, "Voir ma commande dans mon espace client")).Append("</p>\n");
            text.Append("Voir votre commande dans votre espace client : ").Append(url).Append("\n\n");
        }

        html.Append(EmailLayout.P("Bien cordialement,")).Append(EmailLayout.P("L'équipe LEXOM Formation"));
        text.Append("Bien cordialement,\nL'équipe LEXOM Formation\n");
    }

    /// <summary>The clause as the client reads it: the rule id and the article of the CGV.</summary>
    private static string ClauseOf(string ruleId) => Features.OrderChanges.ChangeText.Clause(ruleId);
}
