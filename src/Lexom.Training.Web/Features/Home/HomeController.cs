using Lexom.Training.Web.Features.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Lexom.Training.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(CatalogQueries queries) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = CatalogCache.Policy)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.DomainsAsync(ct));
}
