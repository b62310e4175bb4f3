namespace Lexom.Training.Documents;

/// <summary>
/// One sample of every document kind, for reviewing the layout by eye (render-samples) and for tests and
/// benchmarks: long names, 25 participants, a 40-line proposal, and RCL-RCL-02 word for word from the catalog.
/// </summary>
public static class SampleDocuments
{
    private static readonly DateOnly IssuedOn = new(2026, 2, 2);
    private static readonly DateOnly Start = new(2026, 3, 16);
    private static readonly DateOnly End = new(2026, 3, 17);

    /// <summary>RCL-RCL-02's three objectives, word for word.</summary>
    public static IReadOnlyList<string> Rcl02Objectives { get; } =
    [
        "Utiliser le CRM",
        "Prioriser le capital client au centre de la stratégie",
        "Identifier les enjeux du CRM",
    ];

    public static IReadOnlyList<string> Rcl02EvaluationMethods { get; } =
    [
        "réalisation de cas pratiques",
        "mise en application des méthodes",
    ];

    public static IReadOnlyList<string> Rcl02PedagogicalMethods { get; } =
    [
        "présentations théoriques : concepts, outils et méthodes",
        "analyse d'articles/documents professionnels",
        "étude de cas pratiques issus des situations client",
        "interactivité avec le formateur",
    ];

    public static CourseReference Rcl02 { get; } = new()
    {
        Reference = "RCL-RCL-02",
        Title = "CRM - fondamentaux et enjeux",
        DurationDays = 2,
        DurationHours = 14,
    };

    public static SellerIdentity Seller => SellerIdentity.DemoPlaceholder;

    public static ClientIdentity Company { get; } = new()
    {
        Kind = ClientKind.Company,
        Name = "Société Coopérative Agricole et Viticole des Coteaux de l'Ardèche Méridionale et des Gorges — Établissement de Vallon-Pont-d'Arc",
        Siren = "123456789",
        VatNumber = "FR32123456789",
        Address = new PostalAddress { Line1 = "Zone d'activités économiques des Grands Chênes, bâtiment C, 3e étage", Line2 = "1245 route départementale 579", PostalCode = "07150", City = "Vallon-Pont-d'Arc" },
        BillingAddress = new PostalAddress { Line1 = "Service comptabilité fournisseurs — Siège social", Line2 = "12 avenue de la Libération", PostalCode = "07200", City = "Aubenas" },
        ContactName = "Mme Marie-Christine Dupont-Delacroix-Vandenberghe",
        ContactEmail = "mc.dupont@coteaux-ardeche.example",
        ContactPhone = "04 75 00 00 00",
        Signatory = "Mme Marie-Christine Dupont-Delacroix-Vandenberghe, directrice des ressources humaines",
    };

    public static ClientIdentity Individual { get; } = new()
    {
        Kind = ClientKind.Individual,
        Name = "Jean-Baptiste Fontaine-Lefèvre de Saint-Rémy",
        Address = new PostalAddress { Line1 = "8 impasse des Mûriers", PostalCode = "07200", City = "Aubenas" },
        ContactEmail = "jb.fontaine@example.fr",
    };

    public static IReadOnlyList<string> ParticipantNames { get; } =
    [
        "Marie-Christine Dupont-Delacroix", "Jean-Baptiste Fontaine-Lefèvre", "Anne-Sophie Vandenberghe", "Éloïse Château-Renard",
        "François-Xavier de La Rochefoucauld", "Zoé Nguyễn Thị", "Loïc Le Bihan", "Maëlys Øster-Kærgaard", "Grégoire Ducœur",
        "Hélène Müller-Schönberg", "Amélie Poulain", "Noël Bénard", "Agnès Séverin-Lacroix", "Mathéo Garçon",
        "Inès Ben Saïd", "Sébastien Lefèvre", "Céline Dion-Tremblay", "Thérèse Martin", "Aurélien Crémieux",
        "Bérénice Ollivier", "Jérôme Pâquet", "Clémence Rivière", "Benoît Vallée", "Gaëlle Kerguélen", "Raphaël Aïdi",
    ];

    private static IReadOnlyList<SessionSchedule> Sessions { get; } =
    [
        new SessionSchedule { Start = Start, End = End, Place = "LEXOM — Salle Tanargue, 0 rue de l'Exemple, 07200 Aubenas (accessible PMR)" },
    ];

    /// <summary>Worked example 1 of the CGV: 3 × 1 190,00 € HT, VAT 20 %: TTC 4 284,00 €, deposit 1 285,20 €.</summary>
    public static IReadOnlyList<DocumentLine> Example1Lines { get; } =
    [
        new DocumentLine { Description = "Formation RCL-RCL-02 « CRM - fondamentaux et enjeux » — INTER, 2 jours (14 h), par participant", Quantity = 3, Unit = "participants", UnitPriceExclVat = 1190m, VatRate = 0.20m },
    ];

    /// <summary>A 40-line proposal: the course for 25 participants plus 39 priced options.</summary>
    public static ProposalDocument Proposal()
    {
        var lines = new List<DocumentLine>
        {
            new() { Description = "Formation RCL-RCL-02 « CRM - fondamentaux et enjeux » — INTRA, 2 jours (14 h), par participant", Quantity = 25, Unit = "participants", UnitPriceExclVat = 1190m, VatRate = 0.20m },
        };
        for (var i = 2; i <= 40; i++)
        {
            lines.Add(new DocumentLine
            {
                Description = $"Ligne {i} — atelier complémentaire de mise en pratique sur les données clients de l'entreprise, support imprimé et numérique, module {i}",
                Quantity = 1 + (i % 4),
                Unit = "h",
                UnitPriceExclVat = 85m + (i * 1.25m),
                VatRate = 0.20m,
            });
        }

        return new ProposalDocument
        {
            Seller = Seller,
            Number = "PC-2026-0042",
            Version = 2,
            IssuedOn = IssuedOn,
            ValidUntil = IssuedOn.AddDays(30),
            Client = Company,
            Course = Rcl02,
            Format = SessionFormat.Intra,
            Sessions = Sessions,
            ParticipantCount = 25,
            ParticipantNames = ParticipantNames,
            Lines = lines,
            Comment = "Sessions adaptées aux données réelles du client ; supports remis à chaque participant.",
        };
    }

    /// <summary>The CGV's worked example 1 as a proposal (3 participants, 1 285,20 € deposit).</summary>
    public static ProposalDocument ShortProposal() => Proposal() with
    {
        Number = "PC-2026-0043",
        Version = 1,
        Format = SessionFormat.Inter,
        ParticipantCount = 3,
        ParticipantNames = ParticipantNames.Take(3).ToList(),
        Lines = Example1Lines,
        Comment = null,
    };

    public static TrainingAgreementDocument CompanyAgreement() => new()
    {
        Seller = Seller,
        Number = "CF-2026-0042",
        IssuedOn = IssuedOn.AddDays(5),
        ProposalNumber = "PC-2026-0042-V2",
        Client = Company,
        Course = Rcl02,
        Format = SessionFormat.Inter,
        Sessions = Sessions,
        Objectives = Rcl02Objectives,
        Prerequisites = "Aucune connaissance préalable n'est requise pour suivre cette formation",
        PedagogicalMethods = Rcl02PedagogicalMethods,
        EvaluationMethods = Rcl02EvaluationMethods,
        ParticipantCount = 25,
        ParticipantNames = ParticipantNames,
        Lines = [Example1Lines[0] with { Quantity = 25 }],
        Funding = new OpcoFunding { OpcoName = "OPCO EP", AgreementNumber = "EP-2026-000123", AmountCovered = 20000m },
    };

    public static TrainingAgreementDocument IndividualContract() => CompanyAgreement() with
    {
        Number = "CF-2026-0043",
        ProposalNumber = null,
        Client = Individual,
        ParticipantCount = 1,
        ParticipantNames = [Individual.Name],
        Lines = [Example1Lines[0] with { Quantity = 1, Unit = "participant" }],
        Funding = null,
        OrderedOnWebsite = true,
        OrderedOn = new DateOnly(2026, 4, 1),
        BalanceSchedule =
        [
            new PaymentInstalment { DueOn = Start, Amount = 499.80m },
            new PaymentInstalment { DueOn = End, Amount = 499.80m },
        ],
    };

    public static InvoiceDocument DepositInvoice() => new()
    {
        Seller = Seller,
        Kind = InvoiceKind.Deposit,
        Number = "FA-2026-0007",
        IssuedOn = IssuedOn.AddDays(3),
        DueOn = IssuedOn.AddDays(3),
        Client = Company,
        ProposalNumber = "PC-2026-0043",
        Subject = "RCL-RCL-02 « CRM - fondamentaux et enjeux », session du 16 au 17 mars 2026",
        Lines = [new DocumentLine { Description = "Acompte de 30 % sur la proposition commerciale n° PC-2026-0043 (TTC 4 284,00 €)", Quantity = 1, UnitPriceExclVat = 1071.00m, VatRate = 0.20m }],
    };

    public static InvoiceDocument FinalInvoice() => new()
    {
        Seller = Seller,
        Kind = InvoiceKind.Final,
        Number = "F-2026-0031",
        IssuedOn = End,
        DueOn = End,
        Client = Company,
        ProposalNumber = "PC-2026-0043",
        Subject = "RCL-RCL-02 « CRM - fondamentaux et enjeux », session du 16 au 17 mars 2026",
        Lines = Example1Lines,
        Payments = [new PaymentReceived { ReceivedOn = IssuedOn.AddDays(6), Label = "acompte, facture FA-2026-0007", Amount = 1285.20m }],
    };

    public static InvoiceDocument IndemnityInvoice() => new()
    {
        Seller = Seller,
        Kind = InvoiceKind.Indemnity,
        Number = "FI-2026-0002",
        IssuedOn = new DateOnly(2026, 3, 2),
        DueOn = new DateOnly(2026, 3, 2),
        Client = Company,
        ProposalNumber = "PC-2026-0043",
        Subject = "Annulation de la formation RCL-RCL-02 du 16 mars 2026",
        Lines = [new DocumentLine { Description = "Indemnité d'annulation : totalité du prix de la formation (annulation reçue le 2 mars 2026, 14 jours avant le début)", Quantity = 1, UnitPriceExclVat = 3570.00m, VatRate = 0.20m }],
        Payments = [new PaymentReceived { ReceivedOn = IssuedOn.AddDays(6), Label = "acompte, facture FA-2026-0007", Amount = 1285.20m }],
        Notes = ["Clause appliquée : CGV 3.5 (X3) — renonciation moins de 15 jours avant la date prévue : le montant total de la prestation est dû à titre d'indemnité, dès l'annulation."],
    };

    public static InvoiceDocument CreditNote() => new()
    {
        Seller = Seller,
        Kind = InvoiceKind.CreditNote,
        Number = "AV-2026-0001",
        IssuedOn = new DateOnly(2026, 3, 20),
        DueOn = new DateOnly(2026, 3, 20),
        Client = Company,
        ProposalNumber = "PC-2026-0043",
        CorrectedInvoiceNumber = "F-2026-0031",
        CorrectedInvoiceDate = End,
        Subject = "Correction de la facture F-2026-0031 (participant facturé en double)",
        Lines = [new DocumentLine { Description = "Annulation d'une place facturée en double sur la facture F-2026-0031", Quantity = 1, Unit = "participant", UnitPriceExclVat = 1190m, VatRate = 0.20m }],
    };

    public static AttestationDocument Attestation(string traineeName = "Marie-Christine Dupont-Delacroix-Vandenberghe") => new()
    {
        Seller = Seller,
        Number = "AT-2026-0042-01",
        TraineeName = traineeName,
        CompanyName = Company.Name,
        CourseTitle = Rcl02.Title,
        CourseReference = Rcl02.Reference,
        Objectives = Rcl02Objectives,
        ObjectiveAssessments = ["Acquis", "Acquis", "En cours d'acquisition"],
        Start = Start,
        End = End,
        DurationHours = 14,
        AttendedHours = 10.5m,
        Place = Sessions[0].Place,
        EvaluationMethods = Rcl02EvaluationMethods,
        EvaluationResult = "Objectifs atteints (cas pratiques réalisés et validés par le formateur)",
        Attendance =
        [
            new HalfDayAttendance { Date = Start, HalfDay = "Matin", Present = true, Hours = 3.5m },
            new HalfDayAttendance { Date = Start, HalfDay = "Après-midi", Present = true, Hours = 3.5m },
            new HalfDayAttendance { Date = End, HalfDay = "Matin", Present = true, Hours = 3.5m },
            new HalfDayAttendance { Date = End, HalfDay = "Après-midi", Present = false, Hours = 3.5m },
        ],
        IssuedOn = End,
    };

    /// <summary>The attendance sheet of the 16–17 March session: the first day recorded, the second left to sign (A1).</summary>
    public static AttendanceSheetDocument AttendanceSheet() => new()
    {
        Seller = Seller,
        CourseTitle = Rcl02.Title,
        CourseReference = Rcl02.Reference,
        Place = Sessions[0].Place,
        TrainerName = "Claire Formatrice",
        Start = Start,
        End = End,
        HalfDayHours = 3.5m,
        Trainees =
        [
            new AttendanceSheetTrainee
            {
                Name = "Marie-Christine Dupont-Delacroix-Vandenberghe",
                CompanyName = Company.Name,
                Recorded =
                [
                    new HalfDayAttendance { Date = Start, HalfDay = "Matin", Present = true, Hours = 3.5m },
                    new HalfDayAttendance { Date = Start, HalfDay = "Après-midi", Present = false, Hours = 3.5m },
                ],
            },
            new AttendanceSheetTrainee { Name = "Jean Martin", CompanyName = Company.Name },
        ],
    };

    /// <summary>The catalog page of RCL-RCL-02, word for word.</summary>
    public static CourseSheetDocument CourseSheet() => new()
    {
        Seller = Seller,
        Reference = "RCL-RCL-02",
        Title = "CRM - fondamentaux et enjeux",
        Domain = "RELATION CLIENT - RELATION CLIENTS",
        DurationDays = 2,
        DurationHours = 14,
        Objectives = Rcl02Objectives,
        ProgrammeIntroduction = "A l'issue de la formation, les participants seront préparés à :",
        Programme =
        [
            new ProgrammeDay
            {
                DayNumber = 1,
                HalfDays =
                [
                    new ProgrammeHalfDay
                    {
                        Label = "Matin",
                        Modules =
                        [
                            new ProgrammeModule { Number = 1, Title = "Définir le CRM", Topics = ["Faire face à la concurrence", "Multiplications des attentes des consommateurs", "Effets des nouvelles technologies"] },
                            new ProgrammeModule { Number = 2, Title = "Développer la relation client", Topics = ["Cibler les différentes attentes selon les différents types de clients", "Développer le CA : nouveaux clients et fidélisation"] },
                        ],
                    },
                    new ProgrammeHalfDay
                    {
                        Label = "Après-midi",
                        Modules =
                        [
                            new ProgrammeModule { Number = 3, Title = "Prioriser le client au centre de l'organisation", Topics = ["Collecte et organisation des données", "Processus de la relation client", "Mettre le client au centre du parcours et des échanges"] },
                        ],
                    },
                ],
            },
            new ProgrammeDay
            {
                DayNumber = 2,
                HalfDays =
                [
                    new ProgrammeHalfDay
                    {
                        Label = "Matin",
                        Modules =
                        [
                            new ProgrammeModule { Number = 4, Title = "Analyser ses clients", Topics = ["Bien utiliser les données clients", "Segmentation", "Cerner la valeur clients"] },
                            new ProgrammeModule { Number = 5, Title = "Gérer les bases de données", Topics = ["Mettre en place et faire évoluer sa BDD", "Faire vivre sa BDD", "Qualifier sa BDD pour une meilleure utilisation"] },
                        ],
                    },
                    new ProgrammeHalfDay
                    {
                        Label = "Après-midi",
                        Modules =
                        [
                            new ProgrammeModule { Number = 6, Title = "Mettre en oeuvre un CRM", Topics = ["Cerner les objectifs", "Organiser les postes, les données. Former le personnel", "Différents CRM"] },
                        ],
                    },
                ],
            },
        ],
        Prerequisites = ["Aucune connaissance préalable n'est requise pour suivre cette formation"],
        Audience = ["Toute personne souhaitant découvrir le CRM"],
        PedagogicalMethods = Rcl02PedagogicalMethods,
        EvaluationMethods = Rcl02EvaluationMethods,
        AttestationStatement = "Une attestation de formation reprenant l'ensemble des objectifs pédagogiques sera délivrée à chaque participant à l'issue de la formation.",
        InterPricePerParticipant = 1190m,
        IntraPricePerDay = 2400m,
        MaxParticipants = 12,
        Accessibility = "Formation accessible aux personnes en situation de handicap : contactez notre référent handicap avant l'inscription pour étudier les adaptations nécessaires (locaux de plain-pied, supports adaptés).",
        AccessDelay = "Inscription jusqu'à 15 jours avant le début de la session INTER ; en INTRA, démarrage possible sous 4 à 6 semaines après acceptation de la proposition commerciale.",
        Contact = "LEXOM — contact@lexom.example — +33 0 00 00 00 00 (données de démonstration)",
        LastUpdatedOn = new DateOnly(2026, 1, 15),
    };

    /// <summary>Every sample, with the file name render-samples writes.</summary>
    public static IReadOnlyList<(string FileName, Func<IDocumentRenderer, byte[]> Render)> All { get; } =
    [
        ("proposition-commerciale.pdf", r => r.Render(Proposal())),
        ("proposition-commerciale-exemple-cgv.pdf", r => r.Render(ShortProposal())),
        ("convention-de-formation.pdf", r => r.Render(CompanyAgreement())),
        ("contrat-de-formation-particulier.pdf", r => r.Render(IndividualContract())),
        ("facture-acompte.pdf", r => r.Render(DepositInvoice())),
        ("facture-finale.pdf", r => r.Render(FinalInvoice())),
        ("facture-indemnite.pdf", r => r.Render(IndemnityInvoice())),
        ("avoir.pdf", r => r.Render(CreditNote())),
        ("attestation-fin-de-formation.pdf", r => r.Render(Attestation())),
        ("programme-RCL-RCL-02.pdf", r => r.Render(CourseSheet())),
        ("feuille-emargement.pdf", r => r.Render(AttendanceSheet())),
    ];

    /// <summary>Writes one PDF per sample into <paramref name="outputDirectory"/> and returns the paths written.</summary>
    public static IReadOnlyList<string> RenderAll(string outputDirectory, IDocumentRenderer? renderer = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        var r = renderer ?? DocumentRenderer.Instance;
        var written = new List<string>();
        foreach (var (fileName, render) in All)
        {
            var path = Path.Combine(outputDirectory, fileName);
            File.WriteAllBytes(path, render(r));
            written.Add(path);
        }

        return written;
    }
}
