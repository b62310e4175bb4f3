using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lexom.Training.Web.Features.Settings;

/// <summary>A half-year's rates as the admin page lists them, with the L2 rate they give.</summary>
public sealed record RateRow(int Year, int Half, decimal EcbRatePoints, decimal LegalRatePoints, bool ToBeChecked, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    /// <summary>L2: <c>max(ECB + 10 points, 3 × legal rate)</c>.</summary>
    public Percentage LateInterestRate => CgvReadings.LateInterestRate(Percentage.Of(EcbRatePoints), Percentage.Of(LegalRatePoints));

    public string HalfText => Half == 1 ? $"1er semestre {Year} (janvier–juin)" : $"2e semestre {Year} (juillet–décembre)";
}

/// <summary>L2: the late-interest rates per half-year, edited by the admins (/gestion/parametres/taux).</summary>
public sealed class LateInterestRateEditor(AppDbContext db, TimeProvider clock, ILogger<LateInterestRateEditor> logger)
{
    /// <summary>The newest half-years first.</summary>
    public async Task<IReadOnlyList<RateRow>> ListAsync(CancellationToken ct) =>
        await (from r in db.LateInterestRates.AsNoTracking()
               join u in db.Users on r.UpdatedBy equals u.Id into users
               from u in users.DefaultIfEmpty()
               orderby r.Year descending, r.Half descending
               select new RateRow(r.Year, r.Half, r.EcbRatePoints, r.LegalRatePoints, r.ToBeChecked, r.UpdatedAt, u == null ? null : u.DisplayName))
            .ToListAsync(ct);

    /// <summary>A new half-year; null when saved, the French reason otherwise.</summary>
    public async Task<string?> AddAsync(RateForm form, Guid adminId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (year, half) = (form.Year!.Value, form.Half!.Value);
        if (await db.LateInterestRates.AnyAsync(r => r.Year == year && r.Half == half, ct)) return AlreadyThere(year, half);
        db.LateInterestRates.Add(new LateInterestRateRow
        {
            Year = year, Half = half, EcbRatePoints = RateForm.ParseRate(form.Ecb)!.Value, LegalRatePoints = RateForm.ParseRate(form.Legal)!.Value,
            ToBeChecked = !form.Verified, UpdatedAt = clock.GetUtcNow(), UpdatedBy = adminId,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AlreadyThere(year, half); // another admin added it meanwhile
        }

        logger.LogInformation("Taux du semestre {Half} de {Year} ajoutés : BCE {Ecb} %, légal {Legal} %", half, year, form.Ecb, form.Legal);
        return null;
    }

    /// <summary>Changes a half-year's rates; « vérifié » clears « à vérifier », an edit without it marks them to be checked. False when the half-year does not exist.</summary>
    public async Task<bool> UpdateAsync(int year, int half, RateForm form, Guid adminId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var row = await db.LateInterestRates.SingleOrDefaultAsync(r => r.Year == year && r.Half == half, ct);
        if (row is null) return false;
        row.EcbRatePoints = RateForm.ParseRate(form.Ecb)!.Value;
        row.LegalRatePoints = RateForm.ParseRate(form.Legal)!.Value;
        row.ToBeChecked = !form.Verified;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = adminId;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Taux du semestre {Half} de {Year} modifiés : BCE {Ecb} %, légal {Legal} %, vérifiés : {Verified}", half, year, row.EcbRatePoints, row.LegalRatePoints, form.Verified);
        return true;
    }

    private static string AlreadyThere(int year, int half) =>
        $"Les taux du {(half == 1 ? "1er" : "2e")} semestre {year} sont déjà saisis : modifiez-les dans le tableau.";
}
