using FluentValidation;
using Lexom.Training.Web.Features.Orders;

namespace Lexom.Training.Web.Features.OrderChanges;

/// <summary>
/// X1–X6, C3: « Annuler la commande » on the staff's order page. The written request (X1): the day LEXOM received it and
/// either the scan of the letter or e-mail, or a reference to the e-mail; the reason (<see cref="ChangeText.CancellationReasons"/>).
/// </summary>
public sealed class CancellationForm
{
    /// <summary>The prefix of the field ids and of their errors on the order page (two forms share it).</summary>
    public const string Prefix = "annulation-";

    public string? Reason { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public IFormFile? File { get; set; }
    public string? EmailReference { get; set; }
}

/// <summary>R1–R4 (X4): « Reporter la formation »: the written request, the reason and the new dates.</summary>
public sealed class PostponementForm
{
    public const string Prefix = "report-";

    public string? Reason { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public IFormFile? File { get; set; }
    public string? EmailReference { get; set; }
    public DateOnly? NewStartsOn { get; set; }
    public DateOnly? NewEndsOn { get; set; }
}

/// <summary>
/// The preview's « Confirmer »: what was previewed, in hidden fields, and the order's row version (<c>xmin</c>) it was
/// computed from. The handler decides again from these values; a changed version refuses the confirmation.
/// </summary>
public sealed class ConfirmChangeForm
{
    public string? Reason { get; set; }
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>The written request's scan, kept when the preview accepted it (<see cref="Data.StoredFileKind.WrittenRequest"/>).</summary>
    public Guid? FileId { get; set; }

    public string? EmailReference { get; set; }
    public DateOnly? NewStartsOn { get; set; }
    public DateOnly? NewEndsOn { get; set; }
    public uint Version { get; set; }
}

/// <summary>« Enregistrer un remboursement »: what a decision left to pay back (X4, X6, P7), as the bank statement shows it.</summary>
public sealed class RefundForm
{
    public const string Prefix = "remboursement-";

    public string? Amount { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? Reference { get; set; }
}

public sealed class CancellationFormValidator : AbstractValidator<CancellationForm>
{
    public CancellationFormValidator()
    {
        RuleFor(f => f.Reason).Must(r => ChangeText.CancellationReasonOf(r) is not null).WithMessage("Choisissez le motif de l'annulation.");
        RuleFor(f => f.ReceivedOn).NotNull().WithMessage("Indiquez la date de réception de la demande écrite.");
        RuleFor(f => f.EmailReference).MaximumLength(ChangeText.EmailReferenceMaxLength)
            .WithMessage($"La référence de l'e-mail est trop longue ({ChangeText.EmailReferenceMaxLength} caractères au plus).");
    }
}

public sealed class PostponementFormValidator : AbstractValidator<PostponementForm>
{
    public PostponementFormValidator()
    {
        RuleFor(f => f.Reason).Must(r => ChangeText.PostponementReasonOf(r) is not null).WithMessage("Choisissez le motif du report.");
        RuleFor(f => f.ReceivedOn).NotNull().WithMessage("Indiquez la date de réception de la demande écrite.");
        RuleFor(f => f.EmailReference).MaximumLength(ChangeText.EmailReferenceMaxLength)
            .WithMessage($"La référence de l'e-mail est trop longue ({ChangeText.EmailReferenceMaxLength} caractères au plus).");
        RuleFor(f => f.NewStartsOn).NotNull().WithMessage("Indiquez le premier jour de la nouvelle session.");
        RuleFor(f => f.NewEndsOn).NotNull().WithMessage("Indiquez le dernier jour de la nouvelle session.")
            .GreaterThanOrEqualTo(f => f.NewStartsOn).When(f => f.NewStartsOn is not null && f.NewEndsOn is not null)
            .WithMessage("La nouvelle session ne peut pas finir avant de commencer.");
    }
}

public sealed class RefundFormValidator : AbstractValidator<RefundForm>
{
    public RefundFormValidator()
    {
        RuleFor(f => f.Amount).Must(a => OrderText.ParseAmount(a) is > 0m).WithMessage("Indiquez le montant remboursé, en euros (par exemple 1 285,20).");
        RuleFor(f => f.PaidOn).NotNull().WithMessage("Indiquez la date du remboursement.");
        RuleFor(f => f.Reference).NotEmpty().WithMessage("Indiquez la référence bancaire du remboursement (celle du relevé).")
            .MaximumLength(100).WithMessage("La référence bancaire est trop longue (100 caractères au plus).");
    }
}
