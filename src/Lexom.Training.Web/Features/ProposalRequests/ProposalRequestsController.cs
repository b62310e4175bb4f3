using FluentValidation;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Features.Catalog;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Lexom.Training.Web.Features.ProposalRequests;

public sealed record RequestPageView(RequestForm Form, CourseView? Course, IReadOnlyList<DomainCourse> Courses);

/// <summary>/demande-de-proposition: a client asks for a commercial proposal (P1 asks what the proposal needs).</summary>
[AllowAnonymous]
public sealed class ProposalRequestsController(
    CatalogQueries catalog,
    RequestHandler handler,
    IValidator<RequestForm> validator,
    TimeProvider clock) : Controller
{
    [HttpGet("/demande-de-proposition")]
    public async Task<IActionResult> Index(string? formation, CancellationToken ct)
    {
        var form = new RequestForm { Formation = formation, SubmissionKey = Guid.NewGuid(), ClientKind = "entreprise", ParticipantCount = 1 };
        return View(await PageAsync(form, ct));
    }

    [HttpPost("/demande-de-proposition")]
    [EnableRateLimiting(EmailServices.PublicFormPolicy)]
    public async Task<IActionResult> Index(RequestForm form, CancellationToken ct)
    {
        // A bot filled the hidden field: it sees a success, nothing is written.
        if (!string.IsNullOrEmpty(form.Website)) return Redirect("/demande-de-proposition/merci");

        if (await validator.ValidateIntoAsync(form, ModelState, ct))
        {
            var result = await handler.SubmitAsync(form, ct);
            if (result.Succeeded)
            {
                TempData["RequestEmail"] = form.Email;
                return Redirect("/demande-de-proposition/merci");
            }
            ModelState.AddModelError("", result.Error!);
        }
        return View(await PageAsync(form, ct));
    }

    [HttpGet("/demande-de-proposition/merci")]
    public IActionResult Thanks() => View(model: TempData["RequestEmail"] as string);

    private async Task<RequestPageView> PageAsync(RequestForm form, CancellationToken ct)
    {
        var course = form.Formation is null ? null : await catalog.FindPublishedAsync(form.Formation, clock.Today(), ct);
        if (course is not null)
        {
            form.Formation = course.Course.Reference;
            if (form.Format is null) form.Format = course.Course.OffersInter ? "inter" : "intra";
        }
        return new RequestPageView(form, course, course is null ? await catalog.PublishedCoursesAsync(ct) : []);
    }
}
