using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>Who cancels and why (X1–X6). Stored as text.</summary>
public enum CancellationReason
{
    /// <summary>The client renounces the training (X2, X3, X6, C3).</summary>
    ClientRenounces,

    /// <summary>The client cancels because trainees will be absent (refused for INTRA, X5).</summary>
    TraineesAbsent,

    /// <summary>LEXOM cancels: the trainer is absent (X4).</summary>
    TrainerAbsent,

    /// <summary>LEXOM cancels: the venue is unavailable (X4).</summary>
    VenueUnavailable,
}

/// <summary>The kind of outcome of a cancellation. Stored as text.</summary>
public enum CancellationOutcome
{
    /// <summary>Not accepted (X1 not written, X5 INTRA absence of trainees): the order goes on.</summary>
    Refused,

    /// <summary>A withdrawal within the legal period: nothing is due (P7, LW1).</summary>
    FreeWithdrawal,

    /// <summary>Before the contract is concluded: nothing is due (X6).</summary>
    FreeBeforeContract,

    /// <summary>Before the contract, signed documents returned without the deposit: preparation cost due (C3).</summary>
    PreparationCostDue,

    /// <summary>15 days or more before the start: the deposit is kept (X2).</summary>
    DepositKept,

    /// <summary>Less than 15 days before, on or after the start: the whole price is due (X3).</summary>
    WholePriceDue,

    /// <summary>LEXOM cancels: everything paid is refunded (X4).</summary>
    RefundedByLexom,
}

/// <summary>The facts of a cancellation, as plain values.</summary>
/// <param name="Reason">Who cancels and why.</param>
/// <param name="Notice">The written cancellation and its date of receipt (X1).</param>
/// <param name="StartsOn">The first day of the training.</param>
/// <param name="Kind">INTER or INTRA (X5).</param>
/// <param name="PriceTtc">The whole price TTC of the order.</param>
/// <param name="Deposit">The deposit amount of the order (M4).</param>
/// <param name="AlreadyPaid">What the client has paid so far.</param>
/// <param name="ContractConcluded">Whether the contract was concluded (C1).</param>
/// <param name="SignedDocumentsReturned">Whether the client returned the signed documents (C3).</param>
/// <param name="PreparationCost">The cost of preparing the proposal, recorded on it (C3); zero when none.</param>
/// <param name="LastWithdrawalDay">For an individual, the last day of the withdrawal period (P7, LW1); null otherwise.</param>
/// <param name="OpcoIndemnityCoverage">With subrogation, what the OPCO agreed to cover of an indemnity (R4); zero by default.</param>
public sealed record CancellationCase(
    CancellationReason Reason,
    WrittenNotice Notice,
    DateOnly StartsOn,
    TrainingKind Kind,
    Money PriceTtc,
    Money Deposit,
    Money AlreadyPaid,
    bool ContractConcluded,
    bool SignedDocumentsReturned,
    Money PreparationCost,
    DateOnly? LastWithdrawalDay = null,
    Money OpcoIndemnityCoverage = default);

/// <summary>What a cancellation costs and why.</summary>
/// <param name="Settlement">The money; null when the cancellation is refused.</param>
public sealed record CancellationDecision(
    CancellationOutcome Outcome,
    DateOnly ReceivedOn,
    DateOnly StartsOn,
    int DaysBeforeStart,
    Settlement? Settlement,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation)
{
    public bool IsAccepted => Outcome != CancellationOutcome.Refused;
}

/// <summary>X1–X6 and C3: what a cancellation costs. The legal withdrawal (P7, LW1) wins over the CGV.</summary>
public static class CancellationPolicy
{
    public static CancellationDecision Decide(CancellationCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var received = c.Notice.ReceivedOn;
        var d = CgvReadings.DaysBeforeStart(c.StartsOn, received);

        CancellationDecision Refused(string rule, string why) => new(CancellationOutcome.Refused, received, c.StartsOn, d, null, [rule], why);
        CancellationDecision Accepted(CancellationOutcome outcome, Settlement s, string[] rules, string why) => new(outcome, received, c.StartsOn, d, s, rules, why);

        // X1: only written cancellations count.
        if (!c.Notice.IsWritten)
        {
            return Refused("X1", "Seules les annulations faites par écrit sont recevables : joignez la lettre ou l'e-mail reçu (X1).");
        }

        // X5: INTRA, absence of trainees is no reason to cancel.
        if (c.Kind == TrainingKind.Intra && c.Reason == CancellationReason.TraineesAbsent)
        {
            return Refused("X5", "Formation INTRA : une annulation pour absence de stagiaires n'est pas prise en compte ; la formation est maintenue à partir d'une personne (X5).");
        }

        // X4: LEXOM cancels, the client gets back what it paid.
        if (c.Reason is CancellationReason.TrainerAbsent or CancellationReason.VenueUnavailable)
        {
            var cause = c.Reason == CancellationReason.TrainerAbsent ? "l'absence du formateur" : "l'indisponibilité du lieu";
            var s = Settlement.RefundAll(c.AlreadyPaid);
            return Accepted(CancellationOutcome.RefundedByLexom, s, ["X4"],
                French.Format($"Annulation par LEXOM pour {cause} : l'acompte et tout montant versé ({French.Amount(s.Refund)}) sont remboursés au client, sauf s'il accepte un report (X4)."));
        }

        // P7, LW1: a withdrawal within the legal period costs nothing; the law wins over X2/X3.
        if (c.LastWithdrawalDay is { } lastDay && received <= lastDay)
        {
            var s = Settlement.RefundAll(c.AlreadyPaid);
            return Accepted(CancellationOutcome.FreeWithdrawal, s, ["P7", "LW1"],
                French.Format($"Rétractation reçue le {French.Date(received)}, dans le délai légal qui court jusqu'au {French.Date(lastDay)} inclus : elle ne coûte rien et annule la commande (P7, LW1)."));
        }

        // X6 and C3: before the contract is concluded.
        if (!c.ContractConcluded)
        {
            if (c.SignedDocumentsReturned && c.AlreadyPaid < c.Deposit && c.PreparationCost.IsPositive)
            {
                var opco = CgvReadings.OpcoPartOfIndemnity(c.PreparationCost, c.OpcoIndemnityCoverage);
                var s = Settlement.Of(c.PreparationCost, opco, c.AlreadyPaid);
                return Accepted(CancellationOutcome.PreparationCostDue, s, ["X6", "C3"],
                    French.Format($"Le client a renvoyé les documents signés sans verser l'acompte puis renonce : seuls les frais d'élaboration de la proposition, {French.Amount(c.PreparationCost)}, sont dus (C3, X6)."));
            }

            var free = Settlement.RefundAll(c.AlreadyPaid);
            return Accepted(CancellationOutcome.FreeBeforeContract, free, ["X6"],
                "Le contrat n'était pas conclu (documents signés et acompte non reçus tous deux) : la renonciation ne coûte rien (X6).");
        }

        // X2: d ≥ 15, the deposit is kept as an indemnity, nothing more.
        if (CgvReadings.CancellationKeepsOnlyTheDeposit(d))
        {
            var opco = CgvReadings.OpcoPartOfIndemnity(c.Deposit, c.OpcoIndemnityCoverage);
            var s = Settlement.Of(c.Deposit, opco, c.AlreadyPaid);
            var rules = opco.IsPositive ? new[] { "X2", "R4" } : ["X2"];
            var paidPart = c.AlreadyPaid >= c.Deposit
                ? French.Format($"LEXOM conserve l'acompte de {French.Amount(c.Deposit)} à titre d'indemnité, rien d'autre n'est dû")
                : French.Format($"l'acompte de {French.Amount(c.Deposit)} est dû à titre d'indemnité ({French.Amount(s.DueNow)} restent à payer)");
            return Accepted(CancellationOutcome.DepositKept, s, rules,
                French.Format($"Annulation écrite reçue le {French.Date(received)}, {d} jours avant le début du {French.Date(c.StartsOn)} (15 jours ou plus) : {paidPart} (X2)."));
        }

        // X3: d < 15, the start day or later, the whole price TTC is due at once.
        var opcoPart = CgvReadings.OpcoPartOfIndemnity(c.PriceTtc, c.OpcoIndemnityCoverage);
        var whole = Settlement.Of(c.PriceTtc, opcoPart, c.AlreadyPaid);
        var when = d switch
        {
            > 0 => French.Format($"{d} jours avant le début du {French.Date(c.StartsOn)} (moins de 15 jours)"),
            0 => "le premier jour de la formation",
            _ => "après le début de la formation",
        };
        return Accepted(CancellationOutcome.WholePriceDue, whole, opcoPart.IsPositive ? ["X3", "R4"] : ["X3"],
            French.Format($"Annulation écrite reçue le {French.Date(received)}, {when} : le prix total de {French.Amount(c.PriceTtc)} TTC est dû à titre d'indemnité ; {French.Amount(c.AlreadyPaid)} déjà versés, {French.Amount(whole.DueNow)} à payer immédiatement (X3)."));
    }
}
