using System.Text;
using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Email.Templates;

public sealed record ProposalIssuedModel(
    string ContactName, string Number, string CourseReference, string CourseTitle, DateOnly ValidUntil,
    Money Ttc, Percentage DepositRate, Money Deposit, string CgvVersion, byte[] Pdf,
    Features.ClientPortal.PortalAccess? Portal = null)
{
    /// <summary>P6: a private individual receives a training contract rather than a proposal.</summary>
    public bool IsTrainingContract { get; init; }
}

/// <summary>The issued proposal, its PDF attached: until when it is valid (P3) and how to accept it (P4, M4).</summary>
public static class ProposalIssuedEmail
{
    public const string Kind = "proposition-emise";

    public static string FileName(string number) => $"proposition-{number}.pdf";

    /// <summary>P4 (M4): what the client sends back to accept a proposal; every proposal e-mail says it the same way.</summary>
    /// <summary>P4 (P6, P7, LW1): how to accept, online in the client space or on paper, and the deposit.</summary>
    public static IReadOnlyList<string> HowToAccept(string cgvVersion, Percentage depositRate, Money deposit, bool trainingContract = false) => trainingContract
        ?
        [
            $"signez-le en ligne dans votre espace client (vos nom et prénom, la mention « Bon pour accord » et les conditions générales de vente {cgvVersion} acceptées), ou retournez-le daté et signé avec les conditions générales de vente paraphées et signées ;",
            "à compter de la signature, vous disposez d'un délai de rétractation (10 jours, et 14 jours après la commande passée sur notre site) : aucune somme ne vous est demandée avant sa fin ;",
            $"ensuite seulement, réglez l'acompte de {depositRate.ToFrench()} du prix TTC, soit {French.Amount(deposit)}, par virement.",
        ]
        :
        [
            $"acceptez-la en ligne dans votre espace client (vos nom et prénom, la mention « Bon pour accord » et les conditions générales de vente {cgvVersion} acceptées) ;",
            $"ou retournez la proposition paraphée, tamponnée et signée avec la mention manuscrite « BON POUR ACCORD », avec les conditions générales de vente annexées ({cgvVersion}) paraphées et signées ;",
            $"réglez l'acompte de {depositRate.ToFrench()} du prix TTC, soit {French.Amount(deposit)}, par virement (coordonnées et référence sur la proposition).",
        ];

    public static EmailContent Render(ProposalIssuedModel model, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var document = model.IsTrainingContract ? "contrat de formation" : "proposition commerciale";
        var subject = $"{(model.IsTrainingContract ? "Contrat de formation" : "Proposition commerciale")} {model.Number} : {model.CourseTitle} ({model.CourseReference})";
        var intro = $"Veuillez trouver ci-joint notre {document} n° {model.Number} pour la formation « {model.CourseTitle} » (référence {model.CourseReference}), d'un montant de {French.Amount(model.Ttc)} TTC.";
        var validity = $"{(model.IsTrainingContract ? "Notre offre" : "Elle")} est valable jusqu'au {model.ValidUntil.Written()} inclus.";
        var steps = HowToAccept(model.CgvVersion, model.DepositRate, model.Deposit, model.IsTrainingContract);
        var contract = $"Le contrat n'est conclu qu'à réception {(model.IsTrainingContract ? "du contrat signé" : "de la proposition signée")} et de l'acompte ; nous vous en accusons réception par e-mail.";
        var portal = model.Portal;
        var portalText = portal is null ? null
            : portal.IsInvitation
                ? "Votre espace client LEXOM vous permet de retrouver vos propositions, d'en télécharger le PDF et de les accepter en ligne. Pour l'ouvrir, choisissez votre mot de passe en suivant ce lien personnel :"
                : "Retrouvez ce document, son PDF et l'acceptation en ligne dans votre espace client LEXOM, en vous connectant :";
        var portalUrl = portal?.InvitationUrl ?? portal?.SignInUrl;

        var html = new StringBuilder()
            .Append(EmailLayout.P($"Bonjour {model.ContactName},"))
            .Append(EmailLayout.P(intro))
            .Append(EmailLayout.P(validity))
            .Append(EmailLayout.P("Pour l'accepter :"))
            .Append("<ul style=\"margin:0 0 14px;padding-left:20px;\">");
        foreach (var step in steps) html.Append("<li>").Append(EmailLayout.Encode(step)).Append("</li>");
        html.Append("</ul>\n")
            .Append(EmailLayout.P(contract));
        if (portalText is not null && portalUrl is not null)
            html.Append(EmailLayout.P(portalText))
                .Append("<p style=\"margin:0 0 14px;\">").Append(EmailLayout.Link(portalUrl, portal!.IsInvitation ? "Ouvrir mon espace client" : "Me connecter à mon espace client")).Append("</p>\n");
        html.Append(EmailLayout.P("Bien cordialement,"))
            .Append(EmailLayout.P("L'équipe LEXOM Formation"));

        var text = new StringBuilder()
            .Append("Bonjour ").Append(model.ContactName).Append(",\n\n")
            .Append(intro).Append("\n\n")
            .Append(validity).Append("\n\n")
            .Append("Pour l'accepter :\n");
        foreach (var step in steps) text.Append("- ").Append(step).Append('\n');
        text.Append('\n').Append(contract).Append("\n\n");
        if (portalText is not null && portalUrl is not null)
            text.Append(portalText).Append('\n').Append(portalUrl).Append("\n\n");
        text.Append("Bien cordialement,\nL'équipe LEXOM Formation\n");

        return EmailLayout.Render(subject, html.ToString(), text.ToString(), seller, [EmailAttachment.Pdf(model.IsTrainingContract ? $"contrat-de-formation-{model.Number}.pdf" : FileName(model.Number), model.Pdf)]);
    }
}
