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

/// <summary>Issue 8: moving a session (its preview, then its confirmation with the session's version it was computed from).</summary>
public sealed class MoveSessionForm
{
    public DateOnly? NewStartsOn { get; set; }

    public DateOnly? NewEndsOn { get; set; }

    /// <summary>A key of <see cref="SessionText.MoveReasons"/>.</summary>
    public string? Reason { get; set; }

    /// <summary>The client's written request (R1), when the client asks.</summary>
    public string? EmailReference { get; set; }

    public int Version { get; set; }
}

public sealed class MoveSessionFormValidator : AbstractValidator<MoveSessionForm>
{
    public MoveSessionFormValidator()
    {
        RuleFor(f => f.NewStartsOn).NotNull().WithMessage("Indiquez le nouveau premier jour.");
        RuleFor(f => f.NewEndsOn).NotNull().WithMessage("Indiquez le nouveau dernier jour.");
        RuleFor(f => f.NewEndsOn).GreaterThanOrEqualTo(f => f.NewStartsOn).When(f => f.NewStartsOn is not null && f.NewEndsOn is not null)
            .WithMessage("Le dernier jour ne peut pas précéder le premier.");
        RuleFor(f => f.Reason).Must(r => SessionText.MoveReasons.Any(m => m.Key == r)).WithMessage("Choisissez pourquoi la session est déplacée.");
        RuleFor(f => f.EmailReference).NotEmpty().When(f => f.Reason == "client")
            .WithMessage("Un report à la demande du client se fait par écrit : indiquez la référence de sa lettre ou de son e-mail (R1).")
            .MaximumLength(OrderChanges.ChangeText.EmailReferenceMaxLength).WithMessage("La référence est trop longue.");
    }
}

/// <summary>X4: LEXOM cancels a session (its preview, then its confirmation).</summary>
public sealed class CancelSessionForm
{
    /// <summary>A key of <see cref="SessionText.CancelReasons"/>.</summary>
    public string? Reason { get; set; }

    public int Version { get; set; }
}

public sealed class CancelSessionFormValidator : AbstractValidator<CancelSessionForm>
{
    public CancelSessionFormValidator()
    {
        RuleFor(f => f.Reason).Must(r => SessionText.CancelReasons.Any(m => m.Key == r)).WithMessage("Choisissez le motif de l'annulation (X4).");
    }
}
