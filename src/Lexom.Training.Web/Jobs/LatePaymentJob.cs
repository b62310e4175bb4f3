using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Jobs;

/// <summary>
/// L1–L3, at start and then every <c>Lexom:Jobs:LatePaymentInterval</c> (one hour): for every client invoice unpaid
/// after its due date (deposit, final, OPCO shortfall, indemnity; not a credit note nor a penalty invoice,
/// <see cref="CgvReadings.NoLateInterestOnLatePenalties"/>), the interest as of today (Paris) at each half-year's rate and,
/// for a company, the 40 € indemnity, through <see cref="Order.LatePayment"/>; the result is upserted into
/// <c>invoice_late_status</c> for the lists and the dashboard. An invoice paid since its last computation is computed
/// once more (interest up to the day of payment, nothing unpaid), then left alone.
/// <para>The figures are per day: running hourly brings a new day's figures within the hour after midnight and a
/// payment's within the hour. Each row is written with <c>INSERT … ON CONFLICT DO UPDATE</c> of values computed from the
/// same data: instances running at once write the same figures, no claim is needed. A failure on one order (a half-year's
/// rates missing, L2) is logged and the others go on. L4's flag is not stored: the pages compute it from the invoices.</para>
/// </summary>
public sealed class LatePaymentJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<JobOptions> options,
    ILogger<LatePaymentJob> logger) : TimedJob
{
    protected override TimeProvider Clock => clock;

    protected override ILogger Logger => logger;

    protected override string Name => "Le calcul des retards de paiement";

    protected override string EnabledSetting => "Lexom:Jobs:LatePaymentEnabled";

    protected override bool Enabled => options.Value.LatePaymentEnabled;

    protected override TimeSpan Interval => options.Value.LatePaymentInterval;

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One run: every late client invoice's interest and indemnity as of today.</summary>
    public async Task<LatePaymentRun> RunOnceAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        List<Guid> orderIds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            orderIds = await OrdersWithLateInvoicesAsync(db, today, ct);
        }

        int computed = 0, unpaid = 0, failed = 0;
        foreach (var orderId in orderIds)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var (c, u) = await ComputeAsync(db, orderId, today, ct);
                computed += c;
                unpaid += u;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                failed++;
                logger.LogError(ex, "Commande {OrderId} : le calcul des intérêts de retard a échoué ; les autres continuent", orderId);
            }
        }

        var run = new LatePaymentRun(computed, unpaid, failed);
        if (failed > 0)
            logger.LogWarning("Retards au {Today} : {Computed} facture(s) calculée(s), {Unpaid} encore impayée(s), {Failed} commande(s) en échec", today, computed, unpaid, failed);
        else
            logger.LogInformation("Retards au {Today} : {Computed} facture(s) calculée(s), {Unpaid} encore impayée(s)", today, computed, unpaid);
        return run;
    }

    /// <summary>The orders with a client invoice unpaid after its due date, or one still unpaid at its last computation.</summary>
    private static Task<List<Guid>> OrdersWithLateInvoicesAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var client = nameof(InvoicePayer.Client);
        var creditNote = nameof(InvoiceKind.CreditNote);
        var penalty = nameof(InvoiceKind.LatePenalty);
        return db.Database.SqlQuery<Guid>($"""
            SELECT DISTINCT i.order_id AS "Value" FROM invoices i
            WHERE i.payer = {client} AND i.kind <> {creditNote} AND i.kind <> {penalty}
              AND ((i.due_on < {today}
                    AND i.ttc - i.credited - COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.invoice_id = i.id), 0) > 0)
                   OR EXISTS (SELECT 1 FROM invoice_late_status s WHERE s.invoice_id = i.id AND s.unpaid > 0))
            """).ToListAsync(ct);
    }

    private static async Task<(int Computed, int Unpaid)> ComputeAsync(AppDbContext db, Guid orderId, DateOnly today, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Invoices).SingleAsync(o => o.Id == orderId, ct);
        var previous = await db.InvoiceLateStatuses.AsNoTracking()
            .Where(s => order.Invoices.Select(i => i.Id).Contains(s.InvoiceId)).Select(s => s.InvoiceId).ToListAsync(ct);
        var rates = await LateInterestRates.TableAsync(db, ct);
        int computed = 0, unpaid = 0;
        foreach (var invoice in order.Invoices.Where(i => i.Payer == InvoicePayer.Client && i.Kind is not (InvoiceKind.CreditNote or InvoiceKind.LatePenalty)))
        {
            var late = CgvReadings.IsLate(invoice.DueOn, today) && invoice.AmountDue.IsPositive;
            if (!late && !previous.Contains(invoice.Id)) continue;
            var decision = order.LatePayment(invoice.Id, today, rates); // L1–L3
            var explanation = decision.Explanation.Length > 2000 ? decision.Explanation[..1999] + "…" : decision.Explanation;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO invoice_late_status (invoice_id, computed_on, days_late, unpaid, interest, recovery_indemnity, explanation)
                VALUES ({invoice.Id}, {today}, {decision.DaysLate}, {decision.StillUnpaid.Amount}, {decision.Interest.Amount}, {decision.RecoveryIndemnity.Amount}, {explanation})
                ON CONFLICT (invoice_id) DO UPDATE SET computed_on = EXCLUDED.computed_on, days_late = EXCLUDED.days_late, unpaid = EXCLUDED.unpaid,
                    interest = EXCLUDED.interest, recovery_indemnity = EXCLUDED.recovery_indemnity, explanation = EXCLUDED.explanation
                """, ct);
            computed++;
            if (decision.StillUnpaid.IsPositive) unpaid++;
        }

        return (computed, unpaid);
    }
}

/// <summary>What one run did: invoices computed, of which still unpaid, and orders that failed.</summary>
public sealed record LatePaymentRun(int Computed, int StillUnpaid, int Failed);
