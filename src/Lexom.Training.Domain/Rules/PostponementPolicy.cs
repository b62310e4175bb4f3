using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>Who asks for a postponement and why (R1–R3, X4). Stored as text.</summary>
public enum PostponementReason
{
    /// <summary>The client asks (R1, R2).</summary>
    ClientRequest,

    /// <summary>The client asks because some trainees will be absent (refused for INTRA, R3).</summary>
    SomeTraineesAbsent,

    /// <summary>LEXOM moves the training after cancelling for its trainer or venue and the client agrees (X4).</summary>
    LexomCancellation,
}

/// <summary>The kind of outcome of a postponement. Stored as text.</summary>
public enum PostponementOutcome
{
    /// <summary>Not accepted: not written, INTRA absence (R3), a date in the past or after the training.</summary>
    Refused,

    /// <summary>R1: allowed, the deposit stays with LEXOM and counts towards the price; the balance at the end.</summary>
    Allowed,

    /// <summary>R2: the whole price TTC is due at once as an indemnity.</summary>
    WholePriceDue,

    /// <summary>X4: LEXOM's postponement, no indemnity.</summary>
    AllowedWithoutIndemnity,

    /// <summary>A postponed training is still within its 6 months: nothing changes.</summary>
    StillInTime,
}

/// <summary>The facts of a postponement, as plain values.</summary>
/// <param name="OpcoAgreedPart">With subrogation, the OPCO's agreed part of the price (O2); zero without OPCO.</param>
/// <param name="OpcoIndemnityCoverage">With subrogation, what the OPCO agreed to cover of an indemnity (R4); zero by default.</param>
public sealed record PostponementCase(
    PostponementReason Reason,
    WrittenNotice Notice,
    DateOnly OrderedOn,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateOnly NewStartsOn,
    TrainingKind Kind,
    Money PriceTtc,
    Money Deposit,
    Money AlreadyPaid,
    Money OpcoAgreedPart = default,
    Money OpcoIndemnityCoverage = default);

/// <summary>What a postponement costs and why.</summary>
/// <param name="LimitDate">The latest start date allowed, <c>order.AddMonths(6)</c> (R1).</param>
/// <param name="Settlement">The money; null when refused.</param>
public sealed record PostponementDecision(
    PostponementOutcome Outcome,
    DateOnly RequestedOn,
    DateOnly? NewStartsOn,
    DateOnly LimitDate,
    bool DepositBecomesNonRefundable,
    Settlement? Settlement,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation)
{
    public bool IsAccepted => Outcome != PostponementOutcome.Refused;
}

/// <summary>R1–R4 (and X4's postponement): what a postponement costs.</summary>
public static class PostponementPolicy
{
    public static PostponementDecision Decide(PostponementCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var asked = c.Notice.ReceivedOn;
        var limit = CgvReadings.PostponementLimit(c.OrderedOn);
        PostponementDecision Refused(string rule, string why) => new(PostponementOutcome.Refused, asked, c.NewStartsOn, limit, false, null, [rule], why);
        string[] WithR4(string rule, Money opco) => opco.IsPositive ? [rule, "R4"] : [rule];

        // R1 (3.6: "uniquement par écrit").
        if (!c.Notice.IsWritten)
        {
            return Refused("R1", "Les demandes de report ne sont recevables que par écrit : joignez la lettre ou l'e-mail reçu (R1).");
        }

        // R3
        if (c.Kind == TrainingKind.Intra && c.Reason == PostponementReason.SomeTraineesAbsent)
        {
            return Refused("R3", "Formation INTRA : un report pour absence de certains stagiaires n'est pas pris en compte ; la formation est maintenue à partir d'une personne (R3).");
        }

        if (asked > c.EndsOn)
        {
            return Refused("R2", French.Format($"La formation s'est terminée le {French.Date(c.EndsOn)} : elle ne peut plus être reportée."));
        }

        if (c.NewStartsOn <= asked || c.NewStartsOn == c.StartsOn)
        {
            return Refused("R1", French.Format($"La nouvelle date de début ({French.Date(c.NewStartsOn)}) doit être postérieure à la demande et différente de la date prévue."));
        }

        // X4: LEXOM's own postponement, no indemnity and no limit (CgvReadings.LexomPostponementHasNoSixMonthLimit).
        if (c.Reason == PostponementReason.LexomCancellation)
        {
            var s = Settlement.Of(c.PriceTtc, CgvReadings.OpcoPartAfterClientPayments(c.OpcoAgreedPart, c.PriceTtc, c.AlreadyPaid), c.AlreadyPaid, restIsDueLater: true);
            return new PostponementDecision(PostponementOutcome.AllowedWithoutIndemnity, asked, c.NewStartsOn, limit, false, s, ["X4", "R1"],
                French.Format($"Report proposé par LEXOM après l'annulation de la session et accepté par le client : la formation est reportée au {French.Date(c.NewStartsOn)} sans aucune indemnité ; les sommes versées comptent sur le prix et le solde de {French.Amount(s.DueLater)} sera dû à la fin de la formation (X4)."));
        }

        // R2: asked during the training.
        if (CgvReadings.IsDuringTraining(asked, c.StartsOn, c.EndsOn))
        {
            var opco = CgvReadings.OpcoPartOfIndemnity(c.PriceTtc, c.OpcoIndemnityCoverage);
            var s = Settlement.Of(c.PriceTtc, opco, c.AlreadyPaid);
            return new PostponementDecision(PostponementOutcome.WholePriceDue, asked, c.NewStartsOn, limit, false, s, WithR4("R2", opco),
                French.Format($"Report demandé le {French.Date(asked)}, pendant la formation : le prix total de {French.Amount(c.PriceTtc)} TTC est dû immédiatement à titre d'indemnité ; {French.Amount(s.DueNow)} restent à payer (R2)."));
        }

        // R2: new date beyond order + 6 months.
        if (c.NewStartsOn > limit)
        {
            var opco = CgvReadings.OpcoPartOfIndemnity(c.PriceTtc, c.OpcoIndemnityCoverage);
            var s = Settlement.Of(c.PriceTtc, opco, c.AlreadyPaid);
            return new PostponementDecision(PostponementOutcome.WholePriceDue, asked, c.NewStartsOn, limit, false, s, WithR4("R2", opco),
                French.Format($"Report au {French.Date(c.NewStartsOn)}, au-delà du {French.Date(limit)} (six mois après la commande du {French.Date(c.OrderedOn)}) : le prix total de {French.Amount(c.PriceTtc)} TTC est dû immédiatement à titre d'indemnité ; {French.Amount(s.DueNow)} restent à payer (R2)."));
        }

        // R1: before the start, within six months; the deposit stays with LEXOM and counts towards the price.
        var allowed = Settlement.Of(c.PriceTtc, CgvReadings.OpcoPartAfterClientPayments(c.OpcoAgreedPart, c.PriceTtc, c.AlreadyPaid), c.AlreadyPaid,
            restIsDueLater: true, nonRefundable: Money.Min(c.Deposit, c.AlreadyPaid));
        return new PostponementDecision(PostponementOutcome.Allowed, asked, c.NewStartsOn, limit, true, allowed, ["R1"],
            French.Format($"Report demandé le {French.Date(asked)}, avant le début, au {French.Date(c.NewStartsOn)} (au plus tard le {French.Date(limit)}) : accepté ; l'acompte de {French.Amount(c.Deposit)} reste acquis à LEXOM et compte sur le prix ; le solde de {French.Amount(allowed.DueLater)} sera dû à la fin de la formation reportée (R1)."));
    }

    /// <summary>
    /// R2: a postponed training that has not taken place 6 months after the order makes the whole price due.
    /// </summary>
    /// <param name="tookPlace">Whether the postponed training has started.</param>
    public static PostponementDecision CheckPostponedTraining(
        DateOnly orderedOn, DateOnly postponedStartsOn, bool tookPlace, DateOnly today,
        Money priceTtc, Money alreadyPaid, Money opcoAgreedPart = default, Money opcoIndemnityCoverage = default)
    {
        var limit = CgvReadings.PostponementLimit(orderedOn);
        if (tookPlace || today <= limit)
        {
            var s = Settlement.Of(priceTtc, CgvReadings.OpcoPartAfterClientPayments(opcoAgreedPart, priceTtc, alreadyPaid), alreadyPaid, restIsDueLater: true);
            return new PostponementDecision(PostponementOutcome.StillInTime, today, postponedStartsOn, limit, true, s, ["R1"],
                French.Format($"La formation reportée se tient dans le délai de six mois après la commande (au plus tard le {French.Date(limit)}) : rien n'est dû avant la fin (R1)."));
        }

        var opco = CgvReadings.OpcoPartOfIndemnity(priceTtc, opcoIndemnityCoverage);
        var due = Settlement.Of(priceTtc, opco, alreadyPaid);
        return new PostponementDecision(PostponementOutcome.WholePriceDue, today, postponedStartsOn, limit, true, due, opco.IsPositive ? ["R2", "R4"] : ["R2"],
            French.Format($"La formation reportée n'a pas eu lieu au {French.Date(limit)}, six mois après la commande : le prix total de {French.Amount(priceTtc)} TTC est dû immédiatement ; {French.Amount(due.DueNow)} restent à payer (R2)."));
    }
}
