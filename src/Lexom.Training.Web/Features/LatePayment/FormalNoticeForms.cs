using FluentValidation;

namespace Lexom.Training.Web.Features.LatePayment;

/// <summary>T1: the formal notice sent to the client: its date and its scan.</summary>
public sealed class FormalNoticeForm
{
    public DateOnly? NoticeOn { get; set; }
    public IFormFile? NoticeFile { get; set; }
}

public sealed class FormalNoticeFormValidator : AbstractValidator<FormalNoticeForm>
{
    public FormalNoticeFormValidator()
    {
        RuleFor(f => f.NoticeOn).NotNull().WithMessage("Indiquez la date de la mise en demeure (T1).");
        RuleFor(f => f.NoticeFile).NotNull().WithMessage("Joignez la mise en demeure envoyée (PDF, JPEG ou PNG) (T1).");
    }
}

/// <summary>T1: the day the client answered the formal notice.</summary>
public sealed class NoticeAnswerForm
{
    public DateOnly? AnsweredOn { get; set; }
}

public sealed class NoticeAnswerFormValidator : AbstractValidator<NoticeAnswerForm>
{
    public NoticeAnswerFormValidator()
    {
        RuleFor(f => f.AnsweredOn).NotNull().WithMessage("Indiquez la date de la réponse du client (T1).");
    }
}
