using FluentValidation;
using Lexom.Training.Domain.Orders;

namespace Lexom.Training.Web.Features.Orders;

/// <summary>The client's online acceptance (P4): typed full name, the mention, the CGV box, and the names still « à confirmer » (P1).</summary>
public sealed class OnlineAcceptanceForm
{
    public string? SignatoryName { get; set; }
    public string? Mention { get; set; }
    public bool CgvAccepted { get; set; }

    /// <summary>Participant id → the name typed for a placeholder (P1).</summary>
    public Dictionary<Guid, string?> Participants { get; set; } = [];
}

public sealed class OnlineAcceptanceFormValidator : AbstractValidator<OnlineAcceptanceForm>
{
    public OnlineAcceptanceFormValidator()
    {
        RuleFor(f => f.SignatoryName).NotEmpty().WithMessage("Tapez vos nom et prénom.")
            .MaximumLength(200).WithMessage("Le nom est trop long (200 caractères au plus).");
        RuleFor(f => f.Mention).Must(ElectronicAcceptance.IsBonPourAccord).WithMessage("Tapez la mention « Bon pour accord ».");
        RuleFor(f => f.CgvAccepted).Equal(true).WithMessage("Cochez la case pour accepter les conditions générales de vente.");
        RuleForEach(f => f.Participants).Must(p => !string.IsNullOrWhiteSpace(p.Value) && p.Value.Length <= 200)
            .WithMessage("Indiquez le nom de chaque participant (P1).");
    }
}

/// <summary>The staff's recording of a paper acceptance (P4, P6): the signed files and the day they were received.</summary>
public sealed class PaperAcceptanceForm
{
    public DateOnly? ReceivedOn { get; set; }
    public IFormFile? SignedDocument { get; set; }
    public IFormFile? SignedCgv { get; set; }

    /// <summary>Participant id → the name given for a placeholder (P1).</summary>
    public Dictionary<Guid, string?> Participants { get; set; } = [];
}

/// <summary>One signed document added to an order still waiting for it.</summary>
public sealed class SignedDocumentForm
{
    public string? Kind { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public IFormFile? File { get; set; }
}

/// <summary>M4: the deposit payment as the bank statement shows it.</summary>
public sealed class DepositForm
{
    public string? Amount { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public string? Method { get; set; }
    public string? Reference { get; set; }
}

public sealed class DepositFormValidator : AbstractValidator<DepositForm>
{
    public DepositFormValidator()
    {
        RuleFor(f => f.Amount).Must(a => OrderText.ParseAmount(a) is > 0m).WithMessage("Indiquez le montant reçu, en euros (par exemple 1 285,20).");
        RuleFor(f => f.ReceivedOn).NotNull().WithMessage("Indiquez la date de réception du paiement.");
        RuleFor(f => f.Method).Must(m => OrderText.MethodOf(m) is not null).WithMessage("Choisissez le moyen de paiement.");
        RuleFor(f => f.Reference).NotEmpty().WithMessage("Indiquez la référence bancaire du paiement (celle du relevé).")
            .MaximumLength(100).WithMessage("La référence bancaire est trop longue (100 caractères au plus).");
    }
}
