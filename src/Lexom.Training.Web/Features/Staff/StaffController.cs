using Lexom.Training.Web.Features.Dashboard;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Staff;

/// <summary>/gestion: the staff's start page, the dashboard of who owes what (<see cref="DashboardCache"/>) and the tools.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StaffController(DashboardCache dashboard) : Controller
{
    [HttpGet("/gestion")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await dashboard.GetAsync(ct));
}
