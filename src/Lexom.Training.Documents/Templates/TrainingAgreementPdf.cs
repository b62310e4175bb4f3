using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Documents.Layout;

namespace Lexom.Training.Documents.Templates;

/// <summary>
/// Convention de formation (company, L6353-1) or contrat de formation (individual, P6, LW1: L6353-3 to L6353-7).
/// </summary>
internal static class TrainingAgreementPdf
{
    public static byte[] Render(TrainingAgreementDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.Sessions.Count == 0 || d.Lines.Count == 0)
        {
            throw new ArgumentException("An agreement needs at least one session and one priced line.", nameof(d));
        }

        var individual = d.IsIndividualContract;
        var title = individual ? "Contrat de formation professionnelle" : "Convention de formation professionnelle";
        var legalBasis = individual
            ? "Articles L6353-3 à L6353-7 du Code du travail"
            : "Articles L6353-1 et D6353-1 du Code du travail";
        var totals = d.Totals;
        using var doc = new FlowDocument(
            Parts.Chrome(d.Seller, title, $"N° {d.Number} — {Fr.ShortDate(d.IssuedOn)}", initialsBox: true),
            $"{title} {d.Number}", $"{d.Course.Reference} — {d.Course.Title}", d.Seller.LegalName);

        doc.Heading(title, 1);
        doc.Paragraph(legalBasis + (d.ProposalNumber is null ? "" : $" — suite à la proposition commerciale n° {d.ProposalNumber}"), Theme.Small, spaceAfter: 8);
        doc.Paragraph("Entre les soussignés :", Theme.BodyBold);
        doc.Boxes(
        [
            Parts.SellerBox(d.Seller, "L'organisme de formation"),
            Parts.ClientBox(d.Client, individual ? "Le stagiaire (personne physique)" : "L'entreprise bénéficiaire", withBilling: !individual),
        ]);
        if (!individual && !string.IsNullOrWhiteSpace(d.Client.Signatory))
        {
            doc.Paragraph($"L'entreprise est représentée par {d.Client.Signatory}.", Theme.Body);
        }

        doc.Paragraph(individual
            ? "est conclu le présent contrat, en application des articles L6353-3 à L6353-7 du Code du travail."
            : "est conclue la présente convention, en application des articles L6353-1 et D6353-1 du Code du travail.");

        var n = 0;
        string Article(string name) => $"Article {++n} — {name}";

        doc.Heading(Article("Objet"), 2);
        doc.Paragraph($"{d.Seller.LegalName} s'engage à organiser l'action de formation intitulée « {d.Course.Title} » (référence {d.Course.Reference}), "
                      + "action de formation au sens de l'article L6313-1 du Code du travail.");

        doc.Heading(Article("Nature et caractéristiques de l'action"), 2);
        doc.Paragraph("Objectifs pédagogiques :", Theme.BodyBold, spaceAfter: 2);
        doc.Bullets(d.Objectives);
        Parts.Facts(doc,
        [
            ("Prérequis", d.Prerequisites),
            ("Formule", Parts.FormatText(d.Format)),
            ("Dates", Parts.SessionsText(d.Sessions)),
            ("Lieu", Parts.PlacesText(d.Sessions)),
            ("Durée", Fr.Duration(d.Course.DurationDays, d.Course.DurationHours)),
            ("Méthodes pédagogiques", string.Join(" ; ", d.PedagogicalMethods)),
            ("Évaluation", string.Join(" ; ", d.EvaluationMethods)),
            ("Sanction", "Attestation de fin de formation reprenant l'ensemble des objectifs pédagogiques, remise à chaque participant"),
        ]);
        doc.Paragraph("Le programme détaillé de la formation (fiche programme) est remis avec le présent document et en fait partie intégrante.", Theme.Small);

        doc.Heading(Article(individual ? "Stagiaire" : "Participants"), 2);
        if (individual)
        {
            doc.Paragraph($"Le stagiaire est {d.Client.Name}. Il déclare remplir les prérequis indiqués ci-dessus.");
        }
        else
        {
            doc.Paragraph($"{Fr.Int(d.ParticipantCount)} participant(s) :", spaceAfter: 2);
            Parts.Participants(doc, d.ParticipantCount, d.ParticipantNames);
        }

        doc.Heading(Article("Dispositions financières"), 2);
        Parts.LinesTable(doc, d.Lines);
        Parts.TotalsTable(doc, totals,
        [
            new TableRow([$"Acompte ({Fr.Percent(totals.DepositRate)} du TTC)", Fr.Money(totals.Deposit)], RowKind.Total),
            TableRow.Of("Solde", Fr.Money(totals.Balance)),
        ]);
        doc.Paragraph(Parts.TravelAndMealsMention, Theme.Legal);
        if (individual)
        {
            // LW1 (L6353-6): nothing before the 10 days, then at most 30 %, balance spread over the training.
            doc.Paragraph(
                "Aucune somme ne peut être exigée du stagiaire avant l'expiration du délai de rétractation de 10 jours prévu à l'article suivant. "
                + $"À l'expiration de ce délai, le stagiaire effectue un premier versement d'un montant qui ne peut excéder 30 % du prix convenu, soit {Fr.Money(totals.Deposit)}. "
                + $"Le solde, soit {Fr.Money(totals.Balance)}, donne lieu à échelonnement des paiements au fur et à mesure du déroulement de l'action de formation "
                + "(article L6353-6 du Code du travail).");
            if (d.BalanceSchedule.Count > 0)
            {
                doc.Table(
                    [new TableColumn("Échéance du solde", 2), new TableColumn("Montant", 1, TextAlign.Right)],
                    d.BalanceSchedule.Select(s => TableRow.Of(Fr.Date(s.DueOn), Fr.Money(s.Amount))),
                    new TableOptions { Width = 300 });
            }
        }
        else
        {
            doc.Paragraph(
                $"Un acompte de {Fr.Percent(totals.DepositRate)} du prix TTC, soit {Fr.Money(totals.Deposit)}, est versé à la signature (CGV 2.1). "
                + $"Le solde, soit {Fr.Money(totals.Balance)}, est facturé à l'issue de la formation et payable à réception (CGV 3.2).");
        }

        if (d.Funding is { } f)
        {
            // O2: the client's part is the domain's split of the price.
            var clientPart = f.AmountCovered > 0 && f.AmountCovered <= totals.TotalInclVat
                ? OpcoDeadlinePolicy.Split(Money.Euros(totals.TotalInclVat), Money.Euros(f.AmountCovered)).ClientPart.Amount
                : totals.TotalInclVat;
            doc.Paragraph(
                $"Prise en charge par l'OPCO {f.OpcoName}, accord n° {f.AgreementNumber}, pour {Fr.Money(f.AmountCovered)}"
                + (f.Subrogation ? $", avec subrogation de paiement : LEXOM facture directement l'OPCO et facture au client le reste, soit {Fr.Money(clientPart)}. " : ". ")
                + "Si l'OPCO n'a pas réglé LEXOM dans un délai d'un mois à compter de la fin de la formation, le client est facturé de la totalité du prix (CGV 3.3).");
        }

        foreach (var mention in Parts.PaymentMentions(d.Client.Kind))
        {
            doc.Paragraph(mention, Theme.Legal, spaceAfter: 2);
        }

        if (individual)
        {
            doc.Heading(Article("Délai de rétractation"), 2);
            doc.Paragraph(
                "À compter de la date de signature du présent contrat, le stagiaire dispose d'un délai de dix (10) jours pour se rétracter. "
                + "Il en informe LEXOM par lettre recommandée avec demande d'avis de réception. Dans ce cas, aucune somme ne peut être exigée du stagiaire "
                + "(article L6353-5 du Code du travail).");
            if (d.OrderedOnWebsite)
            {
                var order = d.OrderedOn is { } o ? $" le {Fr.Date(o)}" : "";
                var end14 = d.OrderedOn is { } od ? $", soit jusqu'au {Fr.Date(od.AddDays(14))} inclus" : "";
                doc.Paragraph(
                    $"La commande ayant été passée sur le site internet{order}, le stagiaire bénéficie en outre d'un délai de rétractation de quatorze (14) jours "
                    + $"à compter de la commande{end14} (CGV 2.1). Aucune somme ne peut être exigée pendant ce délai. L'acompte n'est exigible qu'à compter du "
                    + "lendemain du plus tardif des deux délais (14 jours après la commande, 10 jours après la signature du présent contrat).");
            }

            doc.Heading(Article("Interruption de la formation"), 2);
            doc.Paragraph(
                "Si, par suite de force majeure dûment reconnue, le stagiaire est empêché de suivre la formation, il peut rompre le contrat. "
                + "Dans ce cas, seules les prestations effectivement dispensées sont dues au prorata temporis de leur valeur prévue au présent contrat "
                + "(article L6353-7 du Code du travail).");
        }

        doc.Heading(Article("Annulation, report, absence"), 2);
        doc.Paragraph(
            "Les conditions d'annulation, de report et d'absence sont celles des conditions générales de vente de LEXOM (articles 3.5 à 3.7), "
            + "que le client déclare connaître et accepter"
            + (individual ? ", sous réserve des dispositions d'ordre public du Code du travail rappelées ci-dessus, qui prévalent." : ".")
            + (d.Format == SessionFormat.Intra ? " En INTRA, aucune annulation ni aucun report n'est pris en compte pour motif d'absence de stagiaires ; la formation est maintenue à partir d'une personne." : ""));

        doc.Heading(Article("Attestation"), 2);
        doc.Paragraph(
            "À l'issue de la formation, LEXOM remet à chaque participant une attestation de fin de formation mentionnant les objectifs, la nature, "
            + "la durée de l'action et les résultats de l'évaluation des acquis (article L6353-1 du Code du travail).");

        doc.Heading(Article("Données personnelles"), 2);
        doc.Paragraph(
            "Les données personnelles du client et des participants sont traitées pour l'exécution du présent document et conservées au plus 5 ans "
            + $"après la fin de la relation contractuelle (CGV 5.5). Pour exercer vos droits, contactez notre DPO : {d.Seller.DpoEmail}.");

        doc.Heading(Article("Litiges"), 2);
        doc.Paragraph(individual
            ? "À défaut de règlement amiable, le stagiaire peut recourir gratuitement au médiateur de la consommation : CNPM - MEDIATION DE LA CONSOMMATION, "
              + "27 avenue de la libération, 42400 Saint-Chamond (https://cnpm-mediation-consommation.eu/). Les règles légales de compétence s'appliquent."
            : "Tout litige qui ne pourrait être réglé à l'amiable relève de la compétence exclusive du Tribunal de commerce d'Aubenas (CGV 5.4).");

        doc.Paragraph($"Fait en deux exemplaires à {d.Seller.SignatureCity}, le {Fr.Date(d.IssuedOn)}.", spaceAfter: 8);
        doc.Boxes(
        [
            individual
                ? BoxSpec.Lines("Le stagiaire", ["Date :", "Nom et prénom :", "", "Signature (précédée de « lu et approuvé ») :"], Theme.Small)
                : BoxSpec.Lines("Pour l'entreprise", [d.Client.Signatory ?? "Nom et qualité :", "Date :", "", "Cachet et signature :"], Theme.Small),
            BoxSpec.Lines("Pour LEXOM", [d.Seller.Signatory, "Date :", "", "Signature et cachet :"], Theme.Small),
        ], minHeight: 120);

        return doc.Finish();
    }
}
