using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Staff;

/// <summary>The figures of the staff's start page.</summary>
/// <param name="OrdersToConfirm">C2: unconfirmed orders starting within <see cref="OrderList.C2WarningDays"/> days or already started.</param>
public sealed record StaffHome(int OrdersToConfirm);

/// <summary>/gestion: the staff's start page. The dashboard of figures comes with the billing issue.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StaffController(OrderList orders) : Controller
{
    [HttpGet("/gestion")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new StaffHome(await orders.CountToConfirmAsync(ct)));
}
