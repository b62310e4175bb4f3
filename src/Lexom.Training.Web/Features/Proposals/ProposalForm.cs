using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Requests;

namespace Lexom.Training.Web.Features.Proposals;

/// <summary>One priced line of the draft (M3). A row left blank is ignored.</summary>
public sealed class LineForm
{
    [Display(Name = "libellé")]
    public string? Description { get; set; }

    [Display(Name = "quantité")]
    public decimal? Quantity { get; set; }

    [Display(Name = "prix unitaire HT")]
    public decimal? UnitPrice { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && Quantity is null && UnitPrice is null;
}

/// <summary>The dates of one session (P1, P2). A row left blank is ignored.</summary>
public sealed class SessionForm
{
    [Display(Name = "date de début")]
    public DateOnly? Start { get; set; }

    [Display(Name = "date de fin")]
    public DateOnly? End { get; set; }

    public bool IsBlank => Start is null && End is null;
}

/// <summary>The draft's form on /gestion/propositions/{id}: everything a draft holds, saved at once.</summary>
public sealed class ProposalForm
{
    public const int MaxLines = 30;
    public const int MaxSessions = 20;
    public const int BlankRows = 2;

    public string? Place { get; set; }
    public string? BillingAddress { get; set; }
    [Display(Name = "coût d'élaboration")]
    public decimal? PreparationCost { get; set; }

    [Display(Name = "nombre de participants")]
    public int? ParticipantCount { get; set; }
    public string? ParticipantNames { get; set; }
    public List<LineForm> Lines { get; set; } = [];
    public List<SessionForm> Sessions { get; set; } = [];

    /// <summary>The row version read with the form (optimistic concurrency).</summary>
    public uint Version { get; set; }

    public IReadOnlyList<string> Names() =>
        (ParticipantNames ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(n => n.Trim()).Where(n => n.Length > 0).ToList();

    public static ProposalForm From(Proposal p, uint version)
    {
        ArgumentNullException.ThrowIfNull(p);
        var form = new ProposalForm
        {
            Place = p.Place,
            BillingAddress = p.BillingAddress,
            PreparationCost = p.PreparationCost.Amount,
            ParticipantCount = p.Participants.Count,
            ParticipantNames = string.Join('\n', p.Participants.Where(x => !x.IsPlaceholder).Select(x => x.Name)),
            Lines = p.Lines.Select(l => new LineForm { Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPriceHt.Amount }).ToList(),
            Sessions = p.Sessions.Select(s => new SessionForm { Start = s.StartsOn, End = s.EndsOn }).ToList(),
            Version = version,
        };
        form.PadBlankRows();
        return form;
    }

    /// <summary>Empty rows to add a line or a session without JavaScript.</summary>
    public void PadBlankRows()
    {
        Lines.RemoveAll(l => l.IsBlank);
        Sessions.RemoveAll(s => s.IsBlank);
        for (var i = 0; i < BlankRows && Lines.Count < MaxLines; i++) Lines.Add(new LineForm());
        for (var i = 0; i < BlankRows && Sessions.Count < MaxSessions; i++) Sessions.Add(new SessionForm());
    }
}

public sealed class ProposalFormValidator : AbstractValidator<ProposalForm>
{
    public ProposalFormValidator()
    {
        RuleFor(f => f.Place).MaximumLength(300).WithMessage("Le lieu : 300 caractères au plus.");
        RuleFor(f => f.BillingAddress).MaximumLength(500).WithMessage("L'adresse de facturation : 500 caractères au plus.");
        RuleFor(f => f.PreparationCost)
            .Must(c => c is null or (>= 0 and <= 1_000_000)).WithMessage("Le coût d'élaboration est un montant entre 0 et 1 000 000 €.")
            .Must(TwoDecimals).WithMessage("Le coût d'élaboration a au plus deux décimales.");
        RuleFor(f => f.ParticipantCount)
            .NotNull().WithMessage("Indiquez le nombre de participants.")
            .InclusiveBetween(1, ProposalRequest.MaxParticipants).WithMessage($"Le nombre de participants est compris entre 1 et {ProposalRequest.MaxParticipants}.");
        RuleFor(f => f.ParticipantNames).MaximumLength(10_000).WithMessage("La liste des noms est trop longue.");
        RuleFor(f => f).Must(f => f.ParticipantCount is null || f.Names().Count <= f.ParticipantCount)
            .WithName("ParticipantNames").WithMessage("Il y a plus de noms que de participants.");
        RuleFor(f => f).Must(f => f.Names().All(n => n.Length <= 200))
            .WithName("ParticipantNames").WithMessage("Un nom de participant compte 200 caractères au plus.");
        RuleFor(f => f.Lines).Must(l => l.Count <= ProposalForm.MaxLines + ProposalForm.BlankRows).WithMessage($"Une proposition compte {ProposalForm.MaxLines} lignes au plus.");
        RuleFor(f => f.Sessions).Must(s => s.Count <= ProposalForm.MaxSessions + ProposalForm.BlankRows).WithMessage($"Une proposition compte {ProposalForm.MaxSessions} sessions au plus.");
        RuleForEach(f => f.Lines).Where(l => !l.IsBlank).ChildRules(line =>
        {
            line.RuleFor(l => l.Description).NotEmpty().WithMessage("Chaque ligne a un libellé.")
                .MaximumLength(500).WithMessage("Le libellé d'une ligne : 500 caractères au plus.");
            line.RuleFor(l => l.Quantity).NotNull().WithMessage("Chaque ligne a une quantité.")
                .Must(q => q is null or (> 0 and <= 100_000)).WithMessage("La quantité d'une ligne est positive (100 000 au plus).")
                .Must(TwoDecimals).WithMessage("La quantité a au plus deux décimales.");
            line.RuleFor(l => l.UnitPrice).NotNull().WithMessage("Chaque ligne a un prix unitaire HT.")
                .Must(u => u is null or (>= 0 and <= 1_000_000)).WithMessage("Le prix unitaire HT est compris entre 0 et 1 000 000 €.")
                .Must(TwoDecimals).WithMessage("Le prix unitaire HT a au plus deux décimales.");
        });
        RuleForEach(f => f.Sessions).Where(s => !s.IsBlank).ChildRules(session =>
        {
            session.RuleFor(s => s.Start).NotNull().WithMessage("Chaque session a une date de début.");
            session.RuleFor(s => s.End).NotNull().WithMessage("Chaque session a une date de fin.")
                .Must((s, end) => s.Start is null || end is null || end >= s.Start).WithMessage("Une session ne peut pas finir avant de commencer.");
        });
    }

    private static bool TwoDecimals(decimal? value) => value is null || decimal.Round(value.Value, 2) == value.Value;
}
