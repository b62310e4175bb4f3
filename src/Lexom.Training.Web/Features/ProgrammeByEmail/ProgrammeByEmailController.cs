using Lexom.Training.Web.Infrastructure;
using FluentValidation;
using Lexom.Training.Web.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Lexom.Training.Web.Features.ProgrammeByEmail;

public sealed record ProgrammeByEmailView(string Reference, string Title, ProgrammeByEmailForm Form);

public sealed record ProgrammeSentView(string Reference, string Title, string Email);

/// <summary>
/// /formations/{reference}/programme-par-email: the course sheet PDF sent to the address a visitor gives
/// (the form sits on the course page; this page shows it again with its errors). Rate-limited per IP.
/// </summary>
[AllowAnonymous]
[Route("/formations/{reference}/programme-par-email")]
public sealed class ProgrammeByEmailController(ProgrammeByEmailHandler handler, IValidator<ProgrammeByEmailForm> validator, ILogger<ProgrammeByEmailController> logger) : Controller
{
    private const string SentTo = "ProgrammeSentTo";

    [HttpGet("")]
    public async Task<IActionResult> Form(string reference, CancellationToken ct)
    {
        var title = await handler.TitleAsync(reference, ct);
        return title is null ? NotFound() : View(new ProgrammeByEmailView(reference.ToUpperInvariant(), title, new ProgrammeByEmailForm()));
    }

    [HttpPost("")]
    [EnableRateLimiting(EmailServices.PublicFormPolicy)]
    public async Task<IActionResult> Send(string reference, ProgrammeByEmailForm form, CancellationToken ct)
    {
        var title = await handler.TitleAsync(reference, ct);
        if (title is null) return NotFound();
        var normalized = reference.ToUpperInvariant();

        if (!await validator.ValidateIntoAsync(form, ModelState, ct))
        {
            return View("Form", new ProgrammeByEmailView(normalized, title, form));
        }

        var email = form.Email!.Trim();
        if (form.IsRobot)
        {
            // Answer as if sent: a robot learns nothing.
            logger.LogInformation("Demande de programme {Reference} ignorée : champ piège rempli", normalized);
        }
        else if (!await handler.SendAsync(normalized, email, ct))
        {
            return NotFound();
        }
        TempData[SentTo] = email;
        return Redirect($"/formations/{normalized}/programme-par-email/envoye");
    }

    [HttpGet("envoye")]
    public async Task<IActionResult> Sent(string reference, CancellationToken ct)
    {
        var title = await handler.TitleAsync(reference, ct);
        if (title is null) return NotFound();
        if (TempData[SentTo] is not string email) return Redirect($"/formations/{reference.ToUpperInvariant()}");
        return View(new ProgrammeSentView(reference.ToUpperInvariant(), title, email));
    }
}
