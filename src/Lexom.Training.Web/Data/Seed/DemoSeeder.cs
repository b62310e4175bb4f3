using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Data.Seed;

/// <summary>
/// The demo of ./lexom run only (never in Production): demo accounts, sample courses clearly marked
/// "[Exemple]" for trying search and filters, and a few upcoming INTER sessions.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IOptions<LexomOptions> options, ILogger<DemoSeeder> logger)
{
    public sealed record DemoAccount(string Email, string Password, string Role, string DisplayName);

    /// <summary>Printed by ./lexom run. Demo only: these accounts never exist outside the demo mode.</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@lexom.demo", "lexom-demo-gestion-2026", Roles.Admin, "Alice Administratrice"),
        new("commercial@lexom.demo", "lexom-demo-ventes-2026", Roles.Sales, "Bruno Commercial"),
        new("client@exemple.demo", "lexom-demo-espace-2026", Roles.Client, "Claire Cliente"),
        new("formateur@lexom.demo", "lexom-demo-emargement-2026", Roles.Trainer, "Fabien Formateur"),
    ];

    public const string SamplePrefix = "[Exemple] ";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null) continue;
            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                CreatedAt = clock.GetUtcNow(),
                // The demo client belongs to a demo company, so that its client space is not empty of sense.
                ClientId = account.Role == Roles.Client ? (await DemoCompanyAsync(account, cancellationToken)).Id : null,
            };
            var created = await users.CreateAsync(user, account.Password);
            if (!created.Succeeded)
                throw new InvalidOperationException("Compte de démonstration refusé : " + string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, account.Role);
        }

        if (!await db.Courses.AnyAsync(c => c.IsSample, cancellationToken))
        {
            await SeedSampleCoursesAsync(cancellationToken);
            logger.LogInformation("Formations d'exemple créées pour la démonstration");
        }
        await SeedDemoDraftAsync(cancellationToken);
        PrintBanner();
    }

    /// <summary>The demo client's company (a valid SIRET of the demo, clearly a sample name).</summary>
    private async Task<Domain.Clients.Client> DemoCompanyAsync(DemoAccount account, CancellationToken cancellationToken)
    {
        const string siret = "73282932000074";
        var company = await db.Clients.SingleOrDefaultAsync(c => c.Siret == siret, cancellationToken);
        if (company is null)
        {
            company = Domain.Clients.Client.Company(Guid.NewGuid(), "[Exemple] Coteaux de l'Ardèche SCA", siret, null, account.DisplayName, account.Email,
                "04 75 00 00 01", new Domain.Clients.PostalAddress("1245 route départementale 579", null, "07150", "Vallon-Pont-d'Arc"), clock.GetUtcNow());
            db.Clients.Add(company);
            await db.SaveChangesAsync(cancellationToken);
        }
        return company;
    }

    /// <summary>
    /// A complete draft of RCL-RCL-02 for the demo company, prepared by the demo sales person: « Émettre » it from
    /// /gestion/propositions, then accept it as the demo client in the client space.
    /// </summary>
    private async Task SeedDemoDraftAsync(CancellationToken cancellationToken)
    {
        var company = await db.Clients.SingleOrDefaultAsync(c => c.Siret == "73282932000074", cancellationToken);
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == "RCL-RCL-02", cancellationToken);
        var sales = await users.FindByEmailAsync(Accounts[1].Email);
        if (company is null || course?.InterPricePerParticipant is not { } price || sales is null
            || await db.Proposals.AnyAsync(p => p.ClientId == company.Id, cancellationToken)) return;
        var start = NextMonday(clock.Today().AddDays(28));
        var draft = Domain.Proposals.Proposal.Draft(Guid.NewGuid(), Domain.PayerKind.Company, Domain.SalesChannel.Staff, Domain.TrainingKind.Inter,
            Features.Proposals.ProposalDrafts.Snapshot(course), Domain.Values.Percentage.Of(options.Value.DepositRate), clock.Today(), company.Id);
        draft.AddLine(Guid.NewGuid(), $"Formation {course.Reference} « {course.Title} » — INTER, par participant", 2, Domain.Values.Money.Euros(price));
        draft.AddParticipant(Guid.NewGuid(), "Claire Cliente");
        draft.AddParticipant(Guid.NewGuid(), null);
        draft.AddSession(start, start.AddDays(Math.Max(0, (int)Math.Ceiling(course.DurationDays) - 1)));
        draft.SetPlace("LEXOM, Aubenas (07)");
        draft.SetBillingAddress(company.BillingAddress.ToString());
        db.Proposals.Add(draft);
        db.Entry(draft).Property<string>(Configurations.ProposalConfiguration.CourseReference).CurrentValue = course.Reference;
        db.Entry(draft).Property<Guid?>(Configurations.ProposalConfiguration.CreatedBy).CurrentValue = sales.Id;
        Features.Proposals.ProposalDrafts.KeepOrder(db, draft);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Proposition de démonstration en brouillon pour {Client}", company.Name);
    }

    /// <summary>What ./lexom run shows: where to go and with which accounts.</summary>
    private void PrintBanner()
    {
        var lines = new List<string>
        {
            "",
            "  LEXOM Formation (démonstration) : " + options.Value.PublicBaseUrl,
            "  Catalogue : " + options.Value.PublicBaseUrl + "/formations/RCL-RCL-02",
            "  Comptes de démonstration :",
        };
        lines.AddRange(Accounts.Select(a => $"    {Roles.Label(a.Role),-15} {a.Email,-26} mot de passe : {a.Password}"));
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    private async Task SeedSampleCoursesAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var domains = new Dictionary<string, CatalogDomain>
        {
            [CatalogSeeder.RelationClientDomain] = await db.CatalogDomains.SingleAsync(d => d.Name == CatalogSeeder.RelationClientDomain, cancellationToken),
        };
        foreach (var (name, position) in SampleDomains)
        {
            var existing = await db.CatalogDomains.SingleOrDefaultAsync(d => d.Name == name, cancellationToken);
            if (existing is null)
            {
                existing = new CatalogDomain(name, Slugs.From(name), position);
                db.CatalogDomains.Add(existing);
            }
            domains[name] = existing;
        }

        var number = 0;
        foreach (var (domainName, code, titles) in SampleTitles)
        {
            var n = 0;
            foreach (var title in titles)
            {
                n++;
                number++;
                var days = 1 + (number % 3);
                var content = new CourseContent(
                    Title: SamplePrefix + title,
                    DomainId: domains[domainName].Id,
                    DurationDays: days,
                    DurationHours: days * 7,
                    Objectives: [$"Comprendre les bases : {title.ToLowerInvariant()}", "Mettre en pratique sur des cas concrets", "Construire son plan d'action"],
                    ProgrammeIntro: "A l'issue de la formation, les participants seront préparés à :",
                    Prerequisites: "Aucun prérequis.",
                    Audience: "Toute personne concernée par le sujet.",
                    PedagogicalMethods: ["apports théoriques", "exercices pratiques", "échanges avec le formateur"],
                    EvaluationMethods: ["cas pratique final", "quiz d'évaluation des acquis"],
                    AttestationStatement: "une attestation de formation reprenant l'ensemble des objectifs pédagogiques sera délivrée à chaque participant à l'issue de la formation.",
                    InterPricePerParticipant: number % 4 == 0 ? null : 490m + (days * 350m),
                    IntraPricePerDay: number % 5 == 0 && number % 4 != 0 ? null : 1200m + (number % 3 * 150m),
                    MaxParticipants: 8 + (number % 5),
                    Accessibility: "Accessible aux personnes en situation de handicap, sur demande.",
                    AccessConditions: "Inscription jusqu'à 7 jours avant le début.",
                    Contact: "formation@lexom.fr");
                var course = new Course($"EX-{code}-{n:00}", content, today, isSample: true);
                for (var d = 1; d <= days; d++)
                {
                    course.SetProgrammeDay(new ProgrammeDay(d,
                    [
                        new(HalfDayPeriod.Matin, [new((d * 2) - 1, $"Séquence {(d * 2) - 1} : découvrir", ["Apports", "Exemples"])]),
                        new(HalfDayPeriod.ApresMidi, [new(d * 2, $"Séquence {d * 2} : pratiquer", ["Exercices", "Débriefing"])]),
                    ]), today);
                }
                if (number % 7 != 0) course.Publish(today);
                db.Courses.Add(course);
            }
        }

        // A few upcoming INTER sessions, so that the course pages show dates.
        var crm = await db.Courses.SingleAsync(c => c.Reference == CatalogSeeder.CrmReference, cancellationToken);
        var firstMonday = NextMonday(today.AddDays(21));
        db.CourseSessions.Add(CourseSession.Plan(Guid.NewGuid(), crm, SessionKind.Inter, null, firstMonday, firstMonday.AddDays(1), "LEXOM, Aubenas (07)", today));
        db.CourseSessions.Add(CourseSession.Plan(Guid.NewGuid(), crm, SessionKind.Inter, null, firstMonday.AddDays(49), firstMonday.AddDays(50), "LEXOM, Lyon (69)", today));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateOnly NextMonday(DateOnly from) =>
        from.AddDays(((int)DayOfWeek.Monday - (int)from.DayOfWeek + 7) % 7);

    private static readonly (string Name, int Position)[] SampleDomains =
    [
        ("MANAGEMENT - ENCADREMENT", 20),
        ("VENTE - NÉGOCIATION", 30),
        ("BUREAUTIQUE - OUTILS NUMÉRIQUES", 40),
        ("EFFICACITÉ PROFESSIONNELLE", 50),
    ];

    private static readonly (string Domain, string Code, string[] Titles)[] SampleTitles =
    [
        (CatalogSeeder.RelationClientDomain, "RCL", ["Accueil téléphonique de qualité", "Gérer les réclamations clients", "Fidéliser sa clientèle", "Mesurer la satisfaction client"]),
        ("MANAGEMENT - ENCADREMENT", "MAN", ["Manager une équipe pour la première fois", "Conduire un entretien annuel", "Déléguer efficacement", "Gérer les conflits en équipe", "Animer une réunion productive"]),
        ("VENTE - NÉGOCIATION", "VEN", ["Techniques de vente en face à face", "Négocier avec les acheteurs", "Prospection téléphonique", "Réussir ses rendez-vous commerciaux"]),
        ("BUREAUTIQUE - OUTILS NUMÉRIQUES", "BUR", ["Excel : tableaux croisés dynamiques", "Word : documents longs", "Outils collaboratifs en ligne", "Stratégie de présence sur les réseaux sociaux"]),
        ("EFFICACITÉ PROFESSIONNELLE", "EFF", ["Gestion du temps et des priorités", "Prise de parole en public", "Écrits professionnels efficaces", "Gestion du stress au travail"]),
    ];
}
