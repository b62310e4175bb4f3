using FluentValidation;
using Lexom.Training.Domain.Clients;

namespace Lexom.Training.Web.Features.Privacy;

/// <summary>G3 rectification by the client: the contact's data they may change themselves.</summary>
public sealed class RectificationForm
{
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
}

public sealed class RectificationFormValidator : AbstractValidator<RectificationForm>
{
    public RectificationFormValidator()
    {
        RuleFor(f => f.ContactName).NotEmpty().WithMessage("Indiquez le nom du contact.").MaximumLength(200).WithMessage("Le nom est trop long (200 caractères au plus).");
        RuleFor(f => f.Phone).MaximumLength(30).WithMessage("Le téléphone est trop long (30 caractères au plus).");
        RuleFor(f => f.AddressLine1).NotEmpty().WithMessage("Indiquez l'adresse.").MaximumLength(200).WithMessage("L'adresse est trop longue (200 caractères au plus).");
        RuleFor(f => f.AddressLine2).MaximumLength(200).WithMessage("Le complément d'adresse est trop long (200 caractères au plus).");
        RuleFor(f => f.PostalCode).Must(FrenchIdentifiers.IsValidPostalCode).WithMessage("Le code postal n'est pas valide (5 chiffres).");
        RuleFor(f => f.City).NotEmpty().WithMessage("Indiquez la ville.").MaximumLength(100).WithMessage("La ville est trop longue (100 caractères au plus).");
    }
}

/// <summary>G3: a request the client writes (what they cannot edit, restriction, erasure), or one the staff record.</summary>
public sealed class PrivacyRequestForm
{
    public string? Type { get; set; }
    public string? Details { get; set; }

    /// <summary>Staff only: the day the request was received (by mail, by e-mail to the DPO).</summary>
    public DateOnly? ReceivedOn { get; set; }
}

public sealed class PrivacyRequestFormValidator : AbstractValidator<PrivacyRequestForm>
{
    public PrivacyRequestFormValidator()
    {
        RuleFor(f => f.Type).Must(t => t is not null && PrivacyText.Keys.ContainsKey(t)).WithMessage("Choisissez le type de demande.");
        RuleFor(f => f.Details).MaximumLength(2000).WithMessage("Le message est trop long (2 000 caractères au plus).");
        RuleFor(f => f.Details).NotEmpty().When(f => f.Type == "rectification").WithMessage("Dites ce qui est à corriger.");
    }
}

/// <summary>Staff: the answer to a request.</summary>
public sealed class PrivacyAnswerForm
{
    public string? Outcome { get; set; }
    public bool Refused { get; set; }
}

public sealed class PrivacyAnswerFormValidator : AbstractValidator<PrivacyAnswerForm>
{
    public PrivacyAnswerFormValidator()
    {
        RuleFor(f => f.Outcome).NotEmpty().WithMessage("Indiquez la réponse donnée.").MaximumLength(1000).WithMessage("La réponse est trop longue (1 000 caractères au plus).");
    }
}
