using System.Text.Json;
using System.Text.Json.Serialization;
using Bogus;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.DataGenerator;

/// <summary>The generated history, in memory, consistent before it is copied.</summary>
public sealed class DataSet(double scale, int seed)
{
    /// <summary>The bench sales person and admin (created by <see cref="Generator"/>): the proposals' authors.</summary>
    public static readonly Guid[] SalesPeople = [Guid.Parse("5a1e5000-0000-4000-8000-000000000001"), Guid.Parse("5a1e5000-0000-4000-8000-000000000002")];

    /// <summary>As the app's jsonb columns (Data/Configurations/JsonColumn): enums as text, accents unescaped.</summary>
    internal static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Random _rng = new(seed);
    private readonly Faker _fr = new("fr") { Random = new Randomizer(seed) };
    private readonly DateOnly _today = DateOnly.FromDateTime(DateTime.UtcNow);

    public List<CatalogDomain> Domains { get; } = [];
    public List<Course> Courses { get; } = [];
    public List<SessionRow> Sessions { get; } = [];
    public List<ClientRow> Clients { get; } = [];
    public List<ProposalRow> Proposals { get; } = [];
    public List<OrderRow> Orders { get; } = [];
    public List<InvoiceRow> Invoices { get; } = [];
    public List<PaymentRow> Payments { get; } = [];
    public Dictionary<(DocumentKind Kind, int Year), int> Counters { get; } = [];

    private int N(int full) => Math.Max(1, (int)Math.Round(full * scale));

    public void Build()
    {
        BuildCatalog();
        BuildSessions();
        BuildClients();
        BuildProposalsAndOrders();
        BuildInvoices();
    }

    private static readonly string[] DomainNames =
    [
        "RELATION CLIENT - RELATION CLIENTS", "MANAGEMENT - ENCADREMENT", "COMMERCIAL - VENTE", "RESSOURCES HUMAINES", "COMPTABILITE - GESTION",
        "BUREAUTIQUE", "COMMUNICATION", "QUALITE - QSE", "DROIT DU TRAVAIL", "MARKETING DIGITAL", "EFFICACITE PROFESSIONNELLE", "LOGISTIQUE - ACHATS",
    ];

    private static readonly string[] Subjects =
    [
        "la négociation commerciale", "le management d'équipe", "la gestion des conflits", "la prise de parole en public", "la relation client à distance",
        "le CRM", "Excel", "la paie", "le droit du travail", "la qualité ISO 9001", "le référencement naturel", "les réseaux sociaux", "la gestion du temps",
        "l'entretien annuel", "le recrutement", "la comptabilité générale", "les achats", "la gestion de projet", "la conduite du changement", "la prospection téléphonique",
        "la fidélisation", "le tableau de bord", "la communication écrite", "l'assertivité", "la gestion du stress", "le service après-vente", "les réclamations clients",
        "la facturation", "le contrôle de gestion", "la sécurité au travail",
    ];

    private static readonly string[] Angles =
    [
        "fondamentaux et enjeux", "perfectionnement", "les bonnes pratiques", "outils et méthodes", "niveau avancé", "pour managers", "en pratique",
        "initiation", "cas pratiques", "mise en œuvre",
    ];

    private static readonly string[] Verbs = ["Identifier", "Maîtriser", "Mettre en œuvre", "Analyser", "Construire", "Prioriser", "Évaluer", "Piloter", "Comprendre", "Utiliser"];

    private static readonly string[] Objects =
    [
        "les enjeux de {0}", "les outils de {0}", "une démarche structurée pour {0}", "les indicateurs clés de {0}", "les situations difficiles liées à {0}",
        "un plan d'action sur {0}", "les erreurs fréquentes dans {0}",
    ];

    private static readonly string[] Cities = ["Valence", "Lyon", "Grenoble", "Paris", "Marseille", "Montélimar", "Romans-sur-Isère", "Annecy", "Saint-Étienne", "Avignon"];

    private void BuildCatalog()
    {
        for (var i = 0; i < DomainNames.Length; i++)
            Domains.Add(new CatalogDomain(DomainNames[i], Slugs.From(DomainNames[i]), position: (i + 1) * 10));

        var n = N(10_000);
        for (var i = 0; i < n; i++)
        {
            var domain = Domains[i % Domains.Count];
            var subject = Subjects[_rng.Next(Subjects.Length)];
            var days = _rng.Next(10) switch { < 3 => 1, < 7 => 2, < 9 => 3, _ => 5 };
            var objectives = Enumerable.Range(0, _rng.Next(3, 6))
                .Select(_ => Verbs[_rng.Next(Verbs.Length)] + " " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Objects[_rng.Next(Objects.Length)], subject))
                .Distinct().ToList();
            var title = char.ToUpperInvariant(subject[0]) + subject[1..] + " - " + Angles[_rng.Next(Angles.Length)];
            var inter = _rng.Next(10) < 8 ? (decimal?)(390 + 50 * _rng.Next(0, 30)) * days / 2 : null;
            var content = new CourseContent(
                Title: title.Length > Course.TitleMaxLength ? title[..Course.TitleMaxLength] : title,
                DomainId: domain.Id,
                DurationDays: days,
                DurationHours: days * 7,
                Objectives: objectives,
                ProgrammeIntro: "A l'issue de la formation, les participants seront préparés à :",
                Prerequisites: _rng.Next(2) == 0 ? "Aucune connaissance préalable n'est requise pour suivre cette formation" : "Avoir une première expérience de " + subject,
                Audience: "Toute personne souhaitant progresser sur " + subject,
                PedagogicalMethods: ["présentations théoriques : concepts, outils et méthodes", "étude de cas pratiques issus des situations des participants", "interactivité avec le formateur"],
                EvaluationMethods: ["réalisation de cas pratiques", "quiz de fin de formation"],
                AttestationStatement: "une attestation de formation reprenant l'ensemble des objectifs pédagogiques sera délivrée à chaque participant à l'issue de la formation.",
                InterPricePerParticipant: inter,
                IntraPricePerDay: inter is null || _rng.Next(3) > 0 ? 1100 + 50 * _rng.Next(0, 20) : null,
                MaxParticipants: _rng.Next(8, 13),
                Accessibility: "Formation accessible aux personnes en situation de handicap : contactez notre référente handicap avant l'inscription.",
                AccessConditions: "Inscription sur proposition commerciale signée et acompte de 30 %. INTRA : démarrage sous 3 à 4 semaines après l'accord.",
                Contact: "Service formation LEXOM : formation@lexom.fr, 04 75 00 00 00.");
            var updated = _today.AddDays(-_rng.Next(0, 900));
            var course = new Course($"{Prefix(domain.Name)}-{Prefix(subject)}-{i + 1:D5}", content, updated);
            for (var d = 1; d <= days; d++)
            {
                course.SetProgrammeDay(new ProgrammeDay(d,
                [
                    new ProgrammeHalfDay(HalfDayPeriod.Matin, [new ProgrammeModule(2 * d - 1, objectives[(2 * d - 2) % objectives.Count], ["Apports théoriques", "Échanges d'expériences"])]),
                    new ProgrammeHalfDay(HalfDayPeriod.ApresMidi, [new ProgrammeModule(2 * d, objectives[(2 * d - 1) % objectives.Count], ["Cas pratiques", "Plan d'action individuel"])]),
                ]), updated);
            }
            // One course in ten is still a draft (LW6: not on the public catalog).
            if (i % 10 != 9) course.Publish(updated);
            Courses.Add(course);
        }
    }

    private static string Prefix(string text)
    {
        var letters = new string(Slugs.Fold(text).Where(char.IsAsciiLetter).ToArray()).ToUpperInvariant();
        return letters.Length >= 3 ? letters[..3] : letters.PadRight(3, 'X');
    }

    private void BuildSessions()
    {
        var inter = Courses.Where(c => c.IsPublished && c.OffersInter).ToList();
        var n = N(5_000);
        for (var i = 0; i < n; i++)
        {
            var course = inter[_rng.Next(inter.Count)];
            // From two years back to eight months ahead: the course pages show the next ones.
            var start = NextWorkingDay(_today.AddDays(_rng.Next(-730, 240)));
            var end = start.AddDays((int)course.DurationDays - 1);
            Sessions.Add(new SessionRow(Guid.NewGuid(), course.Id, course.Reference, start, end, Cities[_rng.Next(Cities.Length)] + " (centre LEXOM)",
                course.MaxParticipants ?? 12, end < _today ? end.AddDays(1) : null));
        }
    }

    private static DateOnly NextWorkingDay(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(2),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };

    private void BuildClients()
    {
        var n = N(50_000);
        var sirets = new HashSet<string>();
        for (var i = 0; i < n; i++)
        {
            var company = i % 5 != 4;
            var contact = _fr.Name.FullName();
            var created = new DateTimeOffset(_today.AddDays(-_rng.Next(30, 1500)).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var city = _fr.Address.City();
            var postal = _rng.Next(1000, 95999).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            if (company)
            {
                string siret;
                do siret = Siret(); while (!sirets.Add(siret));
                var name = _fr.Company.CompanyName();
                var domain = Slugs.From(name).Replace("-", "", StringComparison.Ordinal);
                Clients.Add(new ClientRow(Guid.NewGuid(), "Company", name, siret, null, contact, $"{Slugs.From(contact)}.{i}@{(domain.Length > 20 ? domain[..20] : domain)}.fr",
                    _fr.Phone.PhoneNumber("0# ## ## ## ##"), created, city, _fr.Address.StreetAddress(), postal));
            }
            else
            {
                Clients.Add(new ClientRow(Guid.NewGuid(), "PrivateIndividual", contact, null, null, contact, $"{Slugs.From(contact)}.{i}@exemple.fr",
                    _fr.Phone.PhoneNumber("06 ## ## ## ##"), created, city, _fr.Address.StreetAddress(), postal));
            }
        }
    }

    /// <summary>A SIRET passing the Luhn check.</summary>
    private string Siret()
    {
        var digits = new int[14];
        for (var i = 0; i < 13; i++) digits[i] = _rng.Next(10);
        for (var last = 0; last < 10; last++)
        {
            digits[13] = last;
            var sum = 0;
            for (var i = 0; i < 14; i++)
            {
                var v = digits[i] * (i % 2 == 0 ? 2 : 1);
                sum += v > 9 ? v - 9 : v;
            }
            if (sum % 10 == 0) break;
        }
        return string.Concat(digits);
    }

    private void BuildProposalsAndOrders()
    {
        var names = Enumerable.Range(0, 4000).Select(_ => _fr.Name.FullName()).ToArray();
        var byId = Courses.Where(c => c.IsPublished).ToDictionary(c => c.Id);
        var published = byId.Values.ToList();
        var seatsLeft = Sessions.ToDictionary(s => s.Id, s => s.Capacity);
        var n = N(200_000);
        var orders = N(100_000);
        for (var i = 0; i < n; i++)
        {
            var client = Clients[_rng.Next(Clients.Count)];
            var accepted = i < orders;
            // Half of the accepted INTER proposals are for a planned session: their participants are enrolled in it.
            SessionRow? session = null;
            Course course;
            if (accepted && i % 2 == 0)
            {
                session = Sessions[_rng.Next(Sessions.Count)];
                course = byId[session.CourseId];
            }
            else course = published[_rng.Next(published.Count)];
            var intra = session is null && course.OffersIntra && (!course.OffersInter || _rng.Next(2) == 0);
            var participantCount = intra ? _rng.Next(4, 11) : _rng.Next(1, 4);
            if (session is not null)
            {
                participantCount = Math.Min(participantCount, seatsLeft[session.Id]);
                if (participantCount == 0) { session = null; participantCount = 1; }
                else seatsLeft[session.Id] -= participantCount;
            }
            intra = intra || !course.OffersInter;

            DateOnly starts, ends;
            if (session is not null) (starts, ends) = (session.StartsOn, session.EndsOn);
            else
            {
                starts = NextWorkingDay(_today.AddDays(_rng.Next(-1000, 200)));
                ends = starts.AddDays((int)course.DurationDays - 1);
            }
            var created = starts.AddDays(-_rng.Next(20, 90));
            var status = accepted ? ProposalStatus.Accepted
                : created > _today.AddDays(-5) ? ProposalStatus.Draft
                : created > _today.AddDays(-30) ? ProposalStatus.Issued
                : (i % 3) switch { 0 => ProposalStatus.Declined, _ => ProposalStatus.Expired };
            var issued = status == ProposalStatus.Draft ? (DateOnly?)null : created.AddDays(_rng.Next(0, 3));
            if (issued > _today) issued = _today;
            var acceptedOn = accepted ? issued!.Value.AddDays(_rng.Next(1, 20)) : (DateOnly?)null;
            if (acceptedOn >= starts) acceptedOn = starts.AddDays(-1);
            if (acceptedOn < issued) acceptedOn = issued;

            var lines = new List<LineRow>();
            if (intra)
            {
                var perDay = course.IntraPricePerDay!.Value;
                lines.Add(new LineRow($"Formation INTRA « {course.Title} », {course.DurationDays:0} jour(s)", course.DurationDays, perDay));
                if (_rng.Next(3) == 0) lines.Add(new LineRow("Frais de déplacement du formateur", 1, 180));
            }
            else lines.Add(new LineRow($"Formation INTER « {course.Title} », par participant", participantCount, course.InterPricePerParticipant!.Value));

            var snapshot = new CourseSnapshot(course.Title, course.Reference, course.Objectives, (int)Math.Ceiling(course.DurationDays), course.DurationHours,
                course.MaxParticipants, EvaluationMethods: string.Join(", ", course.EvaluationMethods));
            var proposal = new ProposalRow(Guid.NewGuid(), client.Id, status, client.Kind, intra ? "Intra" : "Inter",
                JsonSerializer.Serialize(snapshot, Json), session?.Place ?? (intra ? "Dans vos locaux, " + client.City : Cities[_rng.Next(Cities.Length)] + " (centre LEXOM)"),
                $"{client.Name}, {client.Line1}, {client.PostalCode} {client.City}", created, issued, acceptedOn,
                status == ProposalStatus.Declined ? issued!.Value.AddDays(_rng.Next(1, 25)) : null,
                status == ProposalStatus.Expired ? issued!.Value.AddDays(31) : null,
                course.Reference, SalesPeople[i % 2], JsonSerializer.Serialize(new[] { new SessionDates(starts, ends) }, Json),
                lines, Enumerable.Range(0, participantCount).Select(_ => names[_rng.Next(names.Length)]).ToList());
            Proposals.Add(proposal);

            if (accepted)
            {
                var ht = lines.Sum(l => decimal.Round(l.Quantity * l.UnitPrice, 2));
                var vat = decimal.Round(ht * 0.20m, 2, MidpointRounding.AwayFromZero);
                var ttc = ht + vat;
                var orderStatus = ends < _today ? (i % 25 == 0 ? "Cancelled" : "Completed")
                    : starts <= _today.AddDays(30) || i % 3 > 0 ? "Confirmed" : "PendingSignatureAndDeposit";
                var confirmed = orderStatus is "Confirmed" or "Completed" ? acceptedOn!.Value.AddDays(_rng.Next(1, 10)) : (DateOnly?)null;
                if (confirmed >= starts) confirmed = acceptedOn;
                Orders.Add(new OrderRow(Guid.NewGuid(), proposal, orderStatus, starts, ends, ht, vat, ttc,
                    decimal.Round(ttc * 0.30m, 2, MidpointRounding.AwayFromZero), confirmed, orderStatus == "Completed" ? ends : null,
                    orderStatus == "Cancelled" ? null : session?.Id, proposal.Participants.Select(_ => Guid.NewGuid()).ToList(),
                    // O1, O2: three company orders in four are funded by an OPCO, for half of the price TTC, with subrogation.
                    client.Kind == "Company" && i % 4 > 0 ? decimal.Round(ttc * 0.5m, 2) : null));
                if (orderStatus == "Cancelled" && session is not null) seatsLeft[session.Id] += participantCount;
            }
        }

        foreach (var s in Sessions) s.SeatsTaken = s.Capacity - seatsLeft[s.Id];

        // LW4: DEV numbers by year of issue, continuous from 1 in the order of issue.
        Number(Proposals.Where(p => p.IssuedOn is not null), p => p.IssuedOn!.Value, DocumentKind.Proposal, (p, number) => p.Number = number);
    }

    private void BuildInvoices()
    {
        var n = N(300_000);
        var reference = 0;
        foreach (var o in Orders)
        {
            if (o.ConfirmedOn is null) continue;
            // M4: the deposit invoice when the contract is concluded, paid (the order is confirmed on its payment).
            var deposit = AddInvoice(o, "Deposit", o.ConfirmedOn.Value.AddDays(-1) < o.Proposal.AcceptedOn ? o.Proposal.AcceptedOn!.Value : o.ConfirmedOn.Value.AddDays(-1),
                o.Deposit, $"Acompte de 30 % sur la commande {o.Proposal.Number}");
            Payments.Add(new PaymentRow(o.ConfirmedOn.Value, deposit.Ttc, $"VIR-{++reference:D9}", "Transfer", deposit.Id));
            if (o.CompletedOn is { } done && Invoices.Count < n)
            {
                var clientShare = o.Ttc - o.Deposit;
                if (o.OpcoAgreed is { } agreed)
                {
                    // O2: with subrogation the OPCO is billed its agreed part (TTC, frozen at completion) on its own invoice, paid by transfer.
                    var opco = AddInvoice(o, "Opco", done, agreed, $"Prise en charge OPCO, commande {o.Proposal.Number}", "Opco");
                    clientShare -= opco.Ttc;
                    if (done.AddDays(45) <= _today)
                        Payments.Add(new PaymentRow(done.AddDays(45), opco.Ttc, $"OPCO-{++reference:D9}", "Transfer", opco.Id));
                }
                // M5: the final invoice for the rest at the end; most are paid, the recent ones often not yet (the dashboard's dues).
                var final = AddInvoice(o, "Final", done, clientShare, $"Solde de la formation « {o.Proposal.CourseReference} », commande {o.Proposal.Number}");
                var paidOn = done.AddDays(_rng.Next(5, 60));
                if (paidOn <= _today && _rng.Next(10) > 0)
                    Payments.Add(new PaymentRow(paidOn, final.Ttc, _rng.Next(4) == 0 ? $"CHQ-{++reference:D9}" : $"VIR-{++reference:D9}",
                        _rng.Next(4) == 0 ? "Cheque" : "Transfer", final.Id));
            }
        }
        // Indemnity invoices on cancelled orders (X3), then late-payment penalties (L1–L3, no VAT) on the final invoices
        // paid after their due date, up to the wanted count.
        foreach (var o in Orders.Where(o => o.Status == "Cancelled").Take(Math.Max(0, n - Invoices.Count)))
            AddInvoice(o, "Indemnity", o.StartsOn.AddDays(-5), decimal.Round(o.Ttc * 0.5m, 2), "Indemnité d'annulation (X3)");
        var finals = Invoices.Where(i => i.Kind is "Final" or "Opco").ToList();
        for (var k = 0; Invoices.Count < n && k < 4 * finals.Count; k++)
        {
            var late = finals[k % finals.Count];
            var on = late.IssuedOn.AddDays(45 + 30 * (k / finals.Count));
            if (on > _today) continue;
            var penalty = new InvoiceRow(Guid.NewGuid(), "LatePenalty", late.Payer, on, 40m, 40m, $"Indemnité forfaitaire de recouvrement de 40 € (L3), facture en retard", late.OrderId)
            { PenaltyFor = late.Id };
            Invoices.Add(penalty);
            Payments.Add(new PaymentRow(on.AddDays(10), 40m, $"PEN-{++reference:D9}", "Transfer", penalty.Id));
        }

        Number(Invoices.Where(i => i.Kind == "Deposit"), i => i.IssuedOn, DocumentKind.DepositInvoice, (i, number) => i.Number = number);
        Number(Invoices.Where(i => i.Kind != "Deposit"), i => i.IssuedOn, DocumentKind.Invoice, (i, number) => i.Number = number);
    }

    private InvoiceRow AddInvoice(OrderRow o, string kind, DateOnly issued, decimal ttc, string label, string payer = "Client")
    {
        var ht = decimal.Round(ttc / 1.2m, 2, MidpointRounding.AwayFromZero);
        var invoice = new InvoiceRow(Guid.NewGuid(), kind, payer, issued, ht, decimal.Round(ttc, 2), label, o.Id);
        Invoices.Add(invoice);
        return invoice;
    }

    private void Number<T>(IEnumerable<T> items, Func<T, DateOnly> date, DocumentKind kind, Action<T, string> set)
    {
        foreach (var year in items.OrderBy(date).GroupBy(x => date(x).Year))
        {
            var seq = 0;
            foreach (var item in year) set(item, DocumentNumber.Create(kind, year.Key, ++seq).ToString());
            Counters[(kind, year.Key)] = seq;
        }
    }
}

public sealed record SessionRow(Guid Id, Guid CourseId, string CourseReference, DateOnly StartsOn, DateOnly EndsOn, string Place, int Capacity, DateOnly? ClosedOn)
{
    public int SeatsTaken { get; set; }
}

public sealed record ClientRow(Guid Id, string Kind, string Name, string? Siret, string? VatNumber, string ContactName, string Email, string Phone,
    DateTimeOffset CreatedAt, string City, string Line1, string PostalCode);

public sealed record LineRow(string Description, decimal Quantity, decimal UnitPrice);

public sealed record ProposalRow(Guid Id, Guid ClientId, ProposalStatus Status, string PayerKind, string TrainingKind, string CourseJson, string Place,
    string BillingAddress, DateOnly CreatedOn, DateOnly? IssuedOn, DateOnly? AcceptedOn, DateOnly? DeclinedOn, DateOnly? ExpiredOn, string CourseReference,
    Guid CreatedBy, string SessionsJson, List<LineRow> Lines, List<string> Participants)
{
    public string? Number { get; set; }
}

public sealed record OrderRow(Guid Id, ProposalRow Proposal, string Status, DateOnly StartsOn, DateOnly EndsOn, decimal Ht, decimal Vat, decimal Ttc,
    decimal Deposit, DateOnly? ConfirmedOn, DateOnly? CompletedOn, Guid? SessionId, List<Guid> ParticipantIds, decimal? OpcoAgreed);

public sealed record InvoiceRow(Guid Id, string Kind, string Payer, DateOnly IssuedOn, decimal Ht, decimal Ttc, string Label, Guid OrderId)
{
    public string Number { get; set; } = "";

    public Guid? PenaltyFor { get; init; }
}

public sealed record PaymentRow(DateOnly ReceivedOn, decimal Amount, string Reference, string Method, Guid InvoiceId);
