using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Orders;

/// <summary>/gestion/commandes: the staff's list of orders, its CSV export and the orders to confirm before their start (C2).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OrderListController(OrderList list) : Controller
{
    /// <summary>The view locator looks in Features/{controller name}: this controller's view is named in full.</summary>
    private const string IndexView = "/Features/Orders/Index.cshtml";

    [HttpGet("/gestion/commandes")]
    public async Task<IActionResult> Index([FromQuery] OrderFilter filter, CancellationToken ct)
    {
        ClearBindingErrors(filter);
        return View(IndexView, await list.ListAsync(filter, ct));
    }

    [HttpGet("/gestion/commandes/export.csv")]
    public async Task<IActionResult> Export([FromQuery] OrderFilter filter, CancellationToken ct)
    {
        ClearBindingErrors(filter);
        return File(await list.CsvAsync(filter, ct), "text/csv; charset=utf-8", "commandes.csv");
    }

    /// <summary>A filter that does not parse (a date typed by hand) is ignored, not an error page.</summary>
    private void ClearBindingErrors(OrderFilter filter)
    {
        if (!ModelState.IsValid) ModelState.Clear();
        filter.Page = Math.Max(1, filter.Page);
    }
}
