namespace Lexom.Training.Documents.Tests;

public class AgreementTests
{
    private static readonly DocumentRenderer Renderer = DocumentRenderer.Instance;
    private static readonly Lazy<ReadPdf> Company = new(() => PdfAssert.Read(Renderer.Render(SampleDocuments.CompanyAgreement())));
    private static readonly Lazy<ReadPdf> Individual = new(() => PdfAssert.Read(Renderer.Render(SampleDocuments.IndividualContract())));

    [Fact]
    public void Company_agreement_states_the_parties_the_action_and_the_price()
    {
        PdfAssert.Contains(Company.Value,
            "Convention de formation professionnelle", "Articles L6353-1 et D6353-1 du Code du travail",
            "L'entreprise bénéficiaire", "SIREN 123 456 789", "Mme Marie-Christine Dupont-Delacroix-Vandenberghe, directrice des ressources humaines",
            "« CRM - fondamentaux et enjeux » (référence RCL-RCL-02)", "Du lundi 16 mars 2026 au mardi 17 mars 2026", "2 jours (14 h)",
            "25 participant(s)", "Total TTC 35 700,00 €", "soit 10 710,00 €", "soit 24 990,00 €",
            "Tribunal de commerce d'Aubenas", "dpo@lexom.fr");
        foreach (var objective in SampleDocuments.Rcl02Objectives)
        {
            PdfAssert.Contains(Company.Value, objective);
        }
    }

    [Fact]
    public void O2_company_agreement_prints_the_opco_funding_with_subrogation()
        => PdfAssert.Contains(Company.Value, "OPCO EP, accord n° EP-2026-000123, pour 20 000,00 €", "subrogation", "soit 15 700,00 €");

    [Fact]
    public void L3_company_agreement_carries_the_40_euro_indemnity_but_the_individual_contract_does_not()
    {
        PdfAssert.Contains(Company.Value, "indemnité forfaitaire pour frais de recouvrement de 40 €");
        PdfAssert.DoesNotContain(Individual.Value, "frais de recouvrement de 40 €");
    }

    [Fact]
    public void P6_LW1_individual_contract_prints_the_10_day_withdrawal_and_the_payment_limits()
    {
        PdfAssert.Contains(Individual.Value,
            "Contrat de formation professionnelle", "Articles L6353-3 à L6353-7 du Code du travail", "Le stagiaire (personne physique)",
            "dispose d'un délai de dix (10) jours pour se rétracter",
            "Aucune somme ne peut être exigée du stagiaire avant l'expiration du délai de rétractation de 10 jours",
            "ne peut excéder 30 % du prix convenu, soit 428,40 €",
            "Le solde, soit 999,60 €, donne lieu à échelonnement des paiements au fur et à mesure du déroulement de l'action de formation",
            "16 mars 2026 499,80 €", "17 mars 2026 499,80 €",
            "article L6353-7");
        PdfAssert.DoesNotContain(Individual.Value, "SIREN");
    }

    [Fact]
    public void P7_web_order_adds_the_14_day_withdrawal_from_the_order()
    {
        PdfAssert.Contains(Individual.Value,
            "passée sur le site internet le 1er avril 2026", "quatorze (14) jours à compter de la commande, soit jusqu'au 15 avril 2026 inclus",
            "Aucune somme ne peut être exigée pendant ce délai");
        var notWeb = PdfAssert.Read(Renderer.Render(SampleDocuments.IndividualContract() with { OrderedOnWebsite = false }));
        PdfAssert.DoesNotContain(notWeb, "quatorze (14) jours");
    }

    [Fact]
    public void Agreement_pages_are_numbered_and_initialled()
    {
        PdfAssert.PagesNumbered(Company.Value);
        PdfAssert.PagesNumbered(Individual.Value);
        Assert.All(Company.Value.Pages, p => Assert.Contains("Paraphe du client", p.Text));
    }
}
