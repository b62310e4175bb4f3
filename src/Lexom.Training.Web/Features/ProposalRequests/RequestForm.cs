using FluentValidation;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Features.ProposalRequests;

/// <summary>The public form of /demande-de-proposition.</summary>
public sealed class RequestForm
{
    public string? Formation { get; set; }
    /// <summary>"entreprise" or "particulier".</summary>
    public string? ClientKind { get; set; }
    public string? CompanyName { get; set; }
    public string? Siret { get; set; }
    public string? VatNumber { get; set; }
    public string? ContactName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    /// <summary>"inter" or "intra".</summary>
    public string? Format { get; set; }
    public Guid? SessionId { get; set; }
    public DateOnly? WishedStart { get; set; }
    public string? WishedDates { get; set; }
    public string? Place { get; set; }
    public int? ParticipantCount { get; set; }
    public string? ParticipantNames { get; set; }
    public string? Message { get; set; }
    /// <summary>Honeypot: hidden from people, filled by bots.</summary>
    public string? Website { get; set; }
    /// <summary>Generated with the form: a second submission of the same form creates nothing.</summary>
    public Guid SubmissionKey { get; set; }

    public bool IsCompany => ClientKind == "entreprise";
    public bool IsIntra => Format == "intra";

    public IReadOnlyList<string> Names() =>
        (ParticipantNames ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
}

public sealed class RequestFormValidator : AbstractValidator<RequestForm>
{
    public const int ShortText = 200;
    public const int LongText = 4000;

    public RequestFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Formation).NotEmpty().WithMessage("Choisissez la formation.");
        RuleFor(f => f.ClientKind).Must(k => k is "entreprise" or "particulier")
            .WithMessage("Indiquez si vous demandez pour une entreprise ou à titre personnel.");
        When(f => f.IsCompany, () =>
        {
            RuleFor(f => f.CompanyName).NotEmpty().WithMessage("La raison sociale est obligatoire.")
                .MaximumLength(ShortText).WithMessage($"La raison sociale : {ShortText} caractères au plus.");
            RuleFor(f => f.Siret).NotEmpty().WithMessage("Le numéro SIRET est obligatoire pour une entreprise.")
                .Must(FrenchIdentifiers.IsValidSiret).When(f => !string.IsNullOrEmpty(f.Siret), ApplyConditionTo.CurrentValidator)
                .WithMessage("Le numéro SIRET n'est pas valide : 14 chiffres, avec une clé de contrôle (vérifiez-le sur votre Kbis).");
            RuleFor(f => f.VatNumber).Must((f, v) => FrenchIdentifiers.IsValidVatNumber(v, f.Siret)).When(f => !string.IsNullOrWhiteSpace(f.VatNumber))
                .WithMessage("Le numéro de TVA intracommunautaire n'est pas valide (pour la France : FR, 2 chiffres de clé et le SIREN).");
        });
        RuleFor(f => f.ContactName).NotEmpty().WithMessage("Indiquez vos nom et prénom.")
            .MaximumLength(ShortText).WithMessage($"Nom et prénom : {ShortText} caractères au plus.");
        RuleFor(f => f.Email).NotEmpty().WithMessage("L'adresse e-mail est obligatoire.")
            .Must(Client.IsEmail).When(f => !string.IsNullOrEmpty(f.Email), ApplyConditionTo.CurrentValidator).WithMessage("L'adresse e-mail n'est pas valide.");
        RuleFor(f => f.Phone).MaximumLength(30).WithMessage("Le téléphone : 30 caractères au plus.")
            .Matches(@"^[0-9 +().-]*$").WithMessage("Le téléphone ne contient que des chiffres, des espaces et + ( ) . -");
        RuleFor(f => f.AddressLine1).NotEmpty().WithMessage("L'adresse de facturation est obligatoire.")
            .MaximumLength(ShortText).WithMessage($"L'adresse : {ShortText} caractères au plus.");
        RuleFor(f => f.AddressLine2).MaximumLength(ShortText).WithMessage($"Le complément d'adresse : {ShortText} caractères au plus.");
        RuleFor(f => f.PostalCode).NotEmpty().WithMessage("Le code postal est obligatoire.")
            .Must(FrenchIdentifiers.IsValidPostalCode).When(f => !string.IsNullOrEmpty(f.PostalCode), ApplyConditionTo.CurrentValidator).WithMessage("Le code postal compte 5 chiffres.");
        RuleFor(f => f.City).NotEmpty().WithMessage("La ville est obligatoire.")
            .MaximumLength(100).WithMessage("La ville : 100 caractères au plus.");
        RuleFor(f => f.Format).Must(k => k is "inter" or "intra").WithMessage("Choisissez INTER (dans nos locaux) ou INTRA (dans votre entreprise).");
        RuleFor(f => f.WishedStart)
            .Must(d => d > clock.Today()).When(f => f.WishedStart is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("La date de début souhaitée doit être dans le futur.")
            .Must(d => d < clock.Today().AddYears(2)).When(f => f.WishedStart is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("La date de début souhaitée est à moins de deux ans.");
        RuleFor(f => f).Must(f => f.SessionId is not null || f.WishedStart is not null || !string.IsNullOrWhiteSpace(f.WishedDates))
            .When(f => f.Format is "inter" or "intra")
            .WithName("Dates").WithMessage("Choisissez une session ou indiquez la date de début souhaitée.");
        RuleFor(f => f.WishedDates).MaximumLength(ShortText).WithMessage($"Les dates souhaitées : {ShortText} caractères au plus.");
        RuleFor(f => f.Place).NotEmpty().When(f => f.IsIntra, ApplyConditionTo.CurrentValidator).WithMessage("Pour une formation INTRA, indiquez le lieu (ville de votre entreprise).")
            .MaximumLength(ShortText).WithMessage($"Le lieu : {ShortText} caractères au plus.");
        RuleFor(f => f.ParticipantCount).NotNull().WithMessage("Indiquez le nombre de participants.")
            .InclusiveBetween(1, ProposalRequest.MaxParticipants).WithMessage($"Le nombre de participants est compris entre 1 et {ProposalRequest.MaxParticipants}.");
        RuleFor(f => f.Names()).Must((f, names) => names.Count <= (f.ParticipantCount ?? 0)).When(f => f.ParticipantCount is > 0, ApplyConditionTo.CurrentValidator)
            .WithName("ParticipantNames").WithMessage("Vous avez saisi plus de noms que de participants.");
        RuleFor(f => f.Names()).Must(names => names.All(n => n.Length <= 120))
            .WithName("ParticipantNames").WithMessage("Chaque nom de participant : 120 caractères au plus.");
        RuleFor(f => f.Message).MaximumLength(LongText).WithMessage($"Le message : {LongText} caractères au plus.");
        RuleFor(f => f.SubmissionKey).NotEmpty().WithMessage("Le formulaire a expiré : rechargez la page.");
    }
}
