using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>
/// What a policy decided: the rule ids that produced it and a French sentence that says why. The
/// staff screens and the documents show these; nothing else recomputes them.
/// </summary>
public abstract record Decision(IReadOnlyList<string> RuleIds, string Explanation);

/// <summary>
/// The money side of a decision. <see cref="TotalOwed"/> is what the client and the OPCO owe in all
/// under the decision (an indemnity, or the price when the training still takes place).
/// Invariant, checked on construction: every amount is ≥ 0 and
/// <c>AlreadyPaid + DueNow + DueLater − Refund = TotalOwed − OpcoPart</c>.
/// </summary>
public sealed record Settlement
{
    private Settlement(Money totalOwed, Money opcoPart, Money alreadyPaid, Money dueNow, Money dueLater, Money refund, Money nonRefundable)
    {
        TotalOwed = totalOwed;
        OpcoPart = opcoPart;
        AlreadyPaid = alreadyPaid;
        DueNow = dueNow;
        DueLater = dueLater;
        Refund = refund;
        NonRefundable = nonRefundable;
    }

    /// <summary>What is owed in all under the decision, client and OPCO together.</summary>
    public Money TotalOwed { get; }

    /// <summary>The part of <see cref="TotalOwed"/> that the OPCO pays under subrogation (O2, R4).</summary>
    public Money OpcoPart { get; }

    /// <summary>What the client has paid before the decision.</summary>
    public Money AlreadyPaid { get; }

    /// <summary>What the client must pay at once.</summary>
    public Money DueNow { get; }

    /// <summary>What the client will pay later (the balance at the end of a postponed training, R1).</summary>
    public Money DueLater { get; }

    /// <summary>What LEXOM must pay back to the client.</summary>
    public Money Refund { get; }

    /// <summary>The part of what was paid that LEXOM keeps whatever happens later (R1's deposit).</summary>
    public Money NonRefundable { get; }

    /// <summary>What LEXOM keeps of the payments already received.</summary>
    public Money Kept => AlreadyPaid - Refund;

    /// <summary>What the client owes in all: <see cref="TotalOwed"/> minus <see cref="OpcoPart"/>.</summary>
    public Money ClientShare => TotalOwed - OpcoPart;

    /// <summary>
    /// Settles <paramref name="totalOwed"/> against what the client already paid: the client's share
    /// minus the payments is due (now, or later when <paramref name="restIsDueLater"/>), an excess is refunded.
    /// </summary>
    public static Settlement Of(Money totalOwed, Money opcoPart, Money alreadyPaid, bool restIsDueLater = false, Money nonRefundable = default)
    {
        if (totalOwed.IsNegative || opcoPart.IsNegative || alreadyPaid.IsNegative || nonRefundable.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(totalOwed), "Settlement amounts are never negative.");
        }

        if (opcoPart > totalOwed)
        {
            throw new ArgumentOutOfRangeException(nameof(opcoPart), "The OPCO part cannot exceed what is owed.");
        }

        var clientShare = totalOwed - opcoPart;
        var rest = clientShare.MinusFloorZero(alreadyPaid);
        var refund = alreadyPaid.MinusFloorZero(clientShare);
        return new Settlement(
            totalOwed,
            opcoPart,
            alreadyPaid,
            restIsDueLater ? Money.Zero : rest,
            restIsDueLater ? rest : Money.Zero,
            refund,
            Money.Min(nonRefundable, alreadyPaid - refund));
    }

    /// <summary>Nothing owed, everything paid is refunded.</summary>
    public static Settlement RefundAll(Money alreadyPaid) => Of(Money.Zero, Money.Zero, alreadyPaid);
}
