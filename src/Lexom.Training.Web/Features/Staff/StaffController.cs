using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Staff;

/// <summary>/gestion: the staff's start page. The dashboard of figures comes with the billing issue.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StaffController : Controller
{
    [HttpGet("/gestion")]
    public IActionResult Index() => View();
}
