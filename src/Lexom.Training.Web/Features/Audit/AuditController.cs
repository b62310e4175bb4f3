using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Audit;

/// <summary>G2: /gestion/audit, the audit trail's search and CSV export, for the administrators only.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditController(AuditQueries queries) : Controller
{
    [HttpGet("/gestion/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        Clean(filter);
        return View(await queries.SearchAsync(filter, ct));
    }

    [HttpGet("/gestion/audit/export.csv")]
    public async Task<IActionResult> Export([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        Clean(filter);
        return File(await queries.CsvAsync(filter, ct), "text/csv; charset=utf-8", "journal-audit.csv");
    }

    /// <summary>A filter that does not parse (a date typed by hand, an unknown action) is ignored, not an error page.</summary>
    private void Clean(AuditFilter filter)
    {
        if (!ModelState.IsValid) ModelState.Clear();
        filter.Page = Math.Max(1, filter.Page);
    }
}
