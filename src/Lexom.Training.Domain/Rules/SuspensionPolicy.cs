using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>An invoice as the suspension check sees it.</summary>
public sealed record OpenInvoice(string Number, DateOnly DueOn, Money Unpaid);

/// <summary>L4: whether a client is flagged for unpaid invoices.</summary>
public sealed record ClientSuspensionDecision(
    bool IsFlagged,
    IReadOnlyList<OpenInvoice> LateInvoices,
    Money TotalLate,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation);

/// <summary>C2: whether the participants of an order may be convened, and why not.</summary>
public sealed record ConvocationDecision(
    bool MayConvene,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation);

/// <summary>L4 and C2: when LEXOM may suspend its service, stated for the staff.</summary>
public static class SuspensionPolicy
{
    /// <summary>L4: a client with an invoice unpaid (even partly) after its due date is flagged.</summary>
    public static ClientSuspensionDecision ForClient(IEnumerable<OpenInvoice> invoices, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var late = invoices.Where(i => i.Unpaid.IsPositive && CgvReadings.IsLate(i.DueOn, today)).OrderBy(i => i.DueOn).ToList();
        if (late.Count == 0)
        {
            return new ClientSuspensionDecision(false, [], Money.Zero, ["L4"], "Aucune facture échue impayée : le client n'est pas signalé (L4).");
        }

        var total = Money.Sum(late.Select(i => i.Unpaid));
        var list = string.Join(", ", late.Select(i => French.Format($"{i.Number} (échue le {French.Date(i.DueOn)}, {French.Amount(i.Unpaid)} impayés)")));
        return new ClientSuspensionDecision(true, late, total, ["L4"],
            French.Format($"Client signalé : facture(s) échue(s) impayée(s) {list}, total {French.Amount(total)}. LEXOM peut suspendre ses formations en cours et à venir jusqu'au paiement ; toute nouvelle proposition ou inscription doit être vérifiée (L4)."));
    }

    /// <summary>C2: participants of an order that is not confirmed (C1) are not convened.</summary>
    /// <param name="missingForConfirmation">What the order still lacks, in French (from <c>Order.MissingForConfirmation</c>).</param>
    public static ConvocationDecision ForConvocation(bool contractConcluded, IReadOnlyList<string> missingForConfirmation)
    {
        ArgumentNullException.ThrowIfNull(missingForConfirmation);
        if (contractConcluded)
        {
            return new ConvocationDecision(true, [], ["C1", "C2"], "Commande confirmée : les participants peuvent être convoqués (C1).");
        }

        return new ConvocationDecision(false, missingForConfirmation, ["C1", "C2"],
            "Commande non confirmée : les participants ne sont pas convoqués tant que manquent " + string.Join(", ", missingForConfirmation) + " (C1, C2).");
    }
}
