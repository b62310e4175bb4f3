using FluentValidation;
using Lexom.Training.Web.Features.Orders;

namespace Lexom.Training.Web.Features.Billing;

/// <summary>A payment received against an invoice, as the bank statement shows it, with the invoice's row version the form was read with.</summary>
public sealed class PaymentForm
{
    public string? Amount { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public string? Method { get; set; }
    public string? Reference { get; set; }

    /// <summary>The invoice's <c>xmin</c> when the page was read (optimistic concurrency).</summary>
    public uint? Version { get; set; }
}

public sealed class PaymentFormValidator : AbstractValidator<PaymentForm>
{
    public PaymentFormValidator()
    {
        RuleFor(f => f.Amount).Must(a => OrderText.ParseAmount(a) is > 0m).WithMessage("Indiquez le montant reçu, en euros (par exemple 2 998,80).");
        RuleFor(f => f.ReceivedOn).NotNull().WithMessage("Indiquez la date de réception du paiement.");
        RuleFor(f => f.Method).Must(m => OrderText.MethodOf(m) is not null).WithMessage("Choisissez le moyen de paiement.");
        RuleFor(f => f.Reference).NotEmpty().WithMessage("Indiquez la référence bancaire du paiement (celle du relevé).")
            .MaximumLength(100).WithMessage("La référence bancaire est trop longue (100 caractères au plus).");
        RuleFor(f => f.Version).NotNull().WithMessage("Le formulaire est incomplet : rechargez la page.");
    }
}

/// <summary>LW4: the reason of a credit note, printed on it.</summary>
public sealed class CreditNoteForm
{
    public const int ReasonMaxLength = 300;

    public string? Reason { get; set; }
}

public sealed class CreditNoteFormValidator : AbstractValidator<CreditNoteForm>
{
    public CreditNoteFormValidator()
    {
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Indiquez le motif de l'avoir : il figure sur l'avoir.")
            .MaximumLength(CreditNoteForm.ReasonMaxLength).WithMessage($"Le motif est trop long ({CreditNoteForm.ReasonMaxLength} caractères au plus).");
    }
}
