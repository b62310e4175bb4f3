using Lexom.Training.Documents.Layout;

namespace Lexom.Training.Documents.Templates;

/// <summary>Commercial proposal (P1, P3, P4, M1–M4, LW3) with the EPC QR code for the deposit and the CGV annex.</summary>
internal static class ProposalPdf
{
    public static byte[] Render(ProposalDocument d)
    {
        Validate(d);
        var totals = d.Totals;
        var reference = $"N° {d.DisplayNumber} — émise le {Fr.ShortDate(d.IssuedOn)}";
        using var doc = new FlowDocument(
            Parts.Chrome(d.Seller, "Proposition commerciale", reference, initialsBox: true),
            $"Proposition commerciale {d.DisplayNumber}", $"{d.Course.Reference} — {d.Course.Title}", d.Seller.LegalName);

        doc.Heading("Proposition commerciale", 1);
        Parts.Facts(doc,
        [
            ("Numéro", d.Number),
            ("Version", Fr.Int(d.Version)),
            ("Date d'émission", Fr.Date(d.IssuedOn)),
            ("Valable jusqu'au", $"{Fr.Date(d.ValidUntil)} inclus (validité de 30 jours à compter de l'émission, CGV 2.1)"),
        ]);

        doc.Boxes([Parts.SellerBox(d.Seller), Parts.ClientBox(d.Client)]);

        doc.Heading("La formation", 2);
        Parts.Facts(doc,
        [
            ("Intitulé", d.Course.Title),
            ("Référence", d.Course.Reference),
            ("Formule", Parts.FormatText(d.Format)),
            (d.Sessions.Count > 1 ? "Dates" : "Date(s)", Parts.SessionsText(d.Sessions)),
            ("Lieu", Parts.PlacesText(d.Sessions)),
            ("Durée", Fr.Duration(d.Course.DurationDays, d.Course.DurationHours) + (d.Sessions.Count > 1 ? " par session" : "")),
            ("Participants", d.ParticipantCount > 1 ? $"{Fr.Int(d.ParticipantCount)} participants" : "1 participant"),
        ]);
        if (d.Sessions.Count > 1)
        {
            doc.Paragraph(
                $"Le nombre d'inscrits dépassant l'effectif maximal préconisé, {Fr.Int(d.Sessions.Count)} sessions sont organisées dans les mêmes conditions financières (CGV 2.1).",
                Theme.Small);
        }

        if (!string.IsNullOrWhiteSpace(d.Comment))
        {
            doc.Paragraph(d.Comment);
        }

        doc.Heading($"Participants ({Fr.Int(d.ParticipantCount)})", 3);
        Parts.Participants(doc, d.ParticipantCount, d.ParticipantNames);

        doc.Heading("Prix", 2);
        Parts.LinesTable(doc, d.Lines);
        Parts.TotalsTable(doc, totals,
        [
            new TableRow([$"Acompte à la commande ({Fr.Percent(totals.DepositRate)} du TTC)", Fr.Money(totals.Deposit)], RowKind.Total),
            TableRow.Of("Solde à l'issue de la formation", Fr.Money(totals.Balance)),
        ]);
        doc.Paragraph(Parts.TravelAndMealsMention, Theme.Legal);
        doc.Paragraph(
            "Le prix est ferme et définitif à compter de la validation de la présente proposition par le client et LEXOM. "
            + "Les factures sont payables à réception, à l'issue de la formation (CGV 3.1 et 3.2).",
            Theme.Legal);
        foreach (var mention in Parts.PaymentMentions(d.Client.Kind))
        {
            doc.Paragraph(mention, Theme.Legal, spaceAfter: 2);
        }

        doc.Space(6);
        DepositBox(doc, d, totals);

        doc.KeepSpace(250); // heading, conditions and the signature boxes stay together
        doc.Heading("Acceptation de la proposition", 2);
        doc.Paragraph(
            "Pour accepter cette proposition, retournez-la paraphée, tamponnée et signée avec la mention manuscrite « BON POUR ACCORD », "
            + $"accompagnée des conditions générales de vente ci-annexées paraphées et signées, et d'un acompte de {Fr.Percent(totals.DepositRate)} "
            + $"du prix TTC, soit {Fr.Money(totals.Deposit)}, au plus tard le {Fr.Date(d.ValidUntil)}. LEXOM en accuse réception par e-mail. "
            + "Le contrat n'est conclu qu'à réception de la proposition signée et de l'acompte (CGV 2.2).");
        doc.Space(4);
        var clientLines = d.Client.Kind == ClientKind.Company
            ? new[] { "Mention manuscrite « Bon pour accord » :", "", "Date :", "Nom et qualité du signataire :", "", "Cachet de l'entreprise et signature :" }
            : new[] { "Mention manuscrite « Bon pour accord » :", "", "Date :", "Nom et prénom :", "", "Signature :" };
        doc.Boxes(
        [
            BoxSpec.Lines("Le client — « BON POUR ACCORD »", clientLines, Theme.Small),
            BoxSpec.Lines("Pour LEXOM", [d.Seller.Signatory, $"Le {Fr.Date(d.IssuedOn)}", "", "Signature :"], Theme.Small),
        ], minHeight: 135);

        // Annex: the CGV in full, each page initialled (P4).
        doc.NewPage();
        doc.Paragraph(
            $"ANNEXE à la proposition commerciale n° {d.DisplayNumber} du {Fr.Date(d.IssuedOn)} — à parapher sur chaque page et à signer en dernière page.",
            new TextStyle(7.5, true, Theme.Accent), spaceAfter: 2);
        CgvAnnex.Write(doc, Cgv.Blocks(d.CgvText));
        doc.Space(6);
        doc.Boxes(
        [
            BoxSpec.Lines("Le client — lu et accepté", ["Date :", "Nom et qualité :", "", "Signature (et cachet) :"], Theme.Small),
        ], minHeight: 95);

        return doc.Finish();
    }

    private static void DepositBox(FlowDocument doc, ProposalDocument d, DocumentTotals totals)
    {
        var bank = d.Seller.Bank;
        var remittance = $"Acompte {d.DisplayNumber}";
        var payload = EpcQrCode.Payload(bank.AccountHolder, bank.Iban, bank.Bic, totals.Deposit, remittance);
        doc.QrBox(
            "Règlement de l'acompte par virement SEPA",
            [
                Parts.Labelled("Montant", Fr.Money(totals.Deposit)),
                Parts.Labelled("Bénéficiaire", bank.AccountHolder),
                Parts.Labelled("IBAN", Parts.FormatIban(bank.Iban)),
                Parts.Labelled("BIC", bank.Bic),
                Parts.Labelled("Banque", bank.BankName),
                Parts.Labelled("Référence à indiquer", remittance),
            ],
            EpcQrCode.Modules(payload),
            78,
            "QR code SEPA (EPC) à scanner avec votre application bancaire");
    }

    private static void Validate(ProposalDocument d)
    {
        // P1: everything a proposal must state.
        ArgumentNullException.ThrowIfNull(d);
        if (d.Sessions.Count == 0)
        {
            throw new ArgumentException("P1: a proposal needs at least one session (dates and place).", nameof(d));
        }

        if (d.Lines.Count == 0)
        {
            throw new ArgumentException("P1/M3: a proposal needs at least one priced line.", nameof(d));
        }

        if (d.ParticipantCount < 1)
        {
            throw new ArgumentException("P1: a proposal needs at least one participant.", nameof(d));
        }
    }
}

/// <summary>Writes the CGV blocks in a compact legal style.</summary>
internal static class CgvAnnex
{
    public static void Write(FlowDocument doc, IReadOnlyList<CgvBlock> blocks)
    {
        foreach (var b in blocks)
        {
            switch (b.Kind)
            {
                case CgvBlockKind.Title:
                    doc.Heading(b.Text, 1);
                    break;
                case CgvBlockKind.Part:
                    doc.Heading(b.Text, 3);
                    break;
                case CgvBlockKind.Clause:
                    doc.Paragraph(b.Text, Theme.Legal.WithBold().WithColor(Theme.Navy), spaceAfter: 2);
                    break;
                case CgvBlockKind.Bullet:
                    doc.Bullet([new Span(b.Text, Theme.Legal)], "–", indent: 6);
                    break;
                default:
                    doc.Paragraph(b.Text, Theme.Legal, spaceAfter: 3.5);
                    break;
            }
        }
    }
}
