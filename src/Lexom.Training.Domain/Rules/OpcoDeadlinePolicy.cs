using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>O1: whether OPCO funding can be recorded.</summary>
public sealed record OpcoFundingDecision(
    bool Accepted,
    DateOnly RecordedOn,
    DateOnly StartsOn,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation);

/// <summary>O2: who is billed what under subrogation.</summary>
public sealed record OpcoSplit(
    Money PriceTtc,
    Money OpcoPart,
    Money ClientPart,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation);

/// <summary>The state of an OPCO claim against its deadline (O3).</summary>
public enum OpcoClaimState
{
    /// <summary>The OPCO paid its whole part.</summary>
    Paid,

    /// <summary>Not paid yet, the deadline has not passed.</summary>
    Awaiting,

    /// <summary>Not paid by the end of the deadline: close the claim, bill the client.</summary>
    Overdue,
}

/// <summary>O3: what follows from the OPCO's deadline on a given day.</summary>
/// <param name="Deadline">The last day the OPCO may pay, <c>end.AddMonths(1)</c>.</param>
/// <param name="ClientBilledFrom">The day from which the client is billed and the case is on the staff's list.</param>
/// <param name="AmountToBillClient">What to bill the client now for the OPCO's shortfall (zero unless overdue).</param>
/// <param name="ClientRemainingDue">What the client still owes in all once billed (whole price minus everything received).</param>
public sealed record OpcoDeadlineDecision(
    OpcoClaimState State,
    DateOnly EndsOn,
    DateOnly Deadline,
    DateOnly ClientBilledFrom,
    Money OpcoShortfall,
    Money AmountToBillClient,
    Money ClientRemainingDue,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation);

/// <summary>O1–O3: OPCO funding, subrogation and the OPCO's one-month deadline.</summary>
public static class OpcoDeadlinePolicy
{
    /// <summary>O1: funding is recorded before the start.</summary>
    public static OpcoFundingDecision CanRecordFunding(DateOnly recordedOn, DateOnly startsOn)
    {
        var inTime = CgvReadings.OpcoFundingInTime(recordedOn, startsOn);
        return new OpcoFundingDecision(inTime, recordedOn, startsOn, ["O1"], inTime
            ? French.Format($"Prise en charge OPCO enregistrée le {French.Date(recordedOn)}, avant le début du {French.Date(startsOn)} (O1).")
            : French.Format($"La formation a commencé le {French.Date(startsOn)} : une prise en charge OPCO doit être demandée et enregistrée avant le début ; elle est refusée (O1)."));
    }

    /// <summary>O2: with subrogation LEXOM bills the OPCO its agreed part and the client the rest.</summary>
    public static OpcoSplit Split(Money priceTtc, Money opcoAgreedAmount)
    {
        if (!opcoAgreedAmount.IsPositive || opcoAgreedAmount > priceTtc)
        {
            throw new DomainException(
                French.Format($"Le montant pris en charge par l'OPCO ({French.Amount(opcoAgreedAmount)}) doit être positif et ne pas dépasser le prix TTC ({French.Amount(priceTtc)})."), "O2");
        }

        var client = priceTtc - opcoAgreedAmount;
        return new OpcoSplit(priceTtc, opcoAgreedAmount, client, ["O2"],
            French.Format($"Subrogation : l'OPCO est facturé de {French.Amount(opcoAgreedAmount)}, le client du reste, {French.Amount(client)} (O2)."));
    }

    /// <summary>O3: the deadline of the OPCO and what to bill the client when it has passed unpaid.</summary>
    /// <param name="opcoPaidByDeadline">What the OPCO paid up to the end of the deadline day.</param>
    /// <param name="clientPaid">What the client has paid so far.</param>
    public static OpcoDeadlineDecision Check(
        DateOnly endsOn, DateOnly today, Money priceTtc, Money opcoAgreedAmount, Money opcoPaidByDeadline, Money clientPaid)
    {
        var deadline = CgvReadings.OpcoDeadline(endsOn);
        var from = deadline.AddDays(1);
        var shortfall = opcoAgreedAmount.MinusFloorZero(opcoPaidByDeadline);
        if (shortfall.IsZero)
        {
            return new OpcoDeadlineDecision(OpcoClaimState.Paid, endsOn, deadline, from, Money.Zero, Money.Zero,
                (priceTtc - opcoAgreedAmount).MinusFloorZero(clientPaid), ["O3"],
                "L'OPCO a réglé sa part : rien ne change pour le client (O3).");
        }

        if (today < from)
        {
            return new OpcoDeadlineDecision(OpcoClaimState.Awaiting, endsOn, deadline, from, shortfall, Money.Zero,
                (priceTtc - opcoAgreedAmount).MinusFloorZero(clientPaid), ["O3"],
                French.Format($"L'OPCO a jusqu'au {French.Date(deadline)} inclus pour régler {French.Amount(shortfall)} ; à défaut, le client sera facturé de la totalité à partir du {French.Date(from)} (O3)."));
        }

        // O3 (+ CgvReadings.OpcoPartialPaymentIsDeducted).
        var remaining = priceTtc.MinusFloorZero(opcoPaidByDeadline + clientPaid);
        return new OpcoDeadlineDecision(OpcoClaimState.Overdue, endsOn, deadline, from, shortfall, shortfall, remaining, ["O3"],
            French.Format($"L'OPCO n'a pas réglé {French.Amount(shortfall)} au {French.Date(deadline)}, un mois après la fin de la formation : la prise en charge est close comme impayée et le client est facturé de la totalité du prix, moins ce qui a déjà été reçu ; il reste {French.Amount(remaining)} à payer (O3)."));
    }
}
