using Lexom.Training.Web.Features.Catalog;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.ProposalRequests;

/// <summary>
/// Where "Demander une proposition" leads. The request form itself comes with the proposals issue;
/// until then the page names the course and says how to reach LEXOM.
/// </summary>
public sealed class ProposalRequestsController(CatalogQueries queries, TimeProvider clock) : Controller
{
    [HttpGet("/demande-de-proposition")]
    public async Task<IActionResult> Index(string? formation, CancellationToken ct)
    {
        var course = formation is null ? null : await queries.FindPublishedAsync(formation, clock.Today(), ct);
        return View(course);
    }
}
