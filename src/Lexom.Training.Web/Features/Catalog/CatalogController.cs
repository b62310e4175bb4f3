using Lexom.Training.Documents;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Lexom.Training.Web.Features.Catalog;

/// <summary>The public catalog: list with search and filters, and a course's page (rule LW6).</summary>
[AllowAnonymous]
public sealed class CatalogController(CatalogQueries queries, TimeProvider clock, IDocumentRenderer documents, ISellerIdentityProvider seller) : Controller
{
    [HttpGet("/formations")]
    [OutputCache(PolicyName = CatalogCache.Policy)]
    public async Task<IActionResult> Index(string? q, string? domaine, string? duree, string? format, string? page, CancellationToken ct)
    {
        var filter = CatalogFilter.From(q, domaine, duree, format, page);
        return View(await queries.SearchAsync(filter, ct));
    }

    [HttpGet("/formations/{reference}")]
    [OutputCache(PolicyName = CatalogCache.Policy)]
    public async Task<IActionResult> Course(string reference, CancellationToken ct)
    {
        var view = await queries.FindPublishedAsync(reference, clock.Today(), ct);
        // Any case finds the course; the page names its canonical address.
        return view is null ? NotFound() : View(view);
    }

    /// <summary>The course page as a printable PDF programme (LW6).</summary>
    [HttpGet("/formations/{reference}/programme.pdf")]
    public async Task<IActionResult> Programme(string reference, CancellationToken ct)
    {
        var view = await queries.FindPublishedAsync(reference, clock.Today(), ct);
        if (view is null) return NotFound();
        var pdf = documents.Render(CourseSheet.From(view.Course, view.DomainName, seller.Current()));
        return File(pdf, "application/pdf", $"programme-{view.Course.Reference}.pdf");
    }
}
