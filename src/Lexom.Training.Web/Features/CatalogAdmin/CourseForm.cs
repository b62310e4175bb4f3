using FluentValidation;
using Lexom.Training.Domain.Catalog;

namespace Lexom.Training.Web.Features.CatalogAdmin;

/// <summary>The course form of /gestion/catalogue. Lists are typed one item per line.</summary>
public sealed class CourseForm
{
    public string? Reference { get; set; }
    public string? Title { get; set; }
    public Guid? DomainId { get; set; }
    public decimal? DurationDays { get; set; }
    public decimal? DurationHours { get; set; }
    public string? Objectives { get; set; }
    public string? ProgrammeIntro { get; set; }
    public string? Prerequisites { get; set; }
    public string? Audience { get; set; }
    public string? PedagogicalMethods { get; set; }
    public string? EvaluationMethods { get; set; }
    public string? AttestationStatement { get; set; }
    public decimal? InterPricePerParticipant { get; set; }
    public decimal? IntraPricePerDay { get; set; }
    public int? MaxParticipants { get; set; }
    public string? Accessibility { get; set; }
    public string? AccessConditions { get; set; }
    public string? Contact { get; set; }
    /// <summary>The row version read with the form (optimistic concurrency).</summary>
    public uint Version { get; set; }

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim().TrimStart('-', '•', '*').Trim()).Where(l => l.Length > 0).ToList();

    public CourseContent ToContent() => new(
        Title ?? "", DomainId ?? Guid.Empty, DurationDays ?? 0, DurationHours ?? 0, Lines(Objectives), ProgrammeIntro ?? "",
        Prerequisites ?? "", Audience ?? "", Lines(PedagogicalMethods), Lines(EvaluationMethods), AttestationStatement ?? "",
        InterPricePerParticipant, IntraPricePerDay, MaxParticipants, Accessibility ?? "", AccessConditions ?? "", Contact ?? "");

    public static CourseForm From(Course c, uint version) => new()
    {
        Reference = c.Reference,
        Title = c.Title,
        DomainId = c.DomainId,
        DurationDays = c.DurationDays,
        DurationHours = c.DurationHours,
        Objectives = string.Join('\n', c.Objectives),
        ProgrammeIntro = c.ProgrammeIntro,
        Prerequisites = c.Prerequisites,
        Audience = c.Audience,
        PedagogicalMethods = string.Join('\n', c.PedagogicalMethods),
        EvaluationMethods = string.Join('\n', c.EvaluationMethods),
        AttestationStatement = c.AttestationStatement,
        InterPricePerParticipant = c.InterPricePerParticipant,
        IntraPricePerDay = c.IntraPricePerDay,
        MaxParticipants = c.MaxParticipants,
        Accessibility = c.Accessibility,
        AccessConditions = c.AccessConditions,
        Contact = c.Contact,
        Version = version,
    };
}

public sealed class CourseFormValidator : AbstractValidator<CourseForm>
{
    public CourseFormValidator()
    {
        RuleFor(f => f.Reference).NotEmpty().WithMessage("La référence est obligatoire.")
            .Must(Course.IsValidReference).WithMessage("La référence est faite de lettres, de chiffres et de tirets (par exemple RCL-RCL-02), 30 caractères au plus.");
        RuleFor(f => f.Title).NotEmpty().WithMessage("L'intitulé est obligatoire.")
            .MaximumLength(Course.TitleMaxLength).WithMessage($"L'intitulé tient en {Course.TitleMaxLength} caractères au plus.");
        RuleFor(f => f.DomainId).NotEmpty().WithMessage("Choisissez un domaine.");
        RuleFor(f => f.DurationDays).NotNull().WithMessage("La durée en jours est obligatoire.")
            .InclusiveBetween(0.5m, 365m).WithMessage("La durée en jours est comprise entre 0,5 et 365.");
        RuleFor(f => f.DurationHours).NotNull().WithMessage("La durée en heures est obligatoire.")
            .InclusiveBetween(1m, 2000m).WithMessage("La durée en heures est comprise entre 1 et 2 000.");
        RuleFor(f => f.InterPricePerParticipant).InclusiveBetween(0m, 1_000_000m).WithMessage("Le prix INTER est compris entre 0 et 1 000 000 €.");
        RuleFor(f => f.IntraPricePerDay).InclusiveBetween(0m, 1_000_000m).WithMessage("Le prix INTRA est compris entre 0 et 1 000 000 €.");
        RuleFor(f => f.MaxParticipants).InclusiveBetween(1, 200).WithMessage("Le nombre maximum de participants est compris entre 1 et 200.");
        RuleFor(f => CourseForm.Lines(f.Objectives)).Must(l => l.Count <= Course.MaxItems && l.All(i => i.Length <= Course.ItemMaxLength))
            .WithName("Objectifs").WithMessage($"Au plus {Course.MaxItems} objectifs de {Course.ItemMaxLength} caractères chacun.");
        RuleFor(f => CourseForm.Lines(f.PedagogicalMethods)).Must(l => l.Count <= Course.MaxItems && l.All(i => i.Length <= Course.ItemMaxLength))
            .WithName("PedagogicalMethods").WithMessage($"Au plus {Course.MaxItems} méthodes de {Course.ItemMaxLength} caractères chacune.");
        RuleFor(f => CourseForm.Lines(f.EvaluationMethods)).Must(l => l.Count <= Course.MaxItems && l.All(i => i.Length <= Course.ItemMaxLength))
            .WithName("EvaluationMethods").WithMessage($"Au plus {Course.MaxItems} modalités de {Course.ItemMaxLength} caractères chacune.");
        foreach (var (field, name) in new (System.Linq.Expressions.Expression<Func<CourseForm, string?>>, string)[]
        {
            (f => f.ProgrammeIntro, "Introduction du programme"), (f => f.Prerequisites, "Pré-requis"), (f => f.Audience, "Public cible"),
            (f => f.AttestationStatement, "Mention de l'attestation"), (f => f.Accessibility, "Accessibilité"),
            (f => f.AccessConditions, "Modalités et délais d'accès"), (f => f.Contact, "Contact"),
        })
        {
            RuleFor(field).MaximumLength(Course.TextMaxLength).WithMessage($"{name} : {Course.TextMaxLength} caractères au plus.");
        }
    }
}
