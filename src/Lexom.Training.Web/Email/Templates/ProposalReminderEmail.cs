using System.Text;
using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Email.Templates;

public sealed record ProposalReminderModel(
    string ContactName, string Number, string CourseReference, string CourseTitle, DateOnly ValidUntil,
    Money Ttc, Percentage DepositRate, Money Deposit, string CgvVersion, byte[] Pdf);

/// <summary>P3: the reminder sent 7 days before a proposal expires, its PDF attached again; how to accept it (P4, M4).</summary>
public static class ProposalReminderEmail
{
    public const string Kind = "proposition-rappel";

    public static EmailContent Render(ProposalReminderModel model, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var until = model.ValidUntil.Written();
        var subject = $"Rappel : proposition commerciale {model.Number} : {model.CourseTitle}, valable jusqu'au {until}";
        var intro = $"Notre proposition commerciale n° {model.Number} pour la formation « {model.CourseTitle} » (référence {model.CourseReference}), d'un montant de {French.Amount(model.Ttc)} TTC, arrive bientôt à échéance.";
        var validity = $"Elle est valable jusqu'au {until} inclus ; passé cette date, elle ne pourra plus être acceptée et devra être réémise. Vous la trouverez à nouveau ci-jointe.";
        var steps = ProposalIssuedEmail.HowToAccept(model.CgvVersion, model.DepositRate, model.Deposit);
        const string contract = "Le contrat n'est conclu qu'à réception de la proposition signée et de l'acompte ; nous vous en accusons réception par e-mail. Si vous avez déjà répondu, merci de ne pas tenir compte de ce rappel.";

        var html = new StringBuilder()
            .Append(EmailLayout.P($"Bonjour {model.ContactName},"))
            .Append(EmailLayout.P(intro))
            .Append(EmailLayout.P(validity))
            .Append(EmailLayout.P("Pour l'accepter :"))
            .Append("<ul style=\"margin:0 0 14px;padding-left:20px;\">");
        foreach (var step in steps) html.Append("<li>").Append(EmailLayout.Encode(step)).Append("</li>");
        html.Append("</ul>\n")
            .Append(EmailLayout.P(contract))
            .Append(EmailLayout.P("Bien cordialement,"))
            .Append(EmailLayout.P("L'équipe LEXOM Formation"));

        var text = new StringBuilder()
            .Append("Bonjour ").Append(model.ContactName).Append(",\n\n")
            .Append(intro).Append("\n\n")
            .Append(validity).Append("\n\n")
            .Append("Pour l'accepter :\n");
        foreach (var step in steps) text.Append("- ").Append(step).Append('\n');
        text.Append('\n').Append(contract).Append("\n\n")
            .Append("Bien cordialement,\nL'équipe LEXOM Formation\n");

        return EmailLayout.Render(subject, html.ToString(), text.ToString(), seller, [EmailAttachment.Pdf(ProposalIssuedEmail.FileName(model.Number), model.Pdf)]);
    }
}
