using FluentValidation;
using Lexom.Training.Domain.Catalog;

namespace Lexom.Training.Web.Features.Sessions;

/// <summary>The form that plans a session.</summary>
public sealed class SessionForm
{
    public string? Course { get; set; }

    /// <summary><c>inter</c> or <c>intra</c>.</summary>
    public string? Kind { get; set; } = "inter";

    public Guid? ClientId { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public string? Place { get; set; } = "LEXOM, Aubenas (07)";

    public Guid? TrainerId { get; set; }
}

public sealed class SessionFormValidator : AbstractValidator<SessionForm>
{
    public SessionFormValidator()
    {
        RuleFor(f => f.Course).NotEmpty().WithMessage("Choisissez la formation.");
        RuleFor(f => f.Kind).Must(k => k is "inter" or "intra").WithMessage("Choisissez INTER ou INTRA.");
        RuleFor(f => f.ClientId).NotNull().When(f => f.Kind == "intra").WithMessage("Une session INTRA est organisée pour un client : choisissez-le.");
        RuleFor(f => f.StartsOn).NotNull().WithMessage("Indiquez le premier jour.");
        RuleFor(f => f.EndsOn).NotNull().WithMessage("Indiquez le dernier jour.");
        RuleFor(f => f.EndsOn).GreaterThanOrEqualTo(f => f.StartsOn).When(f => f.StartsOn is not null && f.EndsOn is not null)
            .WithMessage("Le dernier jour ne peut pas précéder le premier.");
        RuleFor(f => f.Place).NotEmpty().WithMessage("Indiquez le lieu.").MaximumLength(CourseSession.PlaceMaxLength);
    }
}
