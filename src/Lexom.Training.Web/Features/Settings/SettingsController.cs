using System.Security.Claims;
using FluentValidation;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Settings;

/// <summary>The page of the late-interest rates (L2), for the admins only: /gestion/parametres/taux.</summary>
public sealed record RatesPage(IReadOnlyList<RateRow> Rows, RateForm NewRate, string? Posted, RateForm? Edited);

[Authorize(Policy = Policies.Admin)]
public sealed class SettingsController(LateInterestRateEditor editor, IValidator<RateForm> validator, TimeProvider clock) : Controller
{
    private const string Path = "/gestion/parametres/taux";

    [HttpGet(Path)]
    public async Task<IActionResult> Rates(CancellationToken ct) => View("Rates", await PageAsync(null, null, null, ct));

    [HttpPost(Path)]
    public async Task<IActionResult> Add(RateForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await validator.ValidateIntoAsync(form, ModelState, ct))
        {
            var error = await editor.AddAsync(form, CurrentUserId(), ct);
            if (error is null)
            {
                TempData["Flash"] = $"Taux du {(form.Half == 1 ? "1er" : "2e")} semestre {form.Year} ajoutés{(form.Verified ? " et vérifiés" : " (à vérifier)")}.";
                return Redirect(Path);
            }

            ModelState.AddModelError("", error);
        }

        return View("Rates", await PageAsync(form, "nouveau", null, ct));
    }

    [HttpPost(Path + "/{year:int}/{half:int}")]
    public async Task<IActionResult> Update(int year, int half, RateForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Year = year;
        form.Half = half;
        if (!await validator.ValidateIntoAsync(form, ModelState, ct)) return View("Rates", await PageAsync(null, $"{year}-{half}", form, ct));
        if (!await editor.UpdateAsync(year, half, form, CurrentUserId(), ct)) return NotFound();
        TempData["Flash"] = $"Taux du {(half == 1 ? "1er" : "2e")} semestre {year} enregistrés{(form.Verified ? " et vérifiés" : " (à vérifier)")}.";
        return Redirect(Path);
    }

    private async Task<RatesPage> PageAsync(RateForm? newRate, string? posted, RateForm? edited, CancellationToken ct)
    {
        var rows = await editor.ListAsync(ct);
        // The next half-year after the last one saved, or the current one.
        var today = clock.Today();
        var (year, half) = rows.Count > 0
            ? (rows[0].Half == 2 ? (rows[0].Year + 1, 1) : (rows[0].Year, 2))
            : (today.Year, today.Month <= 6 ? 1 : 2);
        return new RatesPage(rows, newRate ?? new RateForm { Year = year, Half = half }, posted, edited);
    }

    private Guid CurrentUserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
