using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Legal;

[AllowAnonymous]
public sealed class LegalController(CgvText cgv) : Controller
{
    [HttpGet("/cgv")]
    public IActionResult Cgv() => View(cgv);

    [HttpGet("/confidentialite")]
    public IActionResult Privacy() => View();
}
