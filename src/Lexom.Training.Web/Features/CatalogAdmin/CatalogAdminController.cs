using FluentValidation;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.CatalogAdmin;

public sealed record StaffCourseRow(string Reference, string Title, string DomainName, CourseStatus Status, DateOnly LastUpdatedOn, bool IsSample, int Days);

public sealed record CourseEditView(CourseForm Form, IReadOnlyList<SelectListItem> Domains, bool IsNew, Course? Course);

public sealed record ProgrammeDayView(string Reference, string Title, int DayNumber, int DayCount, ProgrammeDayForm Form);

public sealed record DomainRow(Guid Id, string Name, string Slug, int Position, int Courses);

/// <summary>/gestion/catalogue: Sales read, Admin writes.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("/gestion/catalogue")]
public sealed class CatalogAdminController(
    AppDbContext db,
    CourseEditor editor,
    IValidator<CourseForm> courseValidator,
    IValidator<ProgrammeDayForm> dayValidator,
    IValidator<DomainForm> domainValidator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await (
            from c in db.Courses.AsNoTracking()
            join d in db.CatalogDomains on c.DomainId equals d.Id
            orderby c.IsSample, d.Position, c.Reference
            select new { c.Reference, c.Title, DomainName = d.Name, c.Status, c.LastUpdatedOn, c.IsSample, c.Programme })
            .ToListAsync(ct);
        return View(rows.Select(r => new StaffCourseRow(r.Reference, r.Title, r.DomainName, r.Status, r.LastUpdatedOn, r.IsSample, r.Programme.Count)).ToList());
    }

    [HttpGet("nouvelle")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View("Edit", new CourseEditView(new CourseForm { ProgrammeIntro = "A l'issue de la formation, les participants seront préparés à :" }, await DomainItemsAsync(ct), IsNew: true, null));

    [HttpPost("nouvelle")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Create(CourseForm form, CancellationToken ct)
    {
        if (await ValidateAsync(courseValidator, form, ct))
        {
            var result = await editor.CreateAsync(form, ct);
            if (result.Succeeded)
            {
                TempData["Flash"] = "Formation créée (brouillon). Saisissez son programme jour par jour, puis publiez-la.";
                return Redirect($"/gestion/catalogue/{form.Reference!.Trim().ToUpperInvariant()}");
            }
            ModelState.AddModelError("", result.Error!);
        }
        return View("Edit", new CourseEditView(form, await DomainItemsAsync(ct), IsNew: true, null));
    }

    [HttpGet("{reference}")]
    public async Task<IActionResult> Show(string reference, CancellationToken ct)
    {
        var course = await editor.FindAsync(reference, ct);
        if (course is null) return NotFound();
        var domain = await db.CatalogDomains.AsNoTracking().Where(d => d.Id == course.DomainId).Select(d => d.Name).SingleAsync(ct);
        ViewData["DomainName"] = domain;
        return View(course);
    }

    [HttpGet("{reference}/modifier")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Edit(string reference, CancellationToken ct)
    {
        var course = await editor.FindAsync(reference, ct);
        if (course is null) return NotFound();
        return View(new CourseEditView(CourseForm.From(course, editor.VersionOf(course)), await DomainItemsAsync(ct), IsNew: false, course));
    }

    [HttpPost("{reference}/modifier")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Edit(string reference, CourseForm form, CancellationToken ct)
    {
        form.Reference = reference; // the reference never changes: proposals quote it
        if (await ValidateAsync(courseValidator, form, ct))
        {
            var result = await editor.EditAsync(reference, form, ct);
            if (result.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData["Flash"] = "Modifications enregistrées.";
                return Redirect($"/gestion/catalogue/{reference.ToUpperInvariant()}");
            }
            ModelState.AddModelError("", result.Error!);
        }
        var course = await editor.FindAsync(reference, ct);
        if (course is null) return NotFound();
        return View(new CourseEditView(form, await DomainItemsAsync(ct), IsNew: false, course));
    }

    [HttpPost("{reference}/publier")]
    [Authorize(Policy = Policies.Admin)]
    public Task<IActionResult> Publish(string reference, CancellationToken ct) => PublishAsync(reference, true, ct);

    [HttpPost("{reference}/depublier")]
    [Authorize(Policy = Policies.Admin)]
    public Task<IActionResult> Unpublish(string reference, CancellationToken ct) => PublishAsync(reference, false, ct);

    [HttpGet("{reference}/programme/jour/{day:int}")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Day(string reference, int day, CancellationToken ct)
    {
        var course = await editor.FindAsync(reference, ct);
        if (course is null || day < 1 || day > course.Programme.Count + 1 || day > Course.MaxProgrammeDays) return NotFound();
        var existing = day <= course.Programme.Count ? course.Programme[day - 1] : null;
        var firstFree = course.Programme.Where(d => d.DayNumber < day).SelectMany(d => d.HalfDays).SelectMany(h => h.Modules)
            .Select(m => m.Number).DefaultIfEmpty(0).Max() + 1;
        return View(new ProgrammeDayView(course.Reference, course.Title, day, course.Programme.Count, ProgrammeDayForm.From(existing, firstFree)));
    }

    [HttpPost("{reference}/programme/jour/{day:int}")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Day(string reference, int day, ProgrammeDayForm form, CancellationToken ct)
    {
        if (await ValidateAsync(dayValidator, form, ct))
        {
            var result = await editor.SetDayAsync(reference, day, form, ct);
            if (result.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData["Flash"] = $"Jour {day} du programme enregistré.";
                return Redirect($"/gestion/catalogue/{reference.ToUpperInvariant()}#programme");
            }
            ModelState.AddModelError("", result.Error!);
        }
        var course = await editor.FindAsync(reference, ct);
        if (course is null) return NotFound();
        form.PadBlankRows(1);
        return View(new ProgrammeDayView(course.Reference, course.Title, day, course.Programme.Count, form));
    }

    [HttpPost("{reference}/programme/jour/{day:int}/supprimer")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> RemoveDay(string reference, int day, CancellationToken ct)
    {
        var result = await editor.RemoveDayAsync(reference, day, ct);
        if (result.NotFound) return NotFound();
        TempData[result.Succeeded ? "Flash" : "FlashError"] = result.Succeeded ? $"Jour {day} supprimé." : result.Error;
        return Redirect($"/gestion/catalogue/{reference.ToUpperInvariant()}#programme");
    }

    [HttpGet("domaines")]
    public async Task<IActionResult> Domains(CancellationToken ct) => View(new DomainsView(await DomainRowsAsync(ct), new DomainForm()));

    [HttpPost("domaines")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Domains(DomainForm form, CancellationToken ct)
    {
        if (await ValidateAsync(domainValidator, form, ct))
        {
            var result = await editor.CreateDomainAsync(form, ct);
            if (result.Succeeded)
            {
                TempData["Flash"] = "Domaine créé.";
                return Redirect("/gestion/catalogue/domaines");
            }
            ModelState.AddModelError("", result.Error!);
        }
        return View(new DomainsView(await DomainRowsAsync(ct), form));
    }

    [HttpPost("domaines/{id:guid}")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> RenameDomain(Guid id, DomainForm form, CancellationToken ct)
    {
        if (await ValidateAsync(domainValidator, form, ct))
        {
            var result = await editor.RenameDomainAsync(id, form, ct);
            if (result.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData["Flash"] = "Domaine modifié.";
                return Redirect("/gestion/catalogue/domaines");
            }
            ModelState.AddModelError("", result.Error!);
        }
        return View("Domains", new DomainsView(await DomainRowsAsync(ct), new DomainForm()));
    }

    private async Task<IActionResult> PublishAsync(string reference, bool publish, CancellationToken ct)
    {
        var result = await editor.PublishAsync(reference, publish, ct);
        if (result.NotFound) return NotFound();
        TempData[result.Succeeded ? "Flash" : "FlashError"] = result.Succeeded
            ? (publish ? "Formation publiée : elle est visible dans le catalogue." : "Formation retirée du catalogue public.")
            : result.Error;
        return Redirect($"/gestion/catalogue/{reference.ToUpperInvariant()}");
    }

    /// <summary>Binding errors (a number that is not one) and the validator's rules, in French, on the form.</summary>
    private Task<bool> ValidateAsync<T>(IValidator<T> validator, T form, CancellationToken ct) =>
        validator.ValidateIntoAsync(form, ModelState, ct);

    private async Task<IReadOnlyList<SelectListItem>> DomainItemsAsync(CancellationToken ct) =>
        await db.CatalogDomains.AsNoTracking().OrderBy(d => d.Position).ThenBy(d => d.Name)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString())).ToListAsync(ct);

    private Task<List<DomainRow>> DomainRowsAsync(CancellationToken ct) =>
        db.CatalogDomains.AsNoTracking().OrderBy(d => d.Position).ThenBy(d => d.Name)
            .Select(d => new DomainRow(d.Id, d.Name, d.Slug, d.Position, db.Courses.Count(c => c.DomainId == d.Id)))
            .ToListAsync(ct);
}

public sealed record DomainsView(IReadOnlyList<DomainRow> Domains, DomainForm Form);
