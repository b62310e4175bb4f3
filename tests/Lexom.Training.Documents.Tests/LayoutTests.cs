using Lexom.Training.Documents.Layout;
using PdfSharp.Fonts;

namespace Lexom.Training.Documents.Tests;

public class LayoutTests
{
    private static FlowDocument NewDocument(bool initials = false) => new(
        new PageChrome { DocumentTitle = "Essai", DocumentReference = "Réf. TEST", FooterLegalLine = "LEXOM — ligne légale de test", InitialsBox = initials },
        "Essai", "Essai", "LEXOM");

    [Fact]
    public void Two_hundred_paragraphs_flow_across_pages_without_losing_one()
    {
        using var doc = NewDocument();
        for (var i = 1; i <= 200; i++)
        {
            doc.Paragraph($"Paragraphe numéro {i} début. " + string.Concat(Enumerable.Repeat("Texte de remplissage qui oblige le paragraphe à passer à la ligne. ", 1 + (i % 5))) + $"Fin du paragraphe {i}.");
        }

        var pdf = PdfAssert.Read(doc.Finish());
        Assert.True(pdf.Pages.Count > 5, $"Expected many pages, got {pdf.Pages.Count}.");
        var text = pdf.ContentText;
        var last = -1;
        for (var i = 1; i <= 200; i++)
        {
            var start = text.IndexOf($"Paragraphe numéro {i} début.", StringComparison.Ordinal);
            var end = text.IndexOf($"Fin du paragraphe {i}.", StringComparison.Ordinal);
            Assert.True(start > last && end > start, $"Paragraph {i} is missing, cut or out of order.");
            last = end;
        }

        var expectedFillers = Enumerable.Range(1, 200).Sum(i => 1 + (i % 5));
        var filler = "Texte de remplissage qui oblige le paragraphe à passer à la ligne.";
        Assert.Equal(expectedFillers, System.Text.RegularExpressions.Regex.Count(text, System.Text.RegularExpressions.Regex.Escape(filler)));
        PdfAssert.PagesNumbered(pdf);
        PdfAssert.WordsInsidePage(pdf);
    }

    [Fact]
    public void A_table_repeats_its_header_on_every_page_and_keeps_every_row()
    {
        using var doc = NewDocument();
        doc.Table(
            [new TableColumn("Colonne A", 3), new TableColumn("Montant", 1, TextAlign.Right)],
            Enumerable.Range(1, 150).Select(i => TableRow.Of($"Rangée {i} avec un texte assez long pour tenir sur deux lignes dans une colonne étroite du tableau", $"{i},00 €")));
        var pdf = PdfAssert.Read(doc.Finish());
        Assert.True(pdf.Pages.Count >= 3);
        Assert.All(pdf.Pages, p => Assert.StartsWith("Colonne A Montant", p.ContentText()));
        for (var i = 1; i <= 150; i++)
        {
            Assert.Equal(1, pdf.Count($"Rangée {i} avec"));
        }

        PdfAssert.WordsInsidePage(pdf);
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_line_by_line()
    {
        using var doc = NewDocument();
        var cell = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"Ligne interne {i}."));
        doc.Table([new TableColumn("Détail", 3), new TableColumn("Valeur", 1)], [TableRow.Of(cell, "fin")]);
        var pdf = PdfAssert.Read(doc.Finish());
        Assert.True(pdf.Pages.Count >= 2);
        var text = pdf.ContentText;
        for (var i = 1; i <= 120; i++)
        {
            Assert.Contains($"Ligne interne {i}.", text);
        }

        PdfAssert.WordsInsidePage(pdf);
    }

    [Fact]
    public void Long_words_and_long_names_are_cut_to_stay_inside_the_page()
    {
        using var doc = NewDocument(initials: true);
        var word = string.Concat(Enumerable.Repeat("Anticonstitutionnellement", 12));
        doc.Paragraph(word);
        doc.Boxes([BoxSpec.Lines("Gauche", [word]), BoxSpec.Lines("Droite", [])]);
        var pdf = PdfAssert.Read(doc.Finish());
        PdfAssert.WordsInsidePage(pdf);
        // Both copies come back whole once the cuts are joined: 12 repetitions each, nothing dropped.
        var joined = pdf.ContentText.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains(word + "GaucheDroite" + word, joined, StringComparison.Ordinal);
        Assert.Equal(24, System.Text.RegularExpressions.Regex.Count(joined, "Anticonstitutionnellement"));
    }

    [Fact]
    public void Lines_never_exceed_the_requested_width()
    {
        var style = Theme.Body;
        var text = string.Join(' ', Enumerable.Range(1, 300).Select(i => i % 7 == 0 ? "mot-très-long-composé" : "mot"));
        foreach (var width in new[] { 40.0, 100, 233.3, 495 })
        {
            var lines = LineBreaker.Break([new Span(text, style)], width);
            Assert.All(lines, l => Assert.True(l.Width <= width + 0.01, $"Line of {l.Width} for width {width}."));
            var letters = string.Concat(lines.SelectMany(l => l.Segments).Select(s => s.Text)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), letters);
        }
    }

    [Fact]
    public void Fonts_come_from_the_embedded_resources_through_one_resolver()
    {
        DocumentFonts.EnsureInstalled();
        DocumentFonts.EnsureInstalled();
        Assert.Same(LexomFontResolver.Instance, GlobalFontSettings.FontResolver);
        Assert.True(LexomFontResolver.Instance.GetFont(LexomFontResolver.BoldFace)!.Length > 100_000);
        var bytes = DocumentRenderer.Instance.Render(SampleDocuments.Attestation());
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("/FontFile2", raw);
        Assert.Contains("DejaVu", raw);
    }

    [Theory]
    [InlineData(1285.20, "1\u202F285,20\u00A0€")]
    [InlineData(0.5, "0,50\u00A0€")]
    [InlineData(1234567.891, "1\u202F234\u202F567,89\u00A0€")]
    public void Amounts_use_the_french_format(decimal amount, string expected)
        => Assert.Equal(expected, Fr.Money(amount));

    [Fact]
    public void Dates_are_written_in_french()
    {
        Assert.Equal("16 mars 2026", Fr.Date(new DateOnly(2026, 3, 16)));
        Assert.Equal("1er avril 2026", Fr.Date(new DateOnly(2026, 4, 1)));
        Assert.Equal("du lundi 16 mars 2026 au mardi 17 mars 2026", Fr.Range(new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 17)));
    }

    [Fact]
    public void Epc_payload_follows_EPC069_12_version_002()
    {
        var payload = EpcQrCode.Payload("LEXOM", "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPPXXX", 1285.2m, "Acompte PC-2026-0043");
        Assert.Equal("BCD\n002\n1\nSCT\nAGRIFRPPXXX\nLEXOM\nFR7630006000011234567890189\nEUR1285.20\n\n\nAcompte PC-2026-0043", payload);
        Assert.Throws<ArgumentOutOfRangeException>(() => EpcQrCode.Payload("LEXOM", "FR7630006000011234567890189", "", 0m, "x"));
        var modules = EpcQrCode.Modules(payload);
        Assert.True(modules.Length >= 33 && modules.All(r => r.Length == modules.Length));
    }
}
