using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Opco;

/// <summary>Where an OPCO claim stands on a day, as the list and the order page show it (O3).</summary>
public enum OpcoClaimStatus
{
    /// <summary>O3: not paid by the end of its deadline: to close, the client to be billed (from the day after).</summary>
    Overdue,

    /// <summary>Not paid yet, the deadline within <see cref="OpcoClaims.NearDays"/> days.</summary>
    DeadlineNear,

    /// <summary>Not paid yet, the deadline further away (or the training still to come).</summary>
    Awaiting,

    /// <summary>The OPCO paid its whole part by the deadline.</summary>
    Paid,

    /// <summary>Closed as unpaid: the client was billed the shortfall (O3).</summary>
    ClosedUnpaid,

    /// <summary>Without subrogation the client pays LEXOM everything and is refunded by its OPCO: no deadline for LEXOM.</summary>
    WithoutSubrogation,

    /// <summary>The order was cancelled, withdrawn or terminated: the OPCO deadline no longer applies.</summary>
    NotApplicable,
}

/// <summary>An OPCO claim's state with the domain's O3 decision, when it has one.</summary>
public sealed record OpcoClaim(OpcoClaimStatus Status, DateOnly? Deadline, OpcoDeadlineDecision? Decision, string Explanation)
{
    public string Text => OpcoClaims.Text(Status);
}

/// <summary>One order with OPCO funding on the list /gestion/opco.</summary>
public sealed record OpcoClaimRow(
    Guid OrderId, string Number, string ClientName, string CourseReference, DateOnly StartsOn, DateOnly EndsOn, OrderStatus OrderStatus,
    OpcoFunding Funding, Money OpcoPart, Money OpcoPaid, OpcoClaim Claim);

public sealed record OpcoClaimList(IReadOnlyList<OpcoClaimRow> Rows, OpcoClaimStatus? Filter, IReadOnlyDictionary<OpcoClaimStatus, int> Counts, DateOnly Today);

/// <summary>O3 for the staff: each funded order's deadline state; the list of /gestion/opco.</summary>
public sealed class OpcoClaims(AppDbContext db, TimeProvider clock)
{
    /// <summary>A deadline this close (in days) is « proche » on the list.</summary>
    public const int NearDays = 7;

    public static readonly IReadOnlyList<(string Key, OpcoClaimStatus Status)> StatusKeys =
    [
        ("echue", OpcoClaimStatus.Overdue),
        ("proche", OpcoClaimStatus.DeadlineNear),
        ("en-attente", OpcoClaimStatus.Awaiting),
        ("payee", OpcoClaimStatus.Paid),
        ("close", OpcoClaimStatus.ClosedUnpaid),
        ("sans-subrogation", OpcoClaimStatus.WithoutSubrogation),
        ("sans-objet", OpcoClaimStatus.NotApplicable),
    ];

    public static string Text(OpcoClaimStatus status) => status switch
    {
        OpcoClaimStatus.Overdue => "Échue : à clore (O3)",
        OpcoClaimStatus.DeadlineNear => "Échéance proche",
        OpcoClaimStatus.Awaiting => "En attente du paiement",
        OpcoClaimStatus.Paid => "Payée par l'OPCO",
        OpcoClaimStatus.ClosedUnpaid => "Close impayée",
        OpcoClaimStatus.WithoutSubrogation => "Sans subrogation",
        _ => "Sans objet",
    };

    /// <summary>The state of the order's OPCO claim on <paramref name="today"/>; null without OPCO funding.</summary>
    public static OpcoClaim? Of(Order order, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Opco is not { } opco) return null;
        if (opco.ClosedUnpaidOn is { } closedOn)
        {
            var decision = order.Decisions.LastOrDefault(d => d.Kind == DecisionKind.OpcoDeadline);
            return new OpcoClaim(OpcoClaimStatus.ClosedUnpaid, CgvReadings.OpcoDeadline(order.EndsOn), null,
                $"Prise en charge close comme impayée le {closedOn.Written()} : {decision?.Explanation ?? "le client a été facturé du reste (O3)."}");
        }

        if (order.Status is OrderStatus.Cancelled or OrderStatus.Withdrawn or OrderStatus.Terminated)
            return new OpcoClaim(OpcoClaimStatus.NotApplicable, null, null, $"La commande est {Order.StatusText(order.Status)} : l'échéance de l'OPCO ne s'applique plus.");
        if (!opco.Subrogation)
            return new OpcoClaim(OpcoClaimStatus.WithoutSubrogation, null, null,
                "Sans subrogation : le client règle à LEXOM la totalité du prix et se fait rembourser par son OPCO (O2).");

        var check = order.OpcoDeadline(today);
        var status = check.State switch
        {
            OpcoClaimState.Paid => OpcoClaimStatus.Paid,
            OpcoClaimState.Overdue => OpcoClaimStatus.Overdue,
            _ when check.Deadline.DayNumber - today.DayNumber <= NearDays => OpcoClaimStatus.DeadlineNear,
            _ => OpcoClaimStatus.Awaiting,
        };
        return new OpcoClaim(status, check.Deadline, check, check.Explanation);
    }

    /// <summary>Every order with OPCO funding: the overdue first, then by deadline.</summary>
    public async Task<OpcoClaimList> ListAsync(string? filter, CancellationToken ct)
    {
        var today = clock.Today();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Invoices).Where(o => o.Opco != null).AsSplitQuery().ToListAsync(ct);
        var clientIds = orders.Select(o => o.ClientId).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var rows = orders.Select(o => new OpcoClaimRow(o.Id, o.ProposalNumber.ToString(), o.ClientId is { } id ? clients.GetValueOrDefault(id, "—") : "—",
                o.Course.Reference, o.StartsOn, o.EndsOn, o.Status, o.Opco!, o.OpcoPart, o.OpcoPaid, Of(o, today)!))
            .OrderBy(r => r.Claim.Status).ThenBy(r => r.Claim.Deadline ?? DateOnly.MaxValue).ThenBy(r => r.Number, StringComparer.Ordinal)
            .ToList();
        var counts = rows.GroupBy(r => r.Claim.Status).ToDictionary(g => g.Key, g => g.Count());
        var status = StatusKeys.Where(k => k.Key == filter).Select(k => (OpcoClaimStatus?)k.Status).FirstOrDefault();
        return new OpcoClaimList(status is { } s ? rows.Where(r => r.Claim.Status == s).ToList() : rows, status, counts, today);
    }
}
