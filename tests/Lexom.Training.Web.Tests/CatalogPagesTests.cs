using System.Net;
using Lexom.Training.Web.Tests.Infrastructure;

namespace Lexom.Training.Web.Tests;

/// <summary>The public catalog, over the seeded RCL-RCL-02 (rule LW6: everything a buyer reads before a contract).</summary>
public sealed class CatalogPagesTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task LW6_course_page_shows_every_section_of_the_catalog_page_in_order()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/formations/RCL-RCL-02");

        string[] inOrder =
        [
            "2</strong> Jours",
            "CRM - fondamentaux et enjeux",
            "dans RELATION CLIENT - RELATION CLIENTS / Réf : RCL-RCL-02",
            "Objectifs de la formation",
            "Utiliser le CRM",
            "Prioriser le capital client au centre de la stratégie",
            "Identifier les enjeux du CRM",
            "Programme de la formation",
            "A l'issue de la formation, les participants seront préparés à :",
            "Jour 1 - Matin",
            "1. Définir le CRM",
            "Faire face à la concurrence",
            "Multiplications des attentes des consommateurs",
            "Effets des nouvelles technologies",
            "2. Développer la relation client",
            "Cibler les différentes attentes selon les différents types de clients",
            "Développer le CA : nouveaux clients et fidélisation",
            "Jour 1 - Après-midi",
            "3. Prioriser le client au centre de l'organisation",
            "Collecte et organisation des données",
            "Processus de la relation client",
            "Mettre le client au centre du parcours et des échanges",
            "Jour 2 - Matin",
            "4. Analyser ses clients",
            "Bien utiliser les données clients",
            "Segmentation",
            "Cerner la valeur clients",
            "5. Gérer les bases de données",
            "Mettre en place et faire évoluer sa BDD",
            "Faire vivre sa BDD",
            "Qualifier sa BDD pour une meilleure utilisation",
            "Jour 2 - Après-midi",
            "6. Mettre en oeuvre un CRM",
            "Cerner les objectifs",
            "Organiser les postes, les données. Former le personnel",
            "Différents CRM",
            "Pré-requis",
            "Aucune connaissance préalable n'est requise pour suivre cette formation",
            "Public cible",
            "Toute personne souhaitant découvrir le CRM",
            "Pédagogie",
            "Méthodes pédagogiques",
            "présentations théoriques : concepts, outils et méthodes",
            "analyse d'articles/documents professionnels",
            "étude de cas pratiques issus des situations client",
            "interactivité avec le formateur",
            "Modalités d'évaluation",
            "réalisation de cas pratiques",
            "mise en application des méthodes",
            "une attestation de formation reprenant l'ensemble des objectifs pédagogiques sera délivrée à chaque participant à l'issue de la formation.",
            "Tarifs",
            "1 190,00 € HT",
            "Modalités et délais d'accès",
            "Accessibilité",
            "Contact",
            "Page mise à jour le 2 mars 2026",
        ];
        var at = 0;
        foreach (var text in inOrder)
        {
            var found = page.IndexOf(text, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"« {text} » absent de la page, ou pas à sa place");
            at = found + text.Length;
        }
        Assert.Contains("href=\"/demande-de-proposition?formation=RCL-RCL-02\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/formations/rcl-rcl-02")]
    [InlineData("/formations/Rcl-Rcl-02")]
    public async Task A_reference_in_any_case_finds_the_course(string url)
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync(url);
        Assert.Contains("CRM - fondamentaux et enjeux", page, StringComparison.Ordinal);
        Assert.Contains("rel=\"canonical\" href=\"/formations/RCL-RCL-02\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/formations/XYZ-404")]
    [InlineData("/formations/%3Cscript%3E")]
    [InlineData("/formations/" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/formations/RCL-RCL-02/inconnu")]
    [InlineData("/nulle-part")]
    public async Task An_unknown_course_or_page_is_a_French_404(string url)
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync(url, HttpStatusCode.NotFound);
        Assert.Contains("Page introuvable", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strategie")]
    [InlineData("stratégie")]
    [InlineData("STRATÉGIE")]
    [InlineData("stratégies")]
    [InlineData("enjeux CRM")]
    [InlineData("rcl-rcl-02")]
    public async Task Search_is_French_and_accent_insensitive(string q)
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/formations?q=" + Uri.EscapeDataString(q));
        Assert.Contains("href=\"/formations/RCL-RCL-02\"", page, StringComparison.Ordinal);
        Assert.Contains("Objectif : Utiliser le CRM", page, StringComparison.Ordinal);
        Assert.Contains("INTER 1 190,00 € HT / pers.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("comptabilité analytique")]
    [InlineData("zzzz")]
    public async Task A_search_that_matches_nothing_says_so(string q)
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/formations?q=" + Uri.EscapeDataString(q));
        Assert.Contains("Aucune formation ne correspond à votre recherche", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/formations/RCL-RCL-02\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_a_search_term_is_shown_as_text_never_run()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/formations?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/formations?page=abc")]
    [InlineData("/formations?page=-1")]
    [InlineData("/formations?page=99999999999999999999")]
    [InlineData("/formations?page=9999")]
    [InlineData("/formations?duree=x&format=%00&domaine=..%2F..")]
    [InlineData("/formations?q=%00%01%02")]
    [InlineData("/formations?q=%27%3B%20DROP%20TABLE%20courses%3B--")]
    public async Task Malformed_query_strings_never_give_a_500(string url)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Filters_by_domain_duration_and_format_keep_the_course_when_it_fits()
    {
        using var client = app.NewClient();
        Assert.Contains("RCL-RCL-02", await client.GetPageAsync("/formations?domaine=relation-client-relation-clients&duree=2&format=inter"), StringComparison.Ordinal);
        Assert.Contains("RCL-RCL-02", await client.GetPageAsync("/formations?format=intra"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/formations/RCL-RCL-02\"", await client.GetPageAsync("/formations?duree=1"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/formations/RCL-RCL-02\"", await client.GetPageAsync("/formations?duree=3"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/formations/RCL-RCL-02\"", await client.GetPageAsync("/formations?domaine=inconnu"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CGV_page_shows_LEXOM_terms_from_the_source_document()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/cgv");
        Assert.Contains("<h2>II. Proposition commerciale Description des services commandés / contrat définitif</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h3>3.5. Cas d'annulation</h3>", page, StringComparison.Ordinal);
        Assert.Contains("La proposition commerciale a une durée de validité de 30 jours à compter de son émission.", page, StringComparison.Ordinal);
        Assert.Contains("dpo@lexom.fr", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task G3_privacy_page_gives_the_DPO_address_and_the_rights()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/confidentialite");
        Assert.Contains("mailto:dpo@lexom.fr", page, StringComparison.Ordinal);
        Assert.Contains("5 ans", page, StringComparison.Ordinal);
        Assert.Contains("portabilité", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_lists_the_domains_and_health_answers()
    {
        using var client = app.NewClient();
        var home = await client.GetPageAsync("/");
        Assert.Contains("RELATION CLIENT - RELATION CLIENTS", home, StringComparison.Ordinal);
        Assert.Equal("OK", await client.GetPageAsync("/health"));
    }

    [Fact]
    public async Task The_proposal_request_page_names_the_course()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/demande-de-proposition?formation=rcl-rcl-02");
        Assert.Contains("CRM - fondamentaux et enjeux", page, StringComparison.Ordinal);
        await client.GetPageAsync("/demande-de-proposition?formation=%3Cb%3E");
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers_and_speaks_French()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/formations");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("<html lang=\"fr\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
