using FluentValidation;
using Lexom.Training.Web.Features.Orders;

namespace Lexom.Training.Web.Features.Opco;

/// <summary>O1, O2, R4: « Enregistrer une prise en charge OPCO » on the staff's order page, with the copy of the agreement.</summary>
public sealed class OpcoFundingForm
{
    public string? OpcoName { get; set; }
    public string? AgreementNumber { get; set; }

    /// <summary>The amount TTC the OPCO agreed to pay (O2), in euros as typed (« 2 000,00 »).</summary>
    public string? AgreedAmount { get; set; }

    /// <summary>« oui »: LEXOM bills the OPCO its part (O2); « non »: the client pays everything and is refunded by its OPCO.</summary>
    public string? Subrogation { get; set; }

    /// <summary>R4: what the OPCO agreed to cover of an indemnity (cancellation, postponement); empty means nothing.</summary>
    public string? IndemnityCoverage { get; set; }

    public IFormFile? AgreementFile { get; set; }

    public bool? SubrogationChoice => Subrogation switch { "oui" => true, "non" => false, _ => null };
}

public sealed class OpcoFundingFormValidator : AbstractValidator<OpcoFundingForm>
{
    public OpcoFundingFormValidator()
    {
        RuleFor(f => f.OpcoName).NotEmpty().WithMessage("Indiquez le nom de l'OPCO (O1).")
            .MaximumLength(200).WithMessage("Le nom de l'OPCO est trop long (200 caractères au plus).");
        RuleFor(f => f.AgreementNumber).NotEmpty().WithMessage("Indiquez le numéro de l'accord de prise en charge (O1).")
            .MaximumLength(100).WithMessage("Le numéro de l'accord est trop long (100 caractères au plus).");
        RuleFor(f => f.AgreedAmount).Must(a => OrderText.ParseAmount(a) is > 0m)
            .WithMessage("Indiquez le montant TTC accordé par l'OPCO, en euros (par exemple 2 000,00) (O2).");
        RuleFor(f => f.Subrogation).Must(s => s is "oui" or "non").WithMessage("Dites si l'OPCO paie LEXOM directement (subrogation : oui ou non).");
        RuleFor(f => f.IndemnityCoverage).Must(c => string.IsNullOrWhiteSpace(c) || OrderText.ParseAmount(c) is >= 0m)
            .WithMessage("La part des indemnités couverte par l'OPCO (R4) est un montant en euros, ou vide pour aucune.");
        RuleFor(f => f).Must(f => OrderText.ParseAmount(f.IndemnityCoverage) is not { } c || OrderText.ParseAmount(f.AgreedAmount) is not { } a || c <= a)
            .WithName(nameof(OpcoFundingForm.IndemnityCoverage))
            .WithMessage("La part des indemnités couverte par l'OPCO (R4) ne peut pas dépasser le montant qu'il prend en charge.");
        RuleFor(f => f.AgreementFile).NotNull().WithMessage("Joignez la copie de l'accord de prise en charge (PDF, JPEG ou PNG) (O1).");
    }
}
