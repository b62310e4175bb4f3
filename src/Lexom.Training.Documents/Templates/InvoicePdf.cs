using Lexom.Training.Documents.Layout;

namespace Lexom.Training.Documents.Templates;

/// <summary>Deposit invoice, final invoice, indemnity invoice and credit note (LW3, LW4, M5, L1–L3).</summary>
internal static class InvoicePdf
{
    public static byte[] Render(InvoiceDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.Lines.Count == 0)
        {
            throw new ArgumentException("An invoice needs at least one line.", nameof(d));
        }

        if (d.Kind == InvoiceKind.CreditNote && (string.IsNullOrWhiteSpace(d.CorrectedInvoiceNumber) || d.CorrectedInvoiceDate is null))
        {
            throw new ArgumentException("LW4: a credit note must reference the invoice it corrects (number and date).", nameof(d));
        }

        var title = d.Kind switch
        {
            InvoiceKind.Deposit => "Facture d'acompte",
            InvoiceKind.Final => "Facture",
            InvoiceKind.Indemnity => "Facture d'indemnité",
            _ => "Avoir",
        };
        var totals = d.Totals;
        using var doc = new FlowDocument(
            Parts.Chrome(d.Seller, title, $"N° {d.Number} — {Fr.ShortDate(d.IssuedOn)}"),
            $"{title} {d.Number}", d.Subject ?? title, d.Seller.LegalName);

        doc.Heading($"{title} n° {d.Number}", 1);
        var facts = new List<(string, string)>
        {
            ("Date d'émission", Fr.Date(d.IssuedOn)),
            d.Kind == InvoiceKind.CreditNote
                ? ("Date d'imputation", Fr.Date(d.DueOn))
                : ("Date d'échéance", d.DueOn == d.IssuedOn ? $"{Fr.Date(d.DueOn)} (payable à réception)" : Fr.Date(d.DueOn)),
        };
        if (d.Kind == InvoiceKind.CreditNote)
        {
            facts.Add(("Facture corrigée", $"n° {d.CorrectedInvoiceNumber} du {Fr.Date(d.CorrectedInvoiceDate!.Value)}"));
        }

        if (!string.IsNullOrWhiteSpace(d.ProposalNumber))
        {
            facts.Add(("Proposition / commande", d.ProposalNumber));
        }

        if (!string.IsNullOrWhiteSpace(d.Subject))
        {
            facts.Add(("Objet", d.Subject));
        }

        Parts.Facts(doc, facts);
        doc.Boxes([Parts.SellerBox(d.Seller, "Émetteur"), Parts.ClientBox(d.Client, "Facturé à", withBilling: false) with { Paragraphs = BilledTo(d.Client) }]);

        Parts.LinesTable(doc, d.Lines);
        var extra = new List<TableRow>();
        if (d.Kind == InvoiceKind.CreditNote)
        {
            Parts.TotalsTable(doc, totals, ttcLabel: "Montant de l'avoir TTC");
        }
        else
        {
            foreach (var p in d.Payments)
            {
                extra.Add(TableRow.Of($"Déjà réglé : {p.Label} ({Fr.ShortDate(p.ReceivedOn)})", "− " + Fr.Money(p.Amount)));
            }

            extra.Add(new TableRow(["Reste à payer", Fr.Money(d.AmountDue)], RowKind.Strong));
            Parts.TotalsTable(doc, totals, extra);
        }

        foreach (var note in d.Notes)
        {
            doc.Paragraph(note);
        }

        if (d.Kind == InvoiceKind.CreditNote)
        {
            doc.Paragraph(
                $"Le présent avoir corrige la facture n° {d.CorrectedInvoiceNumber} du {Fr.Date(d.CorrectedInvoiceDate!.Value)}, qui reste conservée (elle n'est jamais supprimée). "
                + $"Son montant, {Fr.Money(totals.TotalInclVat)}, vient en déduction des sommes dues par le client ou lui est remboursé.");
        }
        else if (d.AmountDue > 0)
        {
            var bank = d.Seller.Bank;
            var payload = EpcQrCode.Payload(bank.AccountHolder, bank.Iban, bank.Bic, d.AmountDue, $"Facture {d.Number}");
            doc.QrBox(
                "Règlement par virement SEPA",
                [
                    Parts.Labelled("Montant", Fr.Money(d.AmountDue)),
                    Parts.Labelled("Échéance", d.DueOn == d.IssuedOn ? "à réception" : Fr.Date(d.DueOn)),
                    Parts.Labelled("IBAN", Parts.FormatIban(bank.Iban)),
                    Parts.Labelled("BIC", bank.Bic),
                    Parts.Labelled("Référence à indiquer", $"Facture {d.Number}"),
                ],
                EpcQrCode.Modules(payload),
                62,
                "QR code SEPA (EPC)");
        }

        var legal = Theme.Legal.WithSize(7.2);
        doc.KeepSpace(60);
        doc.Paragraph("Mentions légales", legal.WithBold().WithColor(Theme.Navy), spaceAfter: 1.5);
        if (!string.IsNullOrWhiteSpace(d.VatExemptionMention))
        {
            doc.Paragraph(d.VatExemptionMention, legal, spaceAfter: 1.5);
        }

        if (d.Kind != InvoiceKind.CreditNote)
        {
            doc.Paragraph("Conditions de paiement : " + (d.DueOn == d.IssuedOn ? "payable à réception" : $"payable au plus tard le {Fr.Date(d.DueOn)}") + " (CGV 3.2).", legal, spaceAfter: 1.5);
        }

        foreach (var mention in Parts.PaymentMentions(d.Client.Kind))
        {
            doc.Paragraph(mention, legal, spaceAfter: 1.5);
        }

        return doc.Finish();
    }

    private static List<IReadOnlyList<Span>> BilledTo(ClientIdentity c)
    {
        var list = new List<IReadOnlyList<Span>> { Parts.Para(c.Name, Theme.BodyBold) };
        if (c.Kind == ClientKind.Company)
        {
            list.Add(Parts.Para("SIREN " + (string.IsNullOrWhiteSpace(c.Siren) ? "non communiqué" : Parts.FormatSiren(c.Siren))));
        }
        else
        {
            list.Add(Parts.Para("Particulier (personne physique)"));
        }

        list.AddRange(c.EffectiveBillingAddress.Lines().Select(l => Parts.Para(l)));
        if (!string.IsNullOrWhiteSpace(c.VatNumber))
        {
            list.Add(Parts.Para("TVA " + c.VatNumber));
        }

        if (!string.IsNullOrWhiteSpace(c.ContactName))
        {
            list.Add(Parts.Labelled("À l'attention de", c.ContactName));
        }

        return list;
    }
}
