using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Data.Seed;

/// <summary>
/// LEXOM's real catalog: the course RCL-RCL-02 reproduced word for word from the catalog page
/// (shared/seed/000_326ec235e028d24b.txt). Seeded in every environment when absent; a course that
/// staff have since edited is never overwritten.
/// </summary>
public sealed class CatalogSeeder(AppDbContext db, TimeProvider clock)
{
    public const string RelationClientDomain = "RELATION CLIENT - RELATION CLIENTS";
    public const string CrmReference = "RCL-RCL-02";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var domain = await db.CatalogDomains.SingleOrDefaultAsync(d => d.Name == RelationClientDomain, cancellationToken);
        if (domain is null)
        {
            domain = new CatalogDomain(RelationClientDomain, Slugs.From(RelationClientDomain), position: 10);
            db.CatalogDomains.Add(domain);
        }

        if (!await db.Courses.AnyAsync(c => c.Reference == CrmReference, cancellationToken))
        {
            var course = new Course(CrmReference, CrmContent(domain.Id), clock.Today());
            foreach (var day in CrmProgramme())
                course.SetProgrammeDay(day, clock.Today());
            course.Publish(clock.Today());
            db.Courses.Add(course);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The catalog page of RCL-RCL-02, word for word; the few LW6 fields the page lacks are marked.</summary>
    public static CourseContent CrmContent(Guid domainId) => new(
        Title: "CRM - fondamentaux et enjeux",
        DomainId: domainId,
        DurationDays: 2,
        // Plausible value, not in the catalog page: 2 days of 7 hours.
        DurationHours: 14,
        Objectives:
        [
            "Utiliser le CRM",
            "Prioriser le capital client au centre de la stratégie",
            "Identifier les enjeux du CRM",
        ],
        ProgrammeIntro: "A l'issue de la formation, les participants seront préparés à :",
        Prerequisites: "Aucune connaissance préalable n'est requise pour suivre cette formation",
        Audience: "Toute personne souhaitant découvrir le CRM",
        PedagogicalMethods:
        [
            "présentations théoriques : concepts, outils et méthodes",
            "analyse d'articles/documents professionnels",
            "étude de cas pratiques issus des situations client",
            "interactivité avec le formateur",
        ],
        EvaluationMethods:
        [
            "réalisation de cas pratiques",
            "mise en application des méthodes",
        ],
        AttestationStatement: "une attestation de formation reprenant l'ensemble des objectifs pédagogiques sera délivrée à chaque participant à l'issue de la formation.",
        // PLAUSIBLE VALUES, not in the catalog page, to be confirmed by LEXOM (the INTER price is the
        // spec's worked example): prices, maximum participants, accessibility, access conditions, contact.
        InterPricePerParticipant: 1190.00m,
        IntraPricePerDay: 1450.00m,
        MaxParticipants: 10,
        Accessibility: "Formation accessible aux personnes en situation de handicap : contactez notre référente handicap avant l'inscription pour adapter les modalités (locaux, supports, rythme).",
        AccessConditions: "Inscription sur proposition commerciale signée « BON POUR ACCORD » et acompte de 30 %. Sessions INTER : inscription jusqu'à 7 jours avant le début, dans la limite des places. INTRA : démarrage possible sous 3 à 4 semaines après l'accord.",
        Contact: "Service formation LEXOM : formation@lexom.fr, 04 75 00 00 00 (du lundi au vendredi, 9 h - 17 h).");

    public static IReadOnlyList<ProgrammeDay> CrmProgramme() =>
    [
        new(1,
        [
            new(HalfDayPeriod.Matin,
            [
                new(1, "Définir le CRM",
                [
                    "Faire face à la concurrence",
                    "Multiplications des attentes des consommateurs",
                    "Effets des nouvelles technologies",
                ]),
                new(2, "Développer la relation client",
                [
                    "Cibler les différentes attentes selon les différents types de clients",
                    "Développer le CA : nouveaux clients et fidélisation",
                ]),
            ]),
            new(HalfDayPeriod.ApresMidi,
            [
                new(3, "Prioriser le client au centre de l'organisation",
                [
                    "Collecte et organisation des données",
                    "Processus de la relation client",
                    "Mettre le client au centre du parcours et des échanges",
                ]),
            ]),
        ]),
        new(2,
        [
            new(HalfDayPeriod.Matin,
            [
                new(4, "Analyser ses clients",
                [
                    "Bien utiliser les données clients",
                    "Segmentation",
                    "Cerner la valeur clients",
                ]),
                new(5, "Gérer les bases de données",
                [
                    "Mettre en place et faire évoluer sa BDD",
                    "Faire vivre sa BDD",
                    "Qualifier sa BDD pour une meilleure utilisation",
                ]),
            ]),
            new(HalfDayPeriod.ApresMidi,
            [
                new(6, "Mettre en oeuvre un CRM",
                [
                    "Cerner les objectifs",
                    "Organiser les postes, les données. Former le personnel",
                    "Différents CRM",
                ]),
            ]),
        ]),
    ];
}
