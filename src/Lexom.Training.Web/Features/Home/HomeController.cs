using Lexom.Training.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(CatalogQueries queries) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.DomainsAsync(ct));
}
