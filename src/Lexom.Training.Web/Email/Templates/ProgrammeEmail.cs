using System.Text;
using Lexom.Training.Documents;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Email.Templates;

/// <summary>What the "programme par e-mail" message says.</summary>
public sealed record ProgrammeEmailModel(
    string Reference, string Title, decimal DurationDays, decimal DurationHours, string CourseUrl, string ProposalUrl, byte[] ProgrammePdf);

/// <summary>A visitor asked for a course's programme: the course sheet PDF, with the links to go further.</summary>
public static class ProgrammeEmail
{
    public const string Kind = "programme";

    public static string FileName(string reference) => $"programme-{reference}.pdf";

    public static EmailContent Render(ProgrammeEmailModel model, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var subject = $"Programme de la formation « {model.Title} » ({model.Reference})";
        var days = model.DurationDays.Number();
        var duration = $"{days} jour{(model.DurationDays > 1 ? "s" : "")}, {model.DurationHours.Number()} heures";
        var intro = $"Vous avez demandé le programme de la formation « {model.Title} » (référence {model.Reference}, {duration}). Vous le trouverez en pièce jointe, au format PDF.";
        const string next = "Pour organiser cette formation dans votre entreprise ou inscrire vos collaborateurs à une session, demandez-nous une proposition : nous vous répondons sous deux jours ouvrés.";
        const string why = "Vous recevez ce message parce que votre adresse a été saisie sur notre site pour recevoir ce programme. Nous ne l'utilisons pour rien d'autre : aucune inscription à une liste de diffusion.";

        var html = new StringBuilder()
            .Append(EmailLayout.P("Bonjour,"))
            .Append(EmailLayout.P(intro))
            .Append("<p style=\"margin:0 0 14px;\">La page de la formation : ").Append(EmailLayout.Link(model.CourseUrl)).Append("</p>\n")
            .Append(EmailLayout.P(next))
            .Append(EmailLayout.Button(model.ProposalUrl, "Demander une proposition"))
            .Append(EmailLayout.P("Bien cordialement,"))
            .Append(EmailLayout.P("L'équipe LEXOM Formation"))
            .Append("<p style=\"margin:18px 0 0;font-size:12px;color:#5b6675;\">").Append(EmailLayout.Encode(why)).Append("</p>\n")
            .ToString();

        var text = new StringBuilder()
            .Append("Bonjour,\n\n")
            .Append(intro).Append("\n\n")
            .Append("La page de la formation : ").Append(model.CourseUrl).Append("\n\n")
            .Append(next).Append('\n')
            .Append("Demander une proposition : ").Append(model.ProposalUrl).Append("\n\n")
            .Append("Bien cordialement,\nL'équipe LEXOM Formation\n\n")
            .Append(why).Append('\n')
            .ToString();

        return EmailLayout.Render(subject, html, text, seller, [EmailAttachment.Pdf(FileName(model.Reference), model.ProgrammePdf)]);
    }
}
