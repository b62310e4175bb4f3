using System.Text;
using Lexom.Training.Documents;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Email.Templates;

/// <summary>What an attestation e-mail says; <see cref="Pdf"/> is the attestation as kept in <c>stored_files</c>.</summary>
public sealed record AttestationEmailModel(
    string ContactName, string ParticipantName, string CourseReference, string CourseTitle, DateOnly StartsOn, DateOnly EndsOn,
    string FileName, byte[] Pdf, string? PortalUrl);

/// <summary>
/// K1, LW2: the end-of-training attestation of one participant, e-mailed to the client's contact (participants have no
/// e-mail address in the application), its PDF attached; one e-mail per participant, so each can be followed and resent.
/// </summary>
public static class AttestationEmail
{
    public const string Kind = "attestation-formation";

    public static EmailContent Compose(AttestationEmailModel model, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var subject = $"Attestation de formation de {model.ParticipantName} : {model.CourseTitle} ({model.CourseReference})";
        var paragraphs = new[]
        {
            $"La formation « {model.CourseTitle} » (référence {model.CourseReference}) du {model.StartsOn.Written()} au {model.EndsOn.Written()} est terminée.",
            $"Veuillez trouver ci-jointe l'attestation de formation de {model.ParticipantName}, qui reprend l'ensemble des objectifs pédagogiques de la formation, sa nature, sa durée et les heures suivies. Merci de la lui transmettre.",
        };
        return EmailLayout.Letter(subject, model.ContactName, paragraphs,
            model.PortalUrl is { } url ? new EmailLayout.PortalLink(url, "Retrouver les attestations dans mon espace client", "Retrouvez les attestations dans votre espace client") : null,
            seller, [EmailAttachment.Pdf(model.FileName, model.Pdf)]);
    }
}
