using System.Globalization;
using System.Text.Json;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Dashboard;

/// <summary>A figure of the dashboard: how many, for how much, and the list behind it.</summary>
public sealed record DashboardFigure(int Count, Money Amount, string Url);

/// <summary>One month of the charts: what was invoiced (HT, credit notes deducted) and what was collected (payments received, TTC).</summary>
public sealed record DashboardMonth(int Year, int Month, Money InvoicedHt, Money Collected)
{
    /// <summary>"mars 2026".</summary>
    public string Label => new DateOnly(Year, Month, 1).ToString("MMMM yyyy", FrenchCulture.Culture);

    /// <summary>"mars 2026" as a chart's axis writes it: "mars 2026", "avr. 2026".</summary>
    public string ShortLabel => new DateOnly(Year, Month, 1).ToString("MMM yyyy", FrenchCulture.Culture);

    /// <summary>"2026-03".</summary>
    public string Key => new DateOnly(Year, Month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>Proposals issued in the window (the versions replaced by a new one are not counted) and how many were accepted.</summary>
public sealed record DashboardConversion(int Issued, int Accepted, string IssuedUrl, string AcceptedUrl)
{
    /// <summary>Accepted / issued in percent, to one decimal; null when nothing was issued.</summary>
    public decimal? Rate => Issued == 0 ? null : Math.Round(Accepted * 100m / Issued, 1, MidpointRounding.AwayFromZero);

    /// <summary>"33,3 %", or "—" when nothing was issued.</summary>
    public string RateText => Rate is { } rate ? rate.ToString("0.#", FrenchCulture.Culture) + "\u00a0%" : "—";
}

/// <summary>The staff's dashboard at /gestion, computed from the database (shared for a few seconds by <see cref="DashboardCache"/>).</summary>
/// <param name="DepositsAwaiting">M4, C1: orders waiting for their deposit, and what remains to receive.</param>
/// <param name="DepositsNotYetDue">P7, LW1: among them, those of private individuals whose deposit cannot be asked yet.</param>
/// <param name="InvoicesToPay">The client's invoices not fully paid (due on receipt, M5), overdue ones included.</param>
/// <param name="InvoicesOverdue">Among them, those whose due date has passed (L1).</param>
/// <param name="OpcoDueSoon">O3: OPCO claims not paid yet whose deadline falls within <see cref="DashboardQueries.OpcoWarningDays"/> days.</param>
/// <param name="OpcoOverdue">O3: OPCO claims not paid by their deadline, still open.</param>
/// <param name="ProposalsExpiring">P3: issued proposals whose last day of validity falls within <see cref="DashboardQueries.ExpiringWithinDays"/> days.</param>
/// <param name="OrdersToConfirm">C2: unconfirmed orders starting within <see cref="OrderList.C2WarningDays"/> days or already started.</param>
/// <param name="Months">The last 12 months, the current one last.</param>
/// <param name="ComputedAt">When the figures were read (<see cref="DashboardCache"/> shares them for a few seconds).</param>
public sealed record DashboardView(
    DateOnly Today,
    DateTimeOffset ComputedAt,
    DashboardFigure DepositsAwaiting,
    int DepositsNotYetDue,
    DashboardFigure InvoicesToPay,
    DashboardFigure InvoicesOverdue,
    DashboardFigure OpcoDueSoon,
    DashboardFigure OpcoOverdue,
    DashboardFigure ProposalsExpiring,
    DashboardFigure OrdersToConfirm,
    IReadOnlyList<DashboardMonth> Months,
    DashboardConversion Conversion)
{
    /// <summary>"22:41:05", Paris time.</summary>
    public string ComputedAtText => TimeZoneInfo.ConvertTime(ComputedAt, FrenchCulture.Paris).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The first day of the charts' and the conversion's window.</summary>
    public DateOnly WindowStart => new(Months[0].Year, Months[0].Month, 1);

    /// <summary>The last day a proposal counted in <see cref="ProposalsExpiring"/> may be valid.</summary>
    public DateOnly ExpiringUntil => Today.AddDays(DashboardQueries.ExpiringWithinDays);

    public Money InvoicedHtTotal => Money.Sum(Months.Select(m => m.InvoicedHt));

    public Money CollectedTotal => Money.Sum(Months.Select(m => m.Collected));

    /// <summary>
    /// The series of the charts as JSON for a <c>&lt;script type="application/json"&gt;</c> block (data, never run: the CSP
    /// allows no inline script). The default encoder escapes &lt;, &gt;, &amp; and quotes, so the block cannot be closed early.
    /// </summary>
    public string ChartJson() => JsonSerializer.Serialize(new
    {
        months = Months.Select(m => m.Key),
        labels = Months.Select(m => m.ShortLabel),
        invoicedHt = Months.Select(m => m.InvoicedHt.Amount),
        collected = Months.Select(m => m.Collected.Amount),
    });
}

/// <summary>The read side of the dashboard: each figure from the database, each rule from the domain.</summary>
public sealed class DashboardQueries(AppDbContext db, TimeProvider clock)
{
    /// <summary>O3: an OPCO deadline falling within this many days is shown.</summary>
    public const int OpcoWarningDays = 15;

    /// <summary>P3: an issued proposal whose validity ends within this many days (today included) is shown.</summary>
    public const int ExpiringWithinDays = 7;

    /// <summary>The charts and the conversion cover this many months, the current one included.</summary>
    public const int MonthsShown = 12;

    public async Task<DashboardView> LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var (deposits, notYetDue) = await DepositsAwaitingAsync(today, ct);
        var (toPay, overdue) = await OpenInvoicesAsync(today, ct);
        var (opcoSoon, opcoOverdue) = await OpcoDeadlinesAsync(today, ct);
        var windowStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-(MonthsShown - 1));
        return new DashboardView(
            today, now, deposits, notYetDue, toPay, overdue, opcoSoon, opcoOverdue,
            await ProposalsExpiringAsync(today, ct),
            new DashboardFigure(await db.Orders.AsNoTracking().Where(OrderList.ToConfirm(today)).CountAsync(ct), Money.Zero,
                "/gestion/commandes?statut=" + OrderText.ToConfirmKey),
            await MonthsAsync(windowStart, today, ct),
            await ConversionAsync(windowStart, today, ct));
    }

    /// <summary>
    /// M4, C1: the orders pending signature and deposit whose deposit is not paid in full (Order.DepositReceived, in
    /// SQL), and the sum of what remains to receive on them.
    /// </summary>
    private async Task<(DashboardFigure Figure, int NotYetDue)> DepositsAwaitingAsync(DateOnly today, CancellationToken ct)
    {
        // Only the orders whose deposit is not received (Order.DepositReceived: a deposit of zero, or a deposit invoice paid
        // up to it), and only what the figure needs, computed by PostgreSQL; P7 and LW1 stay the domain's (WithdrawalPeriod).
        var awaiting = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.PendingSignatureAndDeposit)
            .Where(o => (decimal)(object)o.DepositAmount != 0m
                        && !o.Invoices.Any(i => i.Kind == InvoiceKind.Deposit
                                                && (decimal)(object)i.Paid >= (decimal)(object)o.DepositAmount))
            .Select(o => new
            {
                Deposit = (decimal)(object)o.DepositAmount,
                // Order.ClientPaid: the client's payments (late penalties aside) minus the refunds.
                ClientPaid = o.Invoices.Where(i => i.Payer == InvoicePayer.Client && i.Kind != InvoiceKind.LatePenalty)
                                 .Sum(i => (decimal)(object)i.Paid)
                             - o.Refunds.Sum(r => (decimal)(object)r.Amount),
                o.PayerKind,
                o.Channel,
                o.OrderedOn,
                ContractSignedOn = o.SignedDocuments.Where(d => d.Kind == SignedDocumentKind.TrainingContract)
                    .Select(d => (DateOnly?)d.ReceivedOn).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var amount = Money.Sum(awaiting.Select(o => Money.Euros(o.Deposit).MinusFloorZero(Money.Euros(o.ClientPaid))));
        var notYetDue = awaiting.Count(o => !WithdrawalPeriod.For(o.PayerKind, o.Channel, o.OrderedOn, o.ContractSignedOn).MayAskPaymentOn(today)); // P7, LW1
        return (new DashboardFigure(awaiting.Count, amount, "/gestion/commandes?statut=en-attente"), notYetDue);
    }

    /// <summary>
    /// The client's invoices with something left to pay (<see cref="Invoice.AmountDue"/>: TTC − payments − credit notes,
    /// computed by PostgreSQL), and among them those past their due date. Invoices to an OPCO are followed by
    /// their deadline (O3), not here.
    /// </summary>
    private async Task<(DashboardFigure ToPay, DashboardFigure Overdue)> OpenInvoicesAsync(DateOnly today, CancellationToken ct)
    {
        // Counted and summed by PostgreSQL (≈ 15 000 open invoices on a large history): the amount due is
        // Invoice.AmountDue's TTC − payments − credited, and an invoice counts when it is positive.
        var groups = await db.Invoices.AsNoTracking()
            .Where(i => i.Payer == InvoicePayer.Client && i.Kind != InvoiceKind.CreditNote)
            .Select(i => new
            {
                Overdue = i.DueOn < today,
                Due = (decimal)(object)i.Ttc - (decimal)(object)i.Credited - (decimal)(object)i.Paid,
            })
            .Where(x => x.Due > 0)
            .GroupBy(x => x.Overdue)
            .Select(g => new { Overdue = g.Key, Count = g.Count(), Amount = g.Sum(x => x.Due) })
            .ToListAsync(ct);
        var overdue = groups.Where(g => g.Overdue).ToList();
        return (new DashboardFigure(groups.Sum(g => g.Count), Money.Euros(groups.Sum(g => g.Amount)), "/gestion/factures?etat=a-payer"),
            new DashboardFigure(overdue.Sum(g => g.Count), Money.Euros(overdue.Sum(g => g.Amount)), "/gestion/factures?etat=echue"));
    }

    /// <summary>
    /// O3: the completed orders under subrogation whose OPCO claim is still open; the domain gives each one's deadline
    /// (<see cref="CgvReadings.OpcoDeadline"/>, one month after the end) and what the OPCO still owes.
    /// </summary>
    private async Task<(DashboardFigure DueSoon, DashboardFigure Overdue)> OpcoDeadlinesAsync(DateOnly today, CancellationToken ct)
    {
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Completed && o.Opco != null && o.Opco.Subrogation && o.Opco.ClosedUnpaidOn == null)
            // Only narrows the rows read (years of history): an OPCO part frozen at completion and paid in full by the deadline
            // (O3, CgvReadings.OpcoDeadline: the end plus one month) is Paid; the domain decides below for the others.
            .Where(o => o.OpcoBillablePart == null
                        || (decimal)(object)o.OpcoBillablePart > o.Invoices.Where(i => i.Payer == InvoicePayer.Opco).SelectMany(i => i.Payments)
                            .Where(p => p.ReceivedOn <= o.EndsOn.AddMonths(1)).Sum(p => (decimal)(object)p.Amount))
            .Include(o => o.Invoices)
            .AsSplitQuery()
            .ToListAsync(ct);
        var claims = orders.Where(o => o.HasSubrogation).Select(o => o.OpcoDeadline(today)).Where(d => d.State != OpcoClaimState.Paid).ToList();
        var soon = claims.Where(d => d.State == OpcoClaimState.Awaiting && d.Deadline <= today.AddDays(OpcoWarningDays)).ToList();
        var overdue = claims.Where(d => d.State == OpcoClaimState.Overdue).ToList();
        return (new DashboardFigure(soon.Count, Money.Sum(soon.Select(d => d.OpcoShortfall)), "/gestion/opco"),
            new DashboardFigure(overdue.Count, Money.Sum(overdue.Select(d => d.OpcoShortfall)), "/gestion/opco"));
    }

    /// <summary>
    /// P3: issued proposals valid until today … today + <see cref="ExpiringWithinDays"/>. The list of proposals filters on the
    /// issue date, and <c>ValidUntil = IssuedOn + 30 days</c>, so the link asks for the issue dates that give those last days.
    /// </summary>
    private async Task<DashboardFigure> ProposalsExpiringAsync(DateOnly today, CancellationToken ct)
    {
        var until = today.AddDays(ExpiringWithinDays);
        var count = await db.Proposals.AsNoTracking()
            .CountAsync(p => p.Status == ProposalStatus.Issued && p.ValidUntil >= today && p.ValidUntil <= until, ct);
        var url = "/gestion/propositions?statut=emise"
                  + "&du=" + Iso(today.AddDays(-CgvReadings.ProposalValidityDays))
                  + "&au=" + Iso(until.AddDays(-CgvReadings.ProposalValidityDays));
        return new DashboardFigure(count, Money.Zero, url);
    }

    /// <summary>
    /// Per month of issue: the HT of the invoices (every kind, deposits included) minus the HT of the credit notes; per
    /// month of receipt: the payments received (TTC, from clients and OPCOs).
    /// </summary>
    private async Task<IReadOnlyList<DashboardMonth>> MonthsAsync(DateOnly from, DateOnly today, CancellationToken ct)
    {
        var end = new DateOnly(today.Year, today.Month, 1).AddMonths(1); // exclusive
        // Summed by PostgreSQL per month (a year of invoices and payments is tens of thousands of rows on a large history).
        var invoiced = await db.Invoices.AsNoTracking()
            .Where(i => i.IssuedOn >= from && i.IssuedOn < end)
            .GroupBy(i => new { i.IssuedOn.Year, i.IssuedOn.Month })
            .Select(g => new
            {
                g.Key.Year, g.Key.Month,
                Ht = g.Sum(i => i.Kind == InvoiceKind.CreditNote ? -(decimal)(object)i.Ht : (decimal)(object)i.Ht),
            })
            .ToListAsync(ct);
        var collected = await db.Invoices.AsNoTracking()
            .SelectMany(i => i.Payments)
            .Where(p => p.ReceivedOn >= from && p.ReceivedOn < end)
            .GroupBy(p => new { p.ReceivedOn.Year, p.ReceivedOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(p => (decimal)(object)p.Amount) })
            .ToListAsync(ct);
        return Enumerable.Range(0, MonthsShown).Select(k =>
        {
            var month = from.AddMonths(k);
            var ht = invoiced.Where(i => i.Year == month.Year && i.Month == month.Month).Sum(i => i.Ht);
            var paid = collected.Where(p => p.Year == month.Year && p.Month == month.Month).Sum(p => p.Amount);
            return new DashboardMonth(month.Year, month.Month, Money.Euros(ht), Money.Euros(paid));
        }).ToList();
    }

    /// <summary>
    /// The proposals issued in the window and how many of them were accepted (an accepted proposal is an order). A version
    /// replaced by a new one is not counted: the new version is.
    /// </summary>
    private async Task<DashboardConversion> ConversionAsync(DateOnly from, DateOnly today, CancellationToken ct)
    {
        var issued = db.Proposals.AsNoTracking()
            .Where(p => p.IssuedOn >= from && p.IssuedOn <= today && p.Status != ProposalStatus.Superseded && p.Status != ProposalStatus.Draft);
        var counts = await issued
            .GroupBy(_ => 1)
            .Select(g => new { Issued = g.Count(), Accepted = g.Count(p => p.Status == ProposalStatus.Accepted) })
            .SingleOrDefaultAsync(ct);
        var dates = "du=" + Iso(from) + "&au=" + Iso(today);
        return new DashboardConversion(counts?.Issued ?? 0, counts?.Accepted ?? 0,
            "/gestion/propositions?" + dates, "/gestion/propositions?statut=acceptee&" + dates);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
