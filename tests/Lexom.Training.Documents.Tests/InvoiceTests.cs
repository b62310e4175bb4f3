namespace Lexom.Training.Documents.Tests;

public class InvoiceTests
{
    private static readonly DocumentRenderer Renderer = DocumentRenderer.Instance;

    private static ReadPdf Read(InvoiceDocument d) => PdfAssert.Read(Renderer.Render(d));

    [Fact]
    public void LW3_deposit_invoice_carries_number_dates_client_lines_vat_totals_and_penalties()
    {
        var pdf = Read(SampleDocuments.DepositInvoice());
        PdfAssert.Contains(pdf,
            "Facture d'acompte n° FA-2026-0007", "Date d'émission 5 février 2026", "Date d'échéance 5 février 2026 (payable à réception)",
            "Facturé à", "SIREN 123 456 789", "12 avenue de la Libération", "07200 Aubenas",
            "1 071,00 €", "TVA 20 % sur 1 071,00 € 214,20 €", "Total TTC 1 285,20 €", "Reste à payer 1 285,20 €",
            "majoré de 10 points", "trois fois le taux de l'intérêt légal", "indemnité forfaitaire pour frais de recouvrement de 40 €",
            "Pas d'escompte pour paiement anticipé", "SIRET 000 000 000 00000", "TVA intracommunautaire FR00000000000");
        PdfAssert.PagesNumbered(pdf);
    }

    [Fact]
    public void M5_final_invoice_deducts_the_deposit_and_asks_the_balance_on_receipt()
    {
        var pdf = Read(SampleDocuments.FinalInvoice());
        PdfAssert.Contains(pdf, "Facture n° F-2026-0031", "Total TTC 4 284,00 €",
            "Déjà réglé : acompte, facture FA-2026-0007", "− 1 285,20 €", "Reste à payer 2 998,80 €",
            "payable à réception", "Montant : 2 998,80 €");
        Assert.Equal(2998.80m, SampleDocuments.FinalInvoice().AmountDue);
    }

    [Fact]
    public void X3_indemnity_invoice_names_the_clause()
    {
        var pdf = Read(SampleDocuments.IndemnityInvoice());
        PdfAssert.Contains(pdf, "Facture d'indemnité n° FI-2026-0002", "CGV 3.5 (X3)", "Total TTC 4 284,00 €", "Reste à payer 2 998,80 €");
    }

    [Fact]
    public void LW4_credit_note_references_the_invoice_it_corrects()
    {
        var pdf = Read(SampleDocuments.CreditNote());
        PdfAssert.Contains(pdf, "Avoir n° AV-2026-0001", "Facture corrigée n° F-2026-0031 du 17 mars 2026",
            "Montant de l'avoir TTC 1 428,00 €", "corrige la facture n° F-2026-0031");
        PdfAssert.DoesNotContain(pdf, "Reste à payer");
        Assert.Throws<ArgumentException>(() => Renderer.Render(SampleDocuments.CreditNote() with { CorrectedInvoiceNumber = null }));
    }

    [Fact]
    public void L3_an_individual_is_not_charged_the_40_euro_indemnity_mention()
    {
        var pdf = Read(SampleDocuments.FinalInvoice() with { Client = SampleDocuments.Individual });
        PdfAssert.Contains(pdf, "majoré de 10 points", "Particulier");
        PdfAssert.DoesNotContain(pdf, "40 €", "SIREN");
    }

    [Fact]
    public void Vat_is_shown_per_rate()
    {
        var d = SampleDocuments.FinalInvoice() with
        {
            Lines =
            [
                .. SampleDocuments.Example1Lines,
                new DocumentLine { Description = "Ouvrage de référence", Quantity = 3, UnitPriceExclVat = 30m, VatRate = 0.055m },
            ],
        };
        var pdf = Read(d);
        PdfAssert.Contains(pdf, "TVA 20 % sur 3 570,00 € 714,00 €", "TVA 5,5 % sur 90,00 € 4,95 €", "Total TTC 4 378,95 €");
    }
}
