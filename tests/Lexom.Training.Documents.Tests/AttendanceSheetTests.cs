namespace Lexom.Training.Documents.Tests;

public class AttendanceSheetTests
{
    private static readonly Lazy<ReadPdf> Pdf = new(() => PdfAssert.Read(DocumentRenderer.Instance.Render(SampleDocuments.AttendanceSheet())));

    [Fact]
    public void A1_the_sheet_lists_each_day_each_trainee_morning_and_afternoon_with_what_is_recorded_and_the_signatures()
    {
        PdfAssert.Contains(Pdf.Value,
            "Feuille d'émargement", "CRM - fondamentaux et enjeux", "Référence RCL-RCL-02",
            "Du lundi 16 mars 2026 au mardi 17 mars 2026", "Formateur Claire Formatrice", "Demi-journée 3,5 h",
            "Stagiaire Entreprise Matin Après-midi",
            "Marie-Christine", "Dupont-Delacroix-Vandenberghe", "Jean Martin", "Présent(e)", "Absent(e)",
            "16 mars 2026 Stagiaire", "17 mars 2026 Stagiaire", "Le formateur", "Signature et cachet");
        PdfAssert.PagesNumbered(Pdf.Value);
    }

    [Fact]
    public void A1_a_sheet_whose_end_is_before_its_start_is_refused() =>
        Assert.Throws<ArgumentException>(() => DocumentRenderer.Instance.Render(SampleDocuments.AttendanceSheet() with { End = new DateOnly(2026, 3, 1) }));
}
