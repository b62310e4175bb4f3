using System.Security.Claims;
using FluentValidation;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Proposals;

/// <summary>/gestion/propositions: the sales team prepares, edits and issues proposals (Sales, Admin).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ProposalsController(
    ProposalQueries queries,
    ProposalDrafts drafts,
    ProposalIssuer issuer,
    IValidator<ProposalForm> validator,
    IValidator<NewProposalForm> newValidator) : Controller
{
    [HttpGet("/gestion/propositions")]
    public async Task<IActionResult> Index([FromQuery] ProposalFilter filter, CancellationToken ct)
    {
        ClearBindingErrors(filter);
        return View(await queries.ListAsync(filter, ct));
    }

    [HttpGet("/gestion/propositions/export.csv")]
    public async Task<IActionResult> Export([FromQuery] ProposalFilter filter, CancellationToken ct)
    {
        ClearBindingErrors(filter);
        return File(await queries.CsvAsync(filter, ct), "text/csv; charset=utf-8", "propositions.csv");
    }

    [HttpGet("/gestion/propositions/nouvelle")]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View("New", await queries.NewViewAsync(new NewProposalForm { Format = "inter", ParticipantCount = 1 }, ct));

    [HttpPost("/gestion/propositions/nouvelle")]
    public async Task<IActionResult> Create(NewProposalForm form, CancellationToken ct)
    {
        if (await newValidator.ValidateIntoAsync(form, ModelState, ct))
        {
            var result = await drafts.CreateAsync(form, CurrentUserId(), ct);
            if (result.Succeeded)
            {
                TempData["Flash"] = "Brouillon créé : complétez les dates, le lieu et les participants.";
                return Redirect($"/gestion/propositions/{result.ProposalId}");
            }
            ModelState.AddModelError("", result.Error!);
        }
        return View("New", await queries.NewViewAsync(form, ct));
    }

    /// <summary>« Préparer la proposition » on a request's page.</summary>
    [HttpPost("/gestion/demandes/{requestId:guid}/proposition")]
    public async Task<IActionResult> CreateFromRequest(Guid requestId, CancellationToken ct)
    {
        var result = await drafts.CreateFromRequestAsync(requestId, CurrentUserId(), ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            TempData["FlashError"] = result.Error;
            return Redirect($"/gestion/demandes/{requestId}");
        }
        return Redirect($"/gestion/propositions/{result.ProposalId}");
    }

    [HttpGet("/gestion/propositions/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var view = await queries.ViewAsync(id, null, ct);
        return view is null ? NotFound() : View(view);
    }

    [HttpPost("/gestion/propositions/{id:guid}")]
    public async Task<IActionResult> Save(Guid id, ProposalForm form, CancellationToken ct)
    {
        if (await validator.ValidateIntoAsync(form, ModelState, ct))
        {
            var result = await drafts.SaveAsync(id, form, ct);
            if (result.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData["Flash"] = "Brouillon enregistré.";
                return Redirect($"/gestion/propositions/{id}");
            }
            ModelState.AddModelError("", result.Error!);
        }
        form.PadBlankRows();
        var view = await queries.ViewAsync(id, form, ct);
        return view is null ? NotFound() : View("Show", view);
    }

    [HttpPost("/gestion/propositions/{id:guid}/emettre")]
    public async Task<IActionResult> Issue(Guid id, CancellationToken ct)
    {
        var result = await issuer.IssueAsync(id, ct);
        if (result.NotFound) return NotFound();
        TempData[result.Succeeded ? "Flash" : "FlashError"] = result.Succeeded
            ? "Proposition émise : son PDF est envoyé au client par e-mail."
            : result.Error;
        return Redirect($"/gestion/propositions/{id}");
    }

    [HttpPost("/gestion/propositions/{id:guid}/nouvelle-version")]
    public async Task<IActionResult> Reissue(Guid id, CancellationToken ct)
    {
        var result = await drafts.ReissueAsync(id, CurrentUserId(), ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            TempData["FlashError"] = result.Error;
            return Redirect($"/gestion/propositions/{id}");
        }
        TempData["Flash"] = "Nouvelle version en brouillon : modifiez-la puis émettez-la.";
        return Redirect($"/gestion/propositions/{result.ProposalId}");
    }

    [HttpGet("/gestion/propositions/{id:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid id, CancellationToken ct)
    {
        var pdf = await issuer.PdfAsync(id, ct);
        return pdf is { } file ? File(file.Pdf, "application/pdf", file.FileName) : NotFound();
    }

    /// <summary>A filter that does not parse (a date typed by hand) is ignored, not an error page.</summary>
    private void ClearBindingErrors(ProposalFilter filter)
    {
        if (!ModelState.IsValid) ModelState.Clear();
        filter.Page = Math.Max(1, filter.Page);
    }

    private Guid CurrentUserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
