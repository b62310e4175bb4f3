using FluentValidation;
using Lexom.Training.Domain.Catalog;

namespace Lexom.Training.Web.Features.CatalogAdmin;

/// <summary>One day of the programme: modules of the morning and of the afternoon. Empty module rows are ignored.</summary>
public sealed class ProgrammeDayForm
{
    public const int BlankRows = 2;

    public List<ModuleRow> Morning { get; set; } = [];
    public List<ModuleRow> Afternoon { get; set; } = [];

    public sealed class ModuleRow
    {
        public int? Number { get; set; }
        public string? Title { get; set; }
        public string? Topics { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Topics);
    }

    public ProgrammeDay ToDay(int dayNumber)
    {
        var halves = new List<ProgrammeHalfDay>();
        if (Modules(Morning) is { Count: > 0 } morning) halves.Add(new(HalfDayPeriod.Matin, morning));
        if (Modules(Afternoon) is { Count: > 0 } afternoon) halves.Add(new(HalfDayPeriod.ApresMidi, afternoon));
        return new ProgrammeDay(dayNumber, halves);
    }

    public static ProgrammeDayForm From(ProgrammeDay? day, int firstFreeNumber)
    {
        var form = new ProgrammeDayForm();
        if (day is not null)
        {
            foreach (var half in day.HalfDays)
            {
                var rows = half.Modules.Select(m => new ModuleRow { Number = m.Number, Title = m.Title, Topics = string.Join('\n', m.Topics) });
                (half.Period == HalfDayPeriod.Matin ? form.Morning : form.Afternoon).AddRange(rows);
            }
        }
        form.PadBlankRows(firstFreeNumber);
        return form;
    }

    /// <summary>Offers empty rows to add modules, numbered after the last one.</summary>
    public void PadBlankRows(int firstFreeNumber)
    {
        var next = Math.Max(firstFreeNumber, Morning.Concat(Afternoon).Select(r => r.Number ?? 0).DefaultIfEmpty(0).Max() + 1);
        Morning.RemoveAll(r => r.IsBlank);
        Afternoon.RemoveAll(r => r.IsBlank);
        for (var i = 0; i < BlankRows; i++) Morning.Add(new ModuleRow { Number = next + i });
        for (var i = 0; i < BlankRows; i++) Afternoon.Add(new ModuleRow { Number = next + BlankRows + i });
    }

    private static List<ProgrammeModule> Modules(IEnumerable<ModuleRow> rows) =>
        rows.Where(r => !r.IsBlank).Select(r => new ProgrammeModule(r.Number ?? 0, r.Title?.Trim() ?? "", CourseForm.Lines(r.Topics))).ToList();
}

public sealed class ProgrammeDayFormValidator : AbstractValidator<ProgrammeDayForm>
{
    public ProgrammeDayFormValidator()
    {
        RuleFor(f => f.Morning.Count + f.Afternoon.Count).LessThanOrEqualTo(30).WithName("Modules").WithMessage("Au plus 30 modules par jour.");
        RuleFor(f => f.Morning.Concat(f.Afternoon).Count(r => !r.IsBlank)).GreaterThan(0).WithName("Modules")
            .WithMessage("Saisissez au moins un module pour ce jour (ou supprimez le jour).");
        RuleForEach(f => f.Morning).SetValidator(new ModuleRowValidator("matin"));
        RuleForEach(f => f.Afternoon).SetValidator(new ModuleRowValidator("après-midi"));
    }

    private sealed class ModuleRowValidator : AbstractValidator<ProgrammeDayForm.ModuleRow>
    {
        public ModuleRowValidator(string half)
        {
            When(r => !r.IsBlank, () =>
            {
                RuleFor(r => r.Title).NotEmpty().WithMessage($"Un module du {half} a des thèmes mais pas de titre.")
                    .MaximumLength(Course.ItemMaxLength).WithMessage($"Le titre d'un module tient en {Course.ItemMaxLength} caractères au plus.");
                RuleFor(r => r.Number).NotNull().WithMessage($"Un module du {half} n'a pas de numéro.")
                    .InclusiveBetween(1, 999).WithMessage("Le numéro d'un module est compris entre 1 et 999.");
                RuleFor(r => CourseForm.Lines(r.Topics)).Must(l => l.Count <= Course.MaxItems && l.All(t => t.Length <= Course.ItemMaxLength))
                    .WithName("Topics").WithMessage($"Au plus {Course.MaxItems} thèmes de {Course.ItemMaxLength} caractères chacun par module.");
            });
        }
    }
}

public sealed class DomainForm
{
    public string? Name { get; set; }
    public int? Position { get; set; }
}

public sealed class DomainFormValidator : AbstractValidator<DomainForm>
{
    public DomainFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Le nom du domaine est obligatoire.")
            .MaximumLength(CatalogDomain.NameMaxLength).WithMessage($"Le nom du domaine tient en {CatalogDomain.NameMaxLength} caractères au plus.")
            .Must(n => Slugs.From(n ?? "").Length > 0).WithMessage("Le nom du domaine doit contenir au moins une lettre ou un chiffre.");
        RuleFor(f => f.Position).InclusiveBetween(0, 10_000).WithMessage("L'ordre d'affichage est compris entre 0 et 10 000.");
    }
}
