using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Sessions;

/// <summary>
/// /gestion/sessions: the sessions (list and month calendar), planning one, its trainer and its enrolments. The staff see
/// and change everything; a trainer (« Formateur ») sees only the sessions they lead.
/// </summary>
[Authorize(Policy = Policies.Sessions)]
public sealed class SessionsController(SessionQueries queries, SessionDesk desk, SessionAttendance attendance, SessionClosing closing, IValidator<SessionForm> validator, TimeProvider clock) : Controller
{
    /// <summary>Issue 8: « Envoyer les convocations maintenant » (confirmed orders only, C2; once per version of the session).</summary>
    [HttpPost("/gestion/sessions/{id:guid}/convocations")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Convene(Guid id, [FromServices] SessionConvocations convocations, CancellationToken ct) =>
        Done(id, await convocations.SendNowAsync(id, ct));

    /// <summary>A participant's own e-mail (optional): their convocation goes there, the client's contact in copy.</summary>
    [HttpPost("/gestion/sessions/{id:guid}/participants/{participantId:guid}/email")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> ParticipantEmail(Guid id, Guid participantId, string? email, CancellationToken ct) =>
        Done(id, await desk.ChangeParticipantEmailAsync(id, participantId, email, ct));

    /// <summary>Moving the session: the preview (each order through R1–R4, X4), nothing changed.</summary>
    [HttpPost("/gestion/sessions/{id:guid}/deplacement/apercu")]
    [Authorize(Policy = Policies.Staff)]
    public Task<IActionResult> PreviewMove(Guid id, MoveSessionForm form, [FromServices] IValidator<MoveSessionForm> moveValidator,
        [FromServices] SessionChanges changes, CancellationToken ct) =>
        IfValidAsync(id, form, moveValidator, async () => await changes.PreviewMoveAsync(id, form, ct) is { } preview ? View("Change", preview) : NotFound(), ct);

    [HttpPost("/gestion/sessions/{id:guid}/deplacement")]
    [Authorize(Policy = Policies.Staff)]
    public Task<IActionResult> Move(Guid id, MoveSessionForm form, [FromServices] IValidator<MoveSessionForm> moveValidator,
        [FromServices] SessionChanges changes, CancellationToken ct) =>
        IfValidAsync(id, form, moveValidator, async () => Done(id, await changes.MoveAsync(id, form, StaffId(), ct)), ct);

    /// <summary>X4: LEXOM cancels the session: the preview, nothing changed.</summary>
    [HttpPost("/gestion/sessions/{id:guid}/annulation/apercu")]
    [Authorize(Policy = Policies.Staff)]
    public Task<IActionResult> PreviewCancel(Guid id, CancelSessionForm form, [FromServices] IValidator<CancelSessionForm> cancelValidator,
        [FromServices] SessionChanges changes, CancellationToken ct) =>
        IfValidAsync(id, form, cancelValidator, async () => await changes.PreviewCancelAsync(id, form, ct) is { } preview ? View("Change", preview) : NotFound(), ct);

    [HttpPost("/gestion/sessions/{id:guid}/annulation")]
    [Authorize(Policy = Policies.Staff)]
    public Task<IActionResult> Cancel(Guid id, CancelSessionForm form, [FromServices] IValidator<CancelSessionForm> cancelValidator,
        [FromServices] SessionChanges changes, CancellationToken ct) =>
        IfValidAsync(id, form, cancelValidator, async () => Done(id, await changes.CancelAsync(id, form, StaffId(), ct)), ct);

    /// <summary>Runs the action on a valid form; a refused one comes back to the session page with its French messages.</summary>
    private async Task<IActionResult> IfValidAsync<TForm>(Guid id, TForm form, IValidator<TForm> validator, Func<Task<IActionResult>> action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await validator.ValidateIntoAsync(form, ModelState, ct)) return await action();
        TempData["FlashError"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());
        return Redirect($"/gestion/sessions/{id}");
    }

    [HttpGet("/gestion/sessions/{id:guid}/emargement")]
    public async Task<IActionResult> Attendance(Guid id, DateOnly? jour, CancellationToken ct)
    {
        var sheet = await attendance.SheetAsync(id, jour, clock.Today(), TrainerScope(), ct);
        return sheet is null ? NotFound() : View(sheet);
    }

    /// <summary>A1: the printable attendance sheet (PDF) of the whole session, for the trainer or the staff.</summary>
    [HttpGet("/gestion/sessions/{id:guid}/emargement.pdf")]
    public async Task<IActionResult> AttendancePdf(Guid id, CancellationToken ct)
    {
        var sheet = await attendance.SheetPdfAsync(id, TrainerScope(), ct);
        return sheet is { } s ? File(s.Pdf, "application/pdf", s.FileName) : NotFound();
    }

    [HttpPost("/gestion/sessions/{id:guid}/emargement")]
    public async Task<IActionResult> RecordAttendance(Guid id, DateOnly day, string[]? present, CancellationToken ct)
    {
        var result = await attendance.RecordAsync(id, day, present ?? [], clock.Today(), TrainerScope(), ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded) TempData["Flash"] = result.Message;
        else TempData["FlashError"] = result.Error;
        return Redirect($"/gestion/sessions/{id}/emargement?jour={day:yyyy-MM-dd}");
    }

    [HttpGet("/gestion/sessions")]
    public async Task<IActionResult> Index(string? mois, CancellationToken ct)
    {
        var month = DateOnly.TryParseExact(mois + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : clock.Today();
        return View(await queries.ListAsync(month, TrainerScope(), ct));
    }

    [HttpGet("/gestion/sessions/nouvelle")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> New(CancellationToken ct) => await FormView(new SessionForm(), ct);

    [HttpPost("/gestion/sessions/nouvelle")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Create(SessionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await validator.ValidateIntoAsync(form, ModelState, ct)) return await FormView(form, ct);
        var result = await desk.PlanAsync(form, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error!);
            return await FormView(form, ct);
        }
        TempData["Flash"] = "Session planifiée.";
        return Redirect($"/gestion/sessions/{result.SessionId}");
    }

    [HttpGet("/gestion/sessions/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var view = await queries.ViewAsync(id, TrainerScope(), ct);
        return view is null ? NotFound() : View(view);
    }

    [HttpPost("/gestion/sessions/{id:guid}/formateur")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Trainer(Guid id, Guid? trainerId, CancellationToken ct) =>
        Done(id, await desk.ChangeTrainerAsync(id, trainerId, ct));

    [HttpPost("/gestion/sessions/{id:guid}/inscriptions")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Enrol(Guid id, Guid participantId, CancellationToken ct) =>
        Done(id, await desk.EnrolAsync(id, participantId, ct));

    [HttpPost("/gestion/sessions/{id:guid}/desinscription")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Unenrol(Guid id, Guid participantId, CancellationToken ct) =>
        Done(id, await desk.UnenrolAsync(id, participantId, ct));

    /// <summary>« Clôturer la session »: attestations, e-mails, orders completed and final invoices in one go (staff only).</summary>
    [HttpPost("/gestion/sessions/{id:guid}/cloture")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Close(Guid id, CancellationToken ct)
    {
        var result = await closing.CloseAsync(id, StaffId(), ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = result.Message;
            return Redirect($"/gestion/sessions/{id}/attestations");
        }
        TempData["FlashError"] = result.Error;
        return Redirect($"/gestion/sessions/{id}");
    }

    [HttpGet("/gestion/sessions/{id:guid}/attestations")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Attestations(Guid id, CancellationToken ct)
    {
        var tracking = await queries.AttestationsAsync(id, ct);
        return tracking is null ? NotFound() : View(tracking);
    }

    [HttpPost("/gestion/sessions/{id:guid}/attestations/{attestationId:guid}/renvoi")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Resend(Guid id, Guid attestationId, CancellationToken ct)
    {
        var result = await closing.ResendAsync(id, attestationId, ct);
        if (result.NotFound) return NotFound();
        TempData["Flash"] = result.Message;
        return Redirect($"/gestion/sessions/{id}/attestations");
    }

    private Guid? StaffId() => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    private IActionResult Done(Guid id, SessionResult result)
    {
        if (result.NotFound) return NotFound();
        if (result.Succeeded) TempData["Flash"] = result.Message;
        else TempData["FlashError"] = result.Error;
        return Redirect($"/gestion/sessions/{id}");
    }

    private async Task<IActionResult> FormView(SessionForm form, CancellationToken ct)
    {
        ViewData["Courses"] = await queries.CoursesAsync(ct);
        ViewData["Clients"] = await queries.ClientsAsync(ct);
        ViewData["Trainers"] = await queries.TrainersAsync();
        return View("New", form);
    }

    /// <summary>A trainer who is not staff sees only their own sessions.</summary>
    private Guid? TrainerScope() =>
        User.IsInRole(Roles.Sales) || User.IsInRole(Roles.Admin) ? null : Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
