using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Catalog;

/// <summary>The public catalog: list with search and filters, and a course's page (rule LW6).</summary>
public sealed class CatalogController(CatalogQueries queries, TimeProvider clock) : Controller
{
    [HttpGet("/formations")]
    public async Task<IActionResult> Index(string? q, string? domaine, string? duree, string? format, string? page, CancellationToken ct)
    {
        var filter = CatalogFilter.From(q, domaine, duree, format, page);
        return View(await queries.SearchAsync(filter, ct));
    }

    [HttpGet("/formations/{reference}")]
    public async Task<IActionResult> Course(string reference, CancellationToken ct)
    {
        var view = await queries.FindPublishedAsync(reference, clock.Today(), ct);
        // Any case finds the course; the page names its canonical address.
        return view is null ? NotFound() : View(view);
    }
}
