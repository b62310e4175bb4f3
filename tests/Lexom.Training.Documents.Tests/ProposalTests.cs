namespace Lexom.Training.Documents.Tests;

public class ProposalTests
{
    private static readonly DocumentRenderer Renderer = DocumentRenderer.Instance;
    private static readonly Lazy<ReadPdf> Short = new(() => PdfAssert.Read(Renderer.Render(SampleDocuments.ShortProposal())));
    private static readonly Lazy<ReadPdf> Long = new(() => PdfAssert.Read(Renderer.Render(SampleDocuments.Proposal())));

    [Fact]
    public void P1_P3_prints_number_version_issue_date_and_valid_until()
    {
        PdfAssert.Contains(Short.Value, "Proposition commerciale", "Numéro PC-2026-0043", "Version 1", "Date d'émission 2 février 2026",
            "Valable jusqu'au 4 mars 2026 inclus");
        PdfAssert.Contains(Long.Value, "N° PC-2026-0042-V2", "Version 2");
    }

    [Fact]
    public void M3_M4_worked_example_1_totals_vat_ttc_and_deposit_in_french_format()
    {
        PdfAssert.Contains(Short.Value,
            "3 participants 1 190,00 € 20 % 3 570,00 €",
            "Total HT 3 570,00 €",
            "TVA 20 % sur 3 570,00 € 714,00 €",
            "Total TTC 4 284,00 €",
            "Acompte à la commande (30 % du TTC) 1 285,20 €",
            "Solde à l'issue de la formation 2 998,80 €");
    }

    [Fact]
    public void M3_totals_match_the_arithmetic_of_the_cgv()
    {
        var t = SampleDocuments.ShortProposal().Totals;
        Assert.Equal(3570.00m, t.TotalExclVat);
        Assert.Equal(714.00m, t.TotalVat);
        Assert.Equal(4284.00m, t.TotalInclVat);
        Assert.Equal(1285.20m, t.Deposit);
        Assert.Equal(2998.80m, t.Balance);
    }

    [Fact]
    public void P1_prints_course_dates_place_duration_participants_and_billing_address()
    {
        PdfAssert.Contains(Long.Value,
            "Intitulé CRM - fondamentaux et enjeux", "Référence RCL-RCL-02", "INTRA",
            "Du lundi 16 mars 2026 au mardi 17 mars 2026", "Salle Tanargue", "2 jours (14 h)", "Participants 25 participants",
            "Adresse de facturation : Service comptabilité fournisseurs", "SIREN 123 456 789");
        // Names sit in three columns: PdfPig reads them line by line across columns, so check each name's words.
        var words = Long.Value.Text.Split(' ').ToHashSet();
        foreach (var (name, i) in SampleDocuments.ParticipantNames.Select((n, i) => (n, i)))
        {
            Assert.Contains($"{i + 1}.", words);
            Assert.All(PdfAssert.Normalize(name).Split(' '), w => Assert.Contains(w, words));
        }
    }

    [Fact]
    public void Forty_lines_all_come_back_in_order_across_pages_with_the_header_repeated()
    {
        var content = Long.Value.ContentText;
        var last = -1;
        for (var i = 2; i <= 40; i++)
        {
            var at = content.IndexOf($"Ligne {i} — atelier", StringComparison.Ordinal);
            Assert.True(at > last, $"Line {i} missing or out of order.");
            Assert.Equal(1, Long.Value.Count($"Ligne {i} — atelier"));
            last = at;
        }

        var pagesWithLines = Long.Value.Pages.Where(p => p.Text.Contains("— atelier", StringComparison.Ordinal)).ToList();
        Assert.True(pagesWithLines.Count >= 2, "40 lines should span several pages.");
        Assert.All(pagesWithLines, p => Assert.Contains("Désignation Quantité Prix unitaire", p.Text));
    }

    [Fact]
    public void M2_mentions_trainees_travel_and_meals_excluded_and_trainer_included()
    {
        PdfAssert.Contains(Short.Value,
            "Ils ne comprennent pas les frais de déplacement et de bouche (repas) des stagiaires",
            "ils comprennent les frais de déplacement et de bouche du formateur");
    }

    [Fact]
    public void Deposit_bank_details_and_epc_qr_code_are_printed()
    {
        PdfAssert.Contains(Short.Value, "Règlement de l'acompte par virement SEPA", "Montant : 1 285,20 €",
            "IBAN : FR76 3000 6000 0112 3456 7890 189", "BIC : AGRIFRPPXXX", "Référence à indiquer : Acompte PC-2026-0043", "QR code SEPA (EPC)");
    }

    [Fact]
    public void P4_acceptance_block_with_bon_pour_accord_date_name_stamp_and_signature()
    {
        PdfAssert.Contains(Short.Value, "Le client — « BON POUR ACCORD »", "Mention manuscrite « Bon pour accord »", "Date :",
            "Nom et qualité du signataire", "Cachet de l'entreprise et signature", "Pour LEXOM");
    }

    [Fact]
    public void CGV_annex_prints_every_clause_heading_and_every_paragraph_in_full()
    {
        var content = Short.Value.ContentText;
        Assert.Contains("Conditions Générales de Vente : LEXOM", content);
        Assert.True(Cgv.Headings.Count >= 25, "The CGV have at least 25 headings.");
        foreach (var heading in Cgv.Headings)
        {
            Assert.Contains(PdfAssert.Normalize(heading), content);
        }

        // Every block of the seed text comes back, word for word, even when it crosses a page break.
        foreach (var block in Cgv.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = block.StartsWith("- ", StringComparison.Ordinal) || block.StartsWith("* ", StringComparison.Ordinal) ? block[2..] : block;
            Assert.Contains(PdfAssert.Normalize(text), content);
        }

        Assert.Contains("dpo@lexom.fr", content);
    }

    [Fact]
    public void P4_every_page_including_the_annex_has_a_box_to_initial()
    {
        var pdf = Short.Value;
        var annexStart = pdf.Pages.First(p => p.Text.Contains("Conditions Générales de Vente : LEXOM", StringComparison.Ordinal)).Number;
        Assert.True(pdf.Pages.Count - annexStart + 1 >= 3, "The CGV annex takes several pages.");
        Assert.All(pdf.Pages, p => Assert.Contains("Paraphe du client", p.Text));
    }

    [Fact]
    public void LW3_seller_identity_and_legal_mentions_are_on_every_page()
    {
        Assert.All(Short.Value.Pages, p =>
        {
            Assert.Contains("SIRET 000 000 000 00000", p.Text);
            Assert.Contains("Aubenas 000 000 000", p.Text); // "RCS Aubenas 000 000 000", which wraps around the page number
            Assert.Contains("TVA intracommunautaire FR00000000000", p.Text);
            Assert.Contains("Déclaration d'activité n° 00 00 00000 00", p.Text);
            Assert.Contains("dpo@lexom.fr", p.Text);
        });
        PdfAssert.Contains(Short.Value, "indemnité forfaitaire pour frais de recouvrement de 40 €", "majoré de 10 points");
    }

    [Fact]
    public void Placeholder_identity_is_visibly_marked()
    {
        Assert.All(Short.Value.Pages, p => Assert.Contains("IDENTITÉ VENDEUR FICTIVE (DÉMO)", p.Text));
        var real = SampleDocuments.ShortProposal() with { Seller = SellerIdentity.DemoPlaceholder with { IsPlaceholder = false } };
        PdfAssert.DoesNotContain(PdfAssert.Read(Renderer.Render(real)), "IDENTITÉ VENDEUR FICTIVE");
    }

    [Fact]
    public void Pages_are_numbered_n_of_N()
    {
        PdfAssert.PagesNumbered(Short.Value);
        PdfAssert.PagesNumbered(Long.Value);
    }

    [Fact]
    public void P1_a_proposal_without_session_or_line_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Renderer.Render(SampleDocuments.ShortProposal() with { Sessions = [] }));
        Assert.Throws<ArgumentException>(() => Renderer.Render(SampleDocuments.ShortProposal() with { Lines = [] }));
    }

    [Fact]
    public void P2_several_sessions_are_listed_in_the_same_financial_conditions()
    {
        var s = SampleDocuments.ShortProposal();
        var two = s with
        {
            Sessions = [s.Sessions[0], s.Sessions[0] with { Start = new DateOnly(2026, 4, 1), End = new DateOnly(2026, 4, 2) }],
        };
        var pdf = PdfAssert.Read(Renderer.Render(two));
        PdfAssert.Contains(pdf, "Session 1 : du lundi 16 mars 2026 au mardi 17 mars 2026", "Session 2 : du mercredi 1er avril 2026 au jeudi 2 avril 2026",
            "dans les mêmes conditions financières");
    }
}
