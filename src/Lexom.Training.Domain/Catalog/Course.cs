using System.Text;
using System.Text.RegularExpressions;
using Lexom.Training.Domain.Rules;

namespace Lexom.Training.Domain.Catalog;

/// <summary>A course of LEXOM's catalog, e.g. RCL-RCL-02 "CRM - fondamentaux et enjeux".</summary>
public sealed partial class Course
{
    public const int ReferenceMaxLength = 30;
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int ItemMaxLength = 500;
    public const int MaxItems = 40;
    public const int MaxProgrammeDays = 30;

    private Course() { }

    public Course(string reference, CourseContent content, DateOnly today, bool isSample = false)
    {
        Id = Guid.NewGuid();
        Reference = NormalizeReference(reference);
        IsSample = isSample;
        Status = CourseStatus.Draft;
        Apply(content, today);
    }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";
    public Guid DomainId { get; private set; }
    public decimal DurationDays { get; private set; }
    public decimal DurationHours { get; private set; }
    public IReadOnlyList<string> Objectives { get; private set; } = [];
    public string ProgrammeIntro { get; private set; } = "";
    public IReadOnlyList<ProgrammeDay> Programme { get; private set; } = [];
    public string Prerequisites { get; private set; } = "";
    public string Audience { get; private set; } = "";
    public IReadOnlyList<string> PedagogicalMethods { get; private set; } = [];
    public IReadOnlyList<string> EvaluationMethods { get; private set; } = [];
    public string AttestationStatement { get; private set; } = "";
    /// <summary>INTER price per participant, HT (rule M1). Null: not offered in INTER.</summary>
    public decimal? InterPricePerParticipant { get; private set; }
    /// <summary>INTRA price per day, HT (rule M1). Null: not offered in INTRA.</summary>
    public decimal? IntraPricePerDay { get; private set; }
    /// <summary>Rule P2: more participants than this → several sessions.</summary>
    public int? MaxParticipants { get; private set; }
    public string Accessibility { get; private set; } = "";
    public string AccessConditions { get; private set; } = "";
    public string Contact { get; private set; } = "";
    public CourseStatus Status { get; private set; }
    public DateOnly LastUpdatedOn { get; private set; }
    /// <summary>A generated course of the demo, never seeded outside the demo mode.</summary>
    public bool IsSample { get; private set; }
    /// <summary>Accent-free text that the full-text index is built from.</summary>
    public string SearchText { get; private set; } = "";

    public bool OffersInter => InterPricePerParticipant is not null;
    public bool OffersIntra => IntraPricePerDay is not null;
    public bool IsPublished => Status == CourseStatus.Published;

    public static bool IsValidReference(string? reference) =>
        reference is not null && reference.Length <= ReferenceMaxLength && ReferencePattern().IsMatch(reference.Trim().ToUpperInvariant());

    public static string NormalizeReference(string reference)
    {
        if (!IsValidReference(reference))
            throw new DomainException("La référence doit être faite de lettres, de chiffres et de tirets (par exemple RCL-RCL-02), 30 caractères au plus.");
        return reference.Trim().ToUpperInvariant();
    }

    public void Edit(CourseContent content, DateOnly today)
    {
        if (IsPublished)
        {
            // Checked on a copy first, so that a refused edit leaves the course as it was.
            var probe = new Course(Reference, content, today) { Programme = Programme };
            if (probe.MissingForPublication() is { Count: > 0 } missing)
                throw new DomainException("Une formation publiée doit garder toutes ses rubriques ; il manque : " + string.Join(", ", missing) + ". Retirez-la d'abord du catalogue public.", "LW6");
        }
        Apply(content, today);
    }

    /// <summary>Replaces one day of the programme (adds it when it is the next day).</summary>
    public void SetProgrammeDay(ProgrammeDay day, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (day.DayNumber < 1 || day.DayNumber > Math.Min(Programme.Count + 1, MaxProgrammeDays))
            throw new DomainException($"Le jour {day.DayNumber} n'existe pas : le programme compte {Programme.Count} jour(s).");
        ValidateDay(day);
        var days = Programme.ToList();
        if (day.DayNumber == days.Count + 1) days.Add(day);
        else days[day.DayNumber - 1] = day;
        Programme = days;
        Touch(today);
    }

    /// <summary>Removes a day; the following days are renumbered.</summary>
    public void RemoveProgrammeDay(int dayNumber, DateOnly today)
    {
        if (dayNumber < 1 || dayNumber > Programme.Count)
            throw new DomainException($"Le jour {dayNumber} n'existe pas.");
        Programme = Programme.Where(d => d.DayNumber != dayNumber)
            .Select((d, i) => d with { DayNumber = i + 1 }).ToList();
        Touch(today);
    }

    /// <summary>Rule LW6: a course is public only once its page says everything a buyer must read.</summary>
    public void Publish(DateOnly today)
    {
        if (IsPublished)
            throw new DomainException("Cette formation est déjà publiée.");
        var missing = MissingForPublication();
        if (missing.Count > 0)
            throw new DomainException("Publication impossible, il manque : " + string.Join(", ", missing) + ".", "LW6");
        Status = CourseStatus.Published;
        Touch(today);
    }

    public void Unpublish(DateOnly today)
    {
        if (!IsPublished)
            throw new DomainException("Cette formation n'est pas publiée.");
        Status = CourseStatus.Draft;
        Touch(today);
    }

    /// <summary>The LW6 sections still empty, in French (CoursePageCompleteness says which), and the programme.</summary>
    public IReadOnlyList<string> MissingForPublication()
    {
        var missing = CoursePageCompleteness.Missing(new CoursePageFacts(
            Objectives.Count, Prerequisites, Audience, DurationHours,
            string.Join('\n', PedagogicalMethods), string.Join('\n', EvaluationMethods),
            OffersInter || OffersIntra, AccessConditions, Contact, Accessibility,
            LastUpdatedOn == default ? null : LastUpdatedOn)).ToList();
        if (Programme.Count == 0) missing.Insert(Math.Min(1, missing.Count), "le programme");
        return missing;
    }

    private void Apply(CourseContent c, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var title = Required(c.Title, "L'intitulé", TitleMaxLength);
        if (c.DomainId == Guid.Empty)
            throw new DomainException("Le domaine est obligatoire.");
        if (c.DurationDays <= 0 || c.DurationDays > 365)
            throw new DomainException("La durée en jours doit être comprise entre 0,5 et 365.");
        if (c.DurationHours <= 0 || c.DurationHours > 2000)
            throw new DomainException("La durée en heures doit être comprise entre 1 et 2 000.");
        if (c.InterPricePerParticipant is < 0 || c.IntraPricePerDay is < 0)
            throw new DomainException("Un prix ne peut pas être négatif.");
        if (c.MaxParticipants is < 1 or > 200)
            throw new DomainException("Le nombre maximum de participants doit être compris entre 1 et 200.");

        // Everything is checked before anything changes: a refused edit leaves the course as it was.
        var objectives = Items(c.Objectives, "objectifs");
        var intro = Optional(c.ProgrammeIntro, "L'introduction du programme", TextMaxLength);
        var prerequisites = Optional(c.Prerequisites, "Les prérequis", TextMaxLength);
        var audience = Optional(c.Audience, "Le public", TextMaxLength);
        var methods = Items(c.PedagogicalMethods, "méthodes pédagogiques");
        var evaluation = Items(c.EvaluationMethods, "modalités d'évaluation");
        var attestation = Optional(c.AttestationStatement, "La mention de l'attestation", TextMaxLength);
        var accessibility = Optional(c.Accessibility, "L'accessibilité", TextMaxLength);
        var access = Optional(c.AccessConditions, "Les modalités d'accès", TextMaxLength);
        var contact = Optional(c.Contact, "Le contact", TextMaxLength);

        Title = title;
        DomainId = c.DomainId;
        DurationDays = c.DurationDays;
        DurationHours = c.DurationHours;
        Objectives = objectives;
        ProgrammeIntro = intro;
        Prerequisites = prerequisites;
        Audience = audience;
        PedagogicalMethods = methods;
        EvaluationMethods = evaluation;
        AttestationStatement = attestation;
        InterPricePerParticipant = c.InterPricePerParticipant is { } inter ? decimal.Round(inter, 2, MidpointRounding.AwayFromZero) : null;
        IntraPricePerDay = c.IntraPricePerDay is { } intra ? decimal.Round(intra, 2, MidpointRounding.AwayFromZero) : null;
        MaxParticipants = c.MaxParticipants;
        Accessibility = accessibility;
        AccessConditions = access;
        Contact = contact;
        Touch(today);
    }

    private void Touch(DateOnly today)
    {
        LastUpdatedOn = today;
        SearchText = BuildSearchText();
    }

    private string BuildSearchText()
    {
        var sb = new StringBuilder();
        void Add(string s) => sb.Append(s).Append(' ');
        Add(Reference);
        Add(Title);
        foreach (var o in Objectives) Add(o);
        foreach (var module in Programme.SelectMany(d => d.HalfDays).SelectMany(h => h.Modules))
        {
            Add(module.Title);
            foreach (var t in module.Topics) Add(t);
        }
        Add(Audience);
        Add(Prerequisites);
        return Slugs.Fold(sb.ToString());
    }

    private static void ValidateDay(ProgrammeDay day)
    {
        if (day.HalfDays.Count == 0)
            throw new DomainException($"Le jour {day.DayNumber} doit avoir au moins une demi-journée.");
        if (day.HalfDays.Select(h => h.Period).Distinct().Count() != day.HalfDays.Count)
            throw new DomainException($"Le jour {day.DayNumber} a deux fois la même demi-journée.");
        foreach (var module in day.HalfDays.SelectMany(h => h.Modules))
        {
            Required(module.Title, $"Le titre du module {module.Number}", ItemMaxLength);
            if (module.Topics.Count > MaxItems)
                throw new DomainException($"Le module {module.Number} a plus de {MaxItems} thèmes.");
            foreach (var t in module.Topics) Required(t, "Un thème", ItemMaxLength);
        }
    }

    private static List<string> Items(IReadOnlyList<string>? items, string what)
    {
        var list = (items ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).ToList();
        if (list.Count > MaxItems)
            throw new DomainException($"Pas plus de {MaxItems} {what}.");
        if (list.Any(i => i.Length > ItemMaxLength))
            throw new DomainException($"Chacun des {what} tient en {ItemMaxLength} caractères au plus.");
        return list;
    }

    private static string Required(string? value, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainException($"{what} est obligatoire.");
        return Optional(value, what, max);
    }

    private static string Optional(string? value, string what, int max)
    {
        var v = value?.Trim() ?? "";
        if (v.Length > max)
            throw new DomainException($"{what} ne peut pas dépasser {max} caractères.");
        return v;
    }

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
