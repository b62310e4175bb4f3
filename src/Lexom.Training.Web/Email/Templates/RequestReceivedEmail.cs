using System.Text;
using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Email.Templates;

public sealed record RequestReceivedModel(string ContactName, string CourseReference, string CourseTitle, RequestedTraining Training, string CourseUrl);

/// <summary>The acknowledgement of a request for a proposal: what LEXOM received and what happens next.</summary>
public static class RequestReceivedEmail
{
    public const string Kind = "demande-recue";

    public static EmailContent Render(RequestReceivedModel model, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = model.Training;
        var subject = $"Votre demande de proposition : {model.CourseTitle} ({model.CourseReference})";
        var summary = new List<string>
        {
            $"Formation : {model.CourseTitle} (réf. {model.CourseReference})",
            "Format : " + (t.Kind == TrainingKind.Inter ? "INTER, dans nos locaux" : $"INTRA, à {t.Place}"),
            $"Participants : {t.ParticipantCount}",
        };
        if (t.WishedStart is { } start) summary.Add($"Début souhaité : {start.Written()}");
        if (t.WishedDates is { } dates) summary.Add($"Dates : {dates}");
        const string next = "Un membre de notre équipe commerciale vous adresse sous deux jours ouvrés une proposition commerciale détaillée, valable 30 jours. Pour l'accepter, vous la retournerez signée avec la mention « BON POUR ACCORD », accompagnée d'un acompte de 30 % du prix TTC.";

        var html = new StringBuilder()
            .Append(EmailLayout.P($"Bonjour {model.ContactName},"))
            .Append(EmailLayout.P("Nous avons bien reçu votre demande de proposition :"))
            .Append("<ul style=\"margin:0 0 14px;padding-left:20px;\">");
        foreach (var line in summary) html.Append("<li>").Append(EmailLayout.Encode(line)).Append("</li>");
        html.Append("</ul>\n")
            .Append(EmailLayout.P(next))
            .Append("<p style=\"margin:0 0 14px;\">La page de la formation : ").Append(EmailLayout.Link(model.CourseUrl)).Append("</p>\n")
            .Append(EmailLayout.P("Bien cordialement,"))
            .Append(EmailLayout.P("L'équipe LEXOM Formation"));

        var text = new StringBuilder()
            .Append("Bonjour ").Append(model.ContactName).Append(",\n\n")
            .Append("Nous avons bien reçu votre demande de proposition :\n");
        foreach (var line in summary) text.Append("- ").Append(line).Append('\n');
        text.Append('\n').Append(next).Append("\n\n")
            .Append("La page de la formation : ").Append(model.CourseUrl).Append("\n\n")
            .Append("Bien cordialement,\nL'équipe LEXOM Formation\n");

        return EmailLayout.Render(subject, html.ToString(), text.ToString(), seller, []);
    }
}
