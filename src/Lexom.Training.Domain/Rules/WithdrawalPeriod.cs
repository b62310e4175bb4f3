using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>P7 + LW1: the withdrawal period of an order and the day from which money may be asked.</summary>
/// <param name="HasWithdrawalRight">True for a private individual (LW1, and P7 on the website).</param>
/// <param name="LastWithdrawalDay">The last day a withdrawal is in time; null when there is no right, or when the contract is not signed yet.</param>
/// <param name="PaymentsMayBeAskedFrom">The first day a payment may be asked; null while the training contract of an individual is unsigned (LW1).</param>
/// <param name="FirstPaymentCap">The most that may be asked first, as a share of the price TTC (LW1: 30 %); null when the law sets no cap.</param>
public sealed record WithdrawalDecision(
    bool HasWithdrawalRight,
    DateOnly? LastWithdrawalDay,
    DateOnly? PaymentsMayBeAskedFrom,
    Percentage? FirstPaymentCap,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation)
{
    /// <summary>Whether a withdrawal received on <paramref name="receivedOn"/> is in time.</summary>
    public bool IsWithdrawalInTime(DateOnly receivedOn) =>
        HasWithdrawalRight && (LastWithdrawalDay is null || receivedOn <= LastWithdrawalDay);

    /// <summary>Whether a payment may be asked on <paramref name="day"/>.</summary>
    public bool MayAskPaymentOn(DateOnly day) => PaymentsMayBeAskedFrom is { } from && day >= from;
}

/// <summary>P7 (14 days for website orders of individuals) and LW1 (10 days after the training contract), combined.</summary>
public static class WithdrawalPeriod
{
    /// <param name="payer">Company or private individual.</param>
    /// <param name="channel">Website or staff.</param>
    /// <param name="orderedOn">The order date.</param>
    /// <param name="contractSignedOn">For an individual, the date the training contract (convention, P6) was signed; null while unsigned.</param>
    public static WithdrawalDecision For(PayerKind payer, SalesChannel channel, DateOnly orderedOn, DateOnly? contractSignedOn)
    {
        if (payer == PayerKind.Company)
        {
            return new WithdrawalDecision(
                false, null, orderedOn, null, ["P4"],
                French.Format($"Client entreprise : pas de délai de rétractation ; l'acompte peut être demandé dès la commande du {French.Date(orderedOn)} (P4)."));
        }

        var onWebsite = channel == SalesChannel.Website;
        string[] rules = onWebsite ? ["P7", "LW1"] : ["LW1"];
        if (contractSignedOn is not { } signedOn)
        {
            // LW1: a training contract before any payment.
            return new WithdrawalDecision(
                true, null, null, CgvReadings.IndividualFirstPaymentCap, rules,
                "Particulier : aucune somme ne peut être demandée avant la signature du contrat de formation, puis avant la fin du délai de rétractation (LW1, Code du travail L6353-3 à L6353-6).");
        }

        // P7 + LW1: deposit due from max(order + 14, signature + 10) + 1.
        var lastDay = CgvReadings.LastWithdrawalDay(onWebsite ? orderedOn : null, signedOn);
        var from = lastDay.AddDays(1);
        var explanation = onWebsite
            ? French.Format($"Commande d'un particulier sur le site le {French.Date(orderedOn)}, contrat signé le {French.Date(signedOn)} : rétractation possible jusqu'au {French.Date(lastDay)} inclus (14 jours après la commande, P7 ; 10 jours après la signature, LW1) ; aucune somme ne peut être demandée avant le {French.Date(from)}, puis au plus 30 % du prix (LW1).")
            : French.Format($"Particulier, contrat signé le {French.Date(signedOn)} : rétractation possible jusqu'au {French.Date(lastDay)} inclus (LW1, L6353-5) ; aucune somme ne peut être demandée avant le {French.Date(from)}, puis au plus 30 % du prix (L6353-6).");
        return new WithdrawalDecision(true, lastDay, from, CgvReadings.IndividualFirstPaymentCap, rules, explanation);
    }
}
