using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.LatePayment;

/// <summary>A late client invoice of an order, as of today (L1–L3), with what its penalty invoices billed already.</summary>
public sealed record LateInvoiceRow(Invoice Invoice, LatePaymentDecision Decision, Money Billed, Money ToBill);

/// <summary>The late-payment part of the staff's order page: L4's flag, the late invoices, the formal notice (T1).</summary>
public sealed record LatePaymentPanel(
    ClientSuspensionDecision Suspension, IReadOnlyList<LateInvoiceRow> LateInvoices, string? RatesProblem, FileRow? NoticeFile,
    TerminationDecision? Termination, bool NoticeMayBeRecorded);

/// <summary>One row of /gestion/retards: what the daily job last computed for a late invoice.</summary>
public sealed record LateStatusRow(
    Guid InvoiceId, string InvoiceNumber, Guid OrderId, string OrderNumber, Guid ClientId, string ClientName, PayerKind ClientKind,
    DateOnly DueOn, DateOnly ComputedOn, int DaysLate, Money Unpaid, Money Interest, Money RecoveryIndemnity, string Explanation)
{
    public Money Total => Interest + RecoveryIndemnity;
}

/// <summary>The reads of late payment (L1–L4) and of the formal notice (T1).</summary>
public sealed class LatePaymentQueries(AppDbContext db, TimeProvider clock)
{
    /// <summary>The file name every formal notice's scan starts with (it is kept as a written request, T1).</summary>
    public const string NoticeFilePrefix = "mise-en-demeure-";

    /// <summary>L4: whether the client is flagged « suspendu » today, from all its orders' client invoices.</summary>
    public async Task<ClientSuspensionDecision> ClientSuspensionAsync(Guid clientId, CancellationToken ct)
    {
        var orders = await db.Orders.AsNoTracking().Include(o => o.Invoices).Where(o => o.ClientId == clientId).ToListAsync(ct);
        return SuspensionPolicy.ForClient(orders.SelectMany(o => o.OpenInvoices()), clock.Today());
    }

    public async Task<LatePaymentPanel> PanelAsync(OrderView view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        var order = view.Order;
        var today = view.Today;
        var suspension = await ClientSuspensionAsync(view.Client.Id, ct);
        var rows = new List<LateInvoiceRow>();
        string? problem = null;
        var candidates = order.Invoices
            .Where(i => i.Payer == InvoicePayer.Client && i.Kind is not (InvoiceKind.CreditNote or InvoiceKind.LatePenalty) && CgvReadings.IsLate(i.DueOn, today))
            .OrderBy(i => i.DueOn).ToList();
        if (candidates.Count > 0)
        {
            var rates = await LateInterestRates.TableAsync(db, ct);
            foreach (var invoice in candidates)
            {
                try
                {
                    var decision = order.LatePayment(invoice.Id, today, rates);
                    if (!decision.IsLate) continue;
                    var billed = order.LatePenaltiesBilled(invoice.Id);
                    rows.Add(new LateInvoiceRow(invoice, decision, billed, decision.Total.MinusFloorZero(billed)));
                }
                catch (DomainException ex)
                {
                    problem = ex.Message; // L2: a half-year's rates are missing
                }
            }
        }

        var noticeFile = view.Files.Where(f => f.Kind == StoredFileKind.WrittenRequest && f.FileName.StartsWith(NoticeFilePrefix, StringComparison.Ordinal))
            .OrderBy(f => f.StoredAt).LastOrDefault();
        var termination = order.FormalNoticeOn is null ? null : order.Termination(today);
        var noticeMayBeRecorded = order.Status is OrderStatus.PendingSignatureAndDeposit or OrderStatus.Confirmed or OrderStatus.Postponed or OrderStatus.Completed;
        return new LatePaymentPanel(suspension, rows, problem, noticeFile, termination, noticeMayBeRecorded);
    }

    /// <summary>The late invoices as the daily job last computed them (still unpaid first, then the most late).</summary>
    public async Task<IReadOnlyList<LateStatusRow>> LateListAsync(CancellationToken ct)
    {
        var rows = await (
            from s in db.InvoiceLateStatuses
            join i in db.Invoices on s.InvoiceId equals i.Id
            join o in db.Orders on EF.Property<Guid>(i, "OrderId") equals o.Id
            join c in db.Clients on o.ClientId equals c.Id
            select new { s, i.Number, i.DueOn, OrderId = o.Id, OrderNumber = o.ProposalNumber, ClientId = c.Id, c.Name, c.Kind })
            .AsNoTracking().ToListAsync(ct);
        return rows
            .Select(r => new LateStatusRow(r.s.InvoiceId, r.Number.ToString(), r.OrderId, r.OrderNumber.ToString(), r.ClientId, r.Name, r.Kind, r.DueOn,
                r.s.ComputedOn, r.s.DaysLate, r.s.Unpaid, r.s.Interest, r.s.RecoveryIndemnity, r.s.Explanation))
            .OrderByDescending(r => r.Unpaid.IsPositive).ThenByDescending(r => r.DaysLate).ThenBy(r => r.InvoiceNumber, StringComparer.Ordinal)
            .ToList();
    }
}
