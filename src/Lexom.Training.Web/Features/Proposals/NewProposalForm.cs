using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lexom.Training.Domain.Requests;

namespace Lexom.Training.Web.Features.Proposals;

/// <summary>/gestion/propositions/nouvelle: a draft from scratch for a client and a course.</summary>
public sealed class NewProposalForm
{
    [Display(Name = "client")]
    public Guid? ClientId { get; set; }

    [Display(Name = "formation")]
    public Guid? CourseId { get; set; }

    /// <summary>"inter" or "intra".</summary>
    public string? Format { get; set; }

    [Display(Name = "nombre de participants")]
    public int? ParticipantCount { get; set; }
}

public sealed class NewProposalFormValidator : AbstractValidator<NewProposalForm>
{
    public NewProposalFormValidator()
    {
        RuleFor(f => f.ClientId).NotNull().WithMessage("Choisissez le client.");
        RuleFor(f => f.CourseId).NotNull().WithMessage("Choisissez la formation.");
        RuleFor(f => f.Format).Must(f => f is "inter" or "intra").WithMessage("Choisissez INTER ou INTRA.");
        RuleFor(f => f.ParticipantCount)
            .NotNull().WithMessage("Indiquez le nombre de participants.")
            .InclusiveBetween(1, ProposalRequest.MaxParticipants).WithMessage($"Le nombre de participants est compris entre 1 et {ProposalRequest.MaxParticipants}.");
    }
}
