using Lexom.Training.Domain.Catalog;

namespace Lexom.Training.Domain.Tests.Catalog;

public class CourseTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Domain = Guid.NewGuid();

    private static CourseContent Content(
        string title = "CRM - fondamentaux et enjeux", decimal? inter = 1190m, decimal? intra = null,
        string prerequisites = "Aucune", string[]? objectives = null, int? max = 10) => new(
        title, Domain, 2, 14, objectives ?? ["Utiliser le CRM", "Identifier les enjeux du CRM"], "A l'issue de la formation :",
        prerequisites, "Toute personne", ["présentations"], ["cas pratiques"], "une attestation sera délivrée",
        inter, intra, max, "Sur demande", "Sous 15 jours", "formation@lexom.fr");

    private static ProgrammeDay Day(int n, string module = "Définir le CRM") =>
        new(n, [new(HalfDayPeriod.Matin, [new(n, module, ["Faire face à la concurrence"])])]);

    private static Course Publishable()
    {
        var course = new Course("rcl-rcl-02", Content(), Today);
        course.SetProgrammeDay(Day(1), Today);
        return course;
    }

    [Theory]
    [InlineData("RCL-RCL-02", "RCL-RCL-02")]
    [InlineData(" rcl-rcl-02 ", "RCL-RCL-02")]
    [InlineData("A1", "A1")]
    public void A_reference_is_stored_in_capitals(string given, string stored) =>
        Assert.Equal(stored, new Course(given, Content(), Today).Reference);

    [Theory]
    [InlineData("")]
    [InlineData("RCL RCL 02")]
    [InlineData("-RCL")]
    [InlineData("RCL--02")]
    [InlineData("RÉF-01")]
    [InlineData("<script>")]
    [InlineData("ABCDEFGHIJ-ABCDEFGHIJ-ABCDEFGHIJ")]
    public void A_malformed_reference_is_refused_in_French(string reference)
    {
        var ex = Assert.Throws<DomainException>(() => new Course(reference, Content(), Today));
        Assert.Contains("La référence", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_course_is_a_draft_dated_today_with_rounded_prices()
    {
        var course = new Course("X-1", Content(inter: 1190.005m, intra: 1450m), Today);
        Assert.Equal(CourseStatus.Draft, course.Status);
        Assert.Equal(Today, course.LastUpdatedOn);
        Assert.Equal(1190.01m, course.InterPricePerParticipant);
        Assert.True(course.OffersInter);
        Assert.True(course.OffersIntra);
    }

    [Fact]
    public void Blank_list_items_are_dropped_and_text_is_trimmed()
    {
        var course = new Course("X-1", Content(title: "  Titre  ", objectives: [" Un ", "", "  ", "Deux"]), Today);
        Assert.Equal("Titre", course.Title);
        Assert.Equal(["Un", "Deux"], course.Objectives);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void M_participants_maximum_stays_between_1_and_200(int max) =>
        Assert.Throws<DomainException>(() => new Course("X-1", Content(max: max), Today));

    [Fact]
    public void A_title_is_required() =>
        Assert.Equal("L'intitulé est obligatoire.", Assert.Throws<DomainException>(() => new Course("X-1", Content(title: " "), Today)).Message);

    [Fact]
    public void LW6_a_course_without_programme_cannot_be_published()
    {
        var course = new Course("X-1", Content(), Today);
        var ex = Assert.Throws<DomainException>(() => course.Publish(Today));
        Assert.Equal("LW6", ex.RuleId);
        Assert.Equal("Publication impossible, il manque : le programme.", ex.Message);
        Assert.Equal(CourseStatus.Draft, course.Status);
    }

    [Fact]
    public void LW6_a_course_without_price_prerequisites_or_objectives_cannot_be_published()
    {
        var course = new Course("X-1", Content(inter: null, intra: null, prerequisites: "", objectives: []), Today);
        course.SetProgrammeDay(Day(1), Today);
        var ex = Assert.Throws<DomainException>(() => course.Publish(Today));
        Assert.Contains("les objectifs", ex.Message, StringComparison.Ordinal);
        Assert.Contains("les prérequis", ex.Message, StringComparison.Ordinal);
        Assert.Contains("le prix", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LW6_a_complete_course_is_published_and_its_update_date_moves()
    {
        var course = Publishable();
        var later = Today.AddDays(10);
        course.Publish(later);
        Assert.True(course.IsPublished);
        Assert.Equal(later, course.LastUpdatedOn);
        Assert.Throws<DomainException>(() => course.Publish(later));
    }

    [Fact]
    public void LW6_a_published_course_cannot_lose_a_required_section()
    {
        var course = Publishable();
        course.Publish(Today);
        var ex = Assert.Throws<DomainException>(() => course.Edit(Content(inter: null), Today));
        Assert.Equal("LW6", ex.RuleId);
        Assert.Equal(1190m, course.InterPricePerParticipant);
    }

    [Fact]
    public void Unpublishing_a_draft_is_refused_not_ignored() =>
        Assert.Throws<DomainException>(() => new Course("X-1", Content(), Today).Unpublish(Today));

    [Fact]
    public void Programme_days_are_added_in_order_replaced_and_removed_with_renumbering()
    {
        var course = Publishable();
        course.SetProgrammeDay(Day(2, "Analyser ses clients"), Today);
        course.SetProgrammeDay(Day(3, "Mettre en oeuvre"), Today);
        course.SetProgrammeDay(Day(2, "Gérer les bases de données"), Today);
        Assert.Equal("Gérer les bases de données", course.Programme[1].HalfDays[0].Modules[0].Title);

        Assert.Throws<DomainException>(() => course.SetProgrammeDay(Day(5), Today));
        course.RemoveProgrammeDay(2, Today);
        Assert.Equal([1, 2], course.Programme.Select(d => d.DayNumber));
        Assert.Equal("Mettre en oeuvre", course.Programme[1].HalfDays[0].Modules[0].Title);
    }

    [Fact]
    public void A_day_with_the_same_half_day_twice_is_refused()
    {
        var course = Publishable();
        var twice = new ProgrammeDay(2, [new(HalfDayPeriod.Matin, []), new(HalfDayPeriod.Matin, [])]);
        Assert.Throws<DomainException>(() => course.SetProgrammeDay(twice, Today));
    }

    [Fact]
    public void The_search_text_is_accent_free_and_covers_objectives_and_topics()
    {
        var course = new Course("RCL-RCL-02", Content(objectives: ["Prioriser le capital client au centre de la stratégie"]), Today);
        course.SetProgrammeDay(new ProgrammeDay(1, [new(HalfDayPeriod.ApresMidi, [new(6, "Mettre en œuvre un CRM", ["Différents CRM"])])]), Today);
        Assert.Contains("strategie", course.SearchText, StringComparison.Ordinal);
        Assert.Contains("mettre en oeuvre un crm", course.SearchText, StringComparison.Ordinal);
        Assert.Contains("differents crm", course.SearchText, StringComparison.Ordinal);
        Assert.DoesNotContain("é", course.SearchText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RELATION CLIENT - RELATION CLIENTS", "relation-client-relation-clients")]
    [InlineData("Qualité, Sécurité & Environnement", "qualite-securite-environnement")]
    [InlineData("  Œnologie  ", "oenologie")]
    public void Slugs_are_accent_free_lower_case_words_joined_by_dashes(string name, string slug)
    {
        Assert.Equal(slug, Slugs.From(name));
        Assert.True(Slugs.IsValid(slug));
    }

    [Fact]
    public void Half_days_are_named_as_the_catalog_names_them()
    {
        Assert.Equal("Matin", HalfDayPeriod.Matin.Label());
        Assert.Equal("Après-midi", HalfDayPeriod.ApresMidi.Label());
    }
}
