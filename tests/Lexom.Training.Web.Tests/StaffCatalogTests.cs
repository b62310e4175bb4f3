using System.Net;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests;

/// <summary>/gestion/catalogue: who may see it, who may change it, and a course's full round trip.</summary>
public sealed class StaffCatalogTests(LexomApp app) : IClassFixture<LexomApp>
{
    private static (string, string)[] NewCourse(string reference, string title = "Piloter un projet CRM") =>
    [
        ("Reference", reference), ("Title", title), ("DomainId", ""), ("DurationDays", "1,5"), ("DurationHours", "10,5"),
        ("Objectives", "Cadrer le projet\nChoisir l'outil\n\n"), ("ProgrammeIntro", "A l'issue de la formation, les participants seront préparés à :"),
        ("Prerequisites", "Connaître les bases du CRM"), ("Audience", "Chefs de projet"),
        ("PedagogicalMethods", "apports\nateliers"), ("EvaluationMethods", "quiz"), ("AttestationStatement", "une attestation sera délivrée."),
        ("InterPricePerParticipant", "890,50"), ("IntraPricePerDay", ""), ("MaxParticipants", "8"),
        ("Accessibility", "Sur demande"), ("AccessConditions", "Sous 15 jours"), ("Contact", "formation@lexom.fr"), ("Version", "0"),
    ];

    private async Task<string> RelationClientDomainIdAsync()
    {
        await using var db = app.OpenDb();
        return (await db.CatalogDomains.SingleAsync(d => d.Slug == "relation-client-relation-clients")).Id.ToString();
    }

    private async Task<(string, string)[]> NewCourseWithDomainAsync(string reference, string title = "Piloter un projet CRM")
    {
        var domain = await RelationClientDomainIdAsync();
        return NewCourse(reference, title).Select(f => f.Item1 == "DomainId" ? ("DomainId", domain) : f).ToArray();
    }

    [Theory]
    [InlineData("/gestion")]
    [InlineData("/gestion/catalogue")]
    [InlineData("/gestion/catalogue/nouvelle")]
    [InlineData("/gestion/catalogue/RCL-RCL-02")]
    [InlineData("/gestion/catalogue/RCL-RCL-02/modifier")]
    [InlineData("/gestion/catalogue/domaines")]
    public async Task Staff_pages_send_anonymous_visitors_to_the_login(string url)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/gestion")]
    [InlineData("/gestion/catalogue")]
    [InlineData("/gestion/catalogue/RCL-RCL-02")]
    public async Task Staff_pages_refuse_clients(string url)
    {
        using var client = await app.SignedInAsync(Roles.Client);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sales_read_the_catalog_but_cannot_change_it()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var list = await sales.GetPageAsync("/gestion/catalogue");
        Assert.Contains("RCL-RCL-02", list, StringComparison.Ordinal);
        Assert.Contains("Consultation seule", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Nouvelle formation", list, StringComparison.Ordinal);

        using var edit = await sales.GetAsync("/gestion/catalogue/RCL-RCL-02/modifier");
        Assert.StartsWith("/compte/acces-refuse", edit.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var unpublish = await sales.PostFormAsync("/gestion/catalogue/RCL-RCL-02", "/gestion/catalogue/RCL-RCL-02/depublier");
        Assert.StartsWith("/compte/acces-refuse", unpublish.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        await using var db = app.OpenDb();
        Assert.Equal(CourseStatus.Published, (await db.Courses.SingleAsync(c => c.Reference == "RCL-RCL-02")).Status);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await admin.Http.PostAsync("/gestion/catalogue/RCL-RCL-02/depublier", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(CourseStatus.Published, (await db.Courses.SingleAsync(c => c.Reference == "RCL-RCL-02")).Status);
    }

    [Fact]
    public async Task An_admin_creates_edits_fills_the_programme_and_publishes_a_course()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        var fields = await NewCourseWithDomainAsync("crm-proj-01");

        using (var created = await admin.PostFormAsync("/gestion/catalogue/nouvelle", "/gestion/catalogue/nouvelle", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/gestion/catalogue/CRM-PROJ-01", created.Headers.Location!.OriginalString);
        }
        await using (var db = app.OpenDb())
        {
            var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Reference == "CRM-PROJ-01");
            Assert.Equal(CourseStatus.Draft, course.Status);
            Assert.Equal(1.5m, course.DurationDays);
            Assert.Equal(890.50m, course.InterPricePerParticipant);
            Assert.Null(course.IntraPricePerDay);
            Assert.Equal(["Cadrer le projet", "Choisir l'outil"], course.Objectives);
        }

        // LW6: no programme yet, so it cannot be published.
        using (var refused = await admin.PostFormAsync("/gestion/catalogue/CRM-PROJ-01", "/gestion/catalogue/CRM-PROJ-01/publier"))
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Publication impossible, il manque : le programme", await admin.GetPageAsync("/gestion/catalogue/CRM-PROJ-01"), StringComparison.Ordinal);
        using (var anon = app.NewClient())
            await anon.GetPageAsync("/formations/CRM-PROJ-01", HttpStatusCode.NotFound);

        using (var day = await admin.PostFormAsync("/gestion/catalogue/CRM-PROJ-01/programme/jour/1", "/gestion/catalogue/CRM-PROJ-01/programme/jour/1",
            ("Morning[0].Number", "1"), ("Morning[0].Title", "Cadrer le projet"), ("Morning[0].Topics", "Objectifs\nParties prenantes"),
            ("Morning[1].Number", "2"), ("Morning[1].Title", ""), ("Morning[1].Topics", ""),
            ("Afternoon[0].Number", "2"), ("Afternoon[0].Title", "Choisir l'outil"), ("Afternoon[0].Topics", "Cahier des charges")))
        {
            Assert.Equal(HttpStatusCode.Redirect, day.StatusCode);
        }

        var edit = (await NewCourseWithDomainAsync("CRM-PROJ-01", "Piloter un projet CRM, de A à Z")).ToList();
        edit.RemoveAll(f => f.Item1 == "Version");
        var form = await admin.GetPageAsync("/gestion/catalogue/CRM-PROJ-01/modifier");
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        edit.Add(("Version", version));
        using (var edited = await admin.PostFormAsync("/gestion/catalogue/CRM-PROJ-01/modifier", "/gestion/catalogue/CRM-PROJ-01/modifier", edit.ToArray()))
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        using (var published = await admin.PostFormAsync("/gestion/catalogue/CRM-PROJ-01", "/gestion/catalogue/CRM-PROJ-01/publier"))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync("/formations/crm-proj-01");
        Assert.Contains("Formation publiée", await admin.GetPageAsync("/gestion/catalogue/CRM-PROJ-01"), StringComparison.Ordinal);
        Assert.Contains("Piloter un projet CRM, de A à Z", page, StringComparison.Ordinal);
        Assert.Contains("Jour 1 - Matin", page, StringComparison.Ordinal);
        Assert.Contains("1. Cadrer le projet", page, StringComparison.Ordinal);
        Assert.Contains("Jour 1 - Après-midi", page, StringComparison.Ordinal);
        Assert.Contains("Parties prenantes", page, StringComparison.Ordinal);
        Assert.Contains("890,50 € HT", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/formations/CRM-PROJ-01\"", await visitor.GetPageAsync("/formations?q=parties%20prenantes"), StringComparison.Ordinal);

        // Unpublished, the course leaves the public catalog at once.
        using (var unpublished = await admin.PostFormAsync("/gestion/catalogue/CRM-PROJ-01", "/gestion/catalogue/CRM-PROJ-01/depublier"))
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        await visitor.GetPageAsync("/formations/CRM-PROJ-01", HttpStatusCode.NotFound);
        Assert.DoesNotContain("CRM-PROJ-01", await visitor.GetPageAsync("/formations?q=parties%20prenantes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_reference_is_refused_with_a_clear_message()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await admin.PostFormAsync("/gestion/catalogue/nouvelle", "/gestion/catalogue/nouvelle", await NewCourseWithDomainAsync("rcl-rcl-02", "Doublon"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("La référence RCL-RCL-02 existe déjà", await TestClient.BodyAsync(response), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Courses.CountAsync(c => c.Reference == "RCL-RCL-02"));
        Assert.False(await db.Courses.AnyAsync(c => c.Title == "Doublon"));
    }

    [Fact]
    public async Task Missing_oversized_or_malformed_fields_show_French_messages_and_write_nothing()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        var fields = (await NewCourseWithDomainAsync("BAD-01")).ToDictionary(f => f.Item1, f => f.Item2);
        fields["Title"] = "";
        fields["DurationDays"] = "deux";
        fields["MaxParticipants"] = "5000";
        fields["Prerequisites"] = new string('x', 5000);
        fields["DomainId"] = "pas-un-guid";
        using var response = await admin.PostFormAsync("/gestion/catalogue/nouvelle", "/gestion/catalogue/nouvelle", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestClient.BodyAsync(response);
        Assert.Contains("Le formulaire n'a pas été enregistré", body, StringComparison.Ordinal);
        Assert.Contains("L'intitulé est obligatoire.", body, StringComparison.Ordinal);
        Assert.Contains("Le nombre maximum de participants est compris entre 1 et 200.", body, StringComparison.Ordinal);
        Assert.Contains("Pré-requis : 4000 caractères au plus.", body, StringComparison.Ordinal);
        Assert.Contains("« deux »", body, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.False(await db.Courses.AnyAsync(c => c.Reference == "BAD-01"));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_instead_of_overwriting_a_colleague()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        using (var created = await admin.PostFormAsync("/gestion/catalogue/nouvelle", "/gestion/catalogue/nouvelle", await NewCourseWithDomainAsync("CONC-01")))
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var form = await admin.GetPageAsync("/gestion/catalogue/CONC-01/modifier");
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        var first = (await NewCourseWithDomainAsync("CONC-01", "Première modification")).Where(f => f.Item1 != "Version").Append(("Version", version)).ToArray();
        using (var ok = await admin.PostFormAsync("/gestion/catalogue/CONC-01/modifier", "/gestion/catalogue/CONC-01/modifier", first))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var second = (await NewCourseWithDomainAsync("CONC-01", "Seconde modification")).Where(f => f.Item1 != "Version").Append(("Version", version)).ToArray();
        using var stale = await admin.PostFormAsync("/gestion/catalogue/CONC-01/modifier", "/gestion/catalogue/CONC-01/modifier", second);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("modifiée par quelqu'un d'autre", await TestClient.BodyAsync(stale), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal("Première modification", (await db.Courses.SingleAsync(c => c.Reference == "CONC-01")).Title);
    }

    [Fact]
    public async Task Domains_are_created_and_a_duplicate_name_is_refused()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        using (var created = await admin.PostFormAsync("/gestion/catalogue/domaines", "/gestion/catalogue/domaines", ("Name", "Qualité - Sécurité"), ("Position", "60")))
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var duplicate = await admin.PostFormAsync("/gestion/catalogue/domaines", "/gestion/catalogue/domaines", ("Name", "Qualité - Sécurité"), ("Position", "70"));
        Assert.Contains("Le domaine « Qualité - Sécurité » existe déjà.", await TestClient.BodyAsync(duplicate), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal("qualite-securite", (await db.CatalogDomains.SingleAsync(d => d.Name == "Qualité - Sécurité")).Slug);
    }
}
