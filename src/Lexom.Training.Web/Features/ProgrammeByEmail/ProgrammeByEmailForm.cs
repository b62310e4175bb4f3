using FluentValidation;
using MimeKit;

namespace Lexom.Training.Web.Features.ProgrammeByEmail;

/// <summary>"Recevoir le programme par e-mail": an address, and a field that only robots fill.</summary>
public sealed class ProgrammeByEmailForm
{
    public const int EmailMaxLength = 254;

    public string? Email { get; set; }

    /// <summary>The honeypot: hidden from people (and from screen readers); a robot that fills it is sent nothing.</summary>
    public string? Website { get; set; }

    public bool IsRobot => !string.IsNullOrEmpty(Website);
}

public sealed class ProgrammeByEmailFormValidator : AbstractValidator<ProgrammeByEmailForm>
{
    public ProgrammeByEmailFormValidator()
    {
        RuleFor(f => f.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Saisissez votre adresse e-mail.")
            .MaximumLength(ProgrammeByEmailForm.EmailMaxLength).WithMessage("L'adresse e-mail est trop longue ({MaxLength} caractères au plus).")
            .Must(BeAnAddress).WithMessage("L'adresse e-mail n'est pas valide : elle s'écrit comme prenom.nom@exemple.fr.");
    }

    /// <summary>One mailbox, a local part, a domain with a dot; no name, no list, no spaces.</summary>
    public static bool BeAnAddress(string? value)
    {
        if (value is null) return false;
        var email = value.Trim();
        if (email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';')) return false;
        if (!MailboxAddress.TryParse(email, out var mailbox) || mailbox.Address != email) return false;
        var at = email.LastIndexOf('@');
        if (at <= 0) return false;
        var domain = email[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
