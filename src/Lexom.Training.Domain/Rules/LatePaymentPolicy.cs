using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>
/// L2: the rates published for one half-year: the ECB main refinancing rate in force on 1 January or
/// 1 July, and the French legal interest rate for creditors acting for professional purposes.
/// </summary>
/// <param name="Half">1 for January–June, 2 for July–December.</param>
public sealed record HalfYearRates(int Year, int Half, Percentage EcbMainRefinancingRate, Percentage LegalInterestRate)
{
    /// <summary>L2: <c>max(ECB + 10 points, 3 × legal rate)</c>.</summary>
    public Percentage LateInterestRate => CgvReadings.LateInterestRate(EcbMainRefinancingRate, LegalInterestRate);
}

/// <summary>L2: the rates per half-year, as data edited by an admin.</summary>
public sealed class LateInterestRateTable
{
    private readonly Dictionary<(int Year, int Half), HalfYearRates> _rates;

    public LateInterestRateTable(IEnumerable<HalfYearRates> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        _rates = [];
        foreach (var rate in rates)
        {
            if (rate.Half is not (1 or 2))
            {
                throw new DomainException("Un semestre vaut 1 ou 2.", "L2");
            }

            if (!_rates.TryAdd((rate.Year, rate.Half), rate))
            {
                throw new DomainException(French.Format($"Les taux du semestre {rate.Half} de {rate.Year} sont saisis deux fois."), "L2");
            }
        }
    }

    public IReadOnlyCollection<HalfYearRates> Rates => _rates.Values;

    /// <summary>The rates of the half-year <paramref name="day"/> falls in (L2).</summary>
    public HalfYearRates For(DateOnly day)
    {
        var key = CgvReadings.HalfYearOf(day);
        return _rates.TryGetValue(key, out var rates)
            ? rates
            : throw new DomainException(
                French.Format($"Les taux BCE et légal du {(key.Half == 1 ? "premier" : "second")} semestre {key.Year} ne sont pas saisis : impossible de calculer les intérêts de retard (L2)."), "L2");
    }
}

/// <summary>A payment against an invoice: its date and amount.</summary>
public sealed record PaymentOn(DateOnly ReceivedOn, Money Amount);

/// <summary>One part of a late period: a constant unpaid amount, one half-year's rate (L1, L2).</summary>
public sealed record LateInterestSegment(DateOnly From, DateOnly To, int Days, Money Unpaid, Percentage Rate, Money Interest);

/// <summary>What lateness costs on one invoice (L1–L3).</summary>
/// <param name="DaysLate">Calendar days from the day after the due date to the last late day.</param>
/// <param name="Interest">Σ of the segments' rounded interest (L1).</param>
/// <param name="RecoveryIndemnity">40 € for a company when the invoice was late, zero otherwise (L3).</param>
public sealed record LatePaymentDecision(
    DateOnly DueOn,
    DateOnly AsOf,
    int DaysLate,
    IReadOnlyList<LateInterestSegment> Segments,
    Money Interest,
    Money RecoveryIndemnity,
    Money StillUnpaid,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation)
{
    public Money Total => Interest + RecoveryIndemnity;

    public bool IsLate => DaysLate > 0;
}

/// <summary>L1–L3: late interest and the recovery indemnity of one invoice.</summary>
public static class LatePaymentPolicy
{
    /// <param name="invoiceTtc">The invoice's amount TTC.</param>
    /// <param name="dueOn">Its due date.</param>
    /// <param name="payments">The payments received against it.</param>
    /// <param name="asOf">The day up to which interest runs on what is still unpaid (today); later payments are ignored.</param>
    public static LatePaymentDecision Decide(
        Money invoiceTtc, DateOnly dueOn, IEnumerable<PaymentOn> payments, DateOnly asOf, PayerKind payer, LateInterestRateTable rates)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(rates);
        var ordered = payments.Where(p => p.ReceivedOn <= asOf).OrderBy(p => p.ReceivedOn).ToList();

        // Payments up to the due date are on time.
        var unpaid = invoiceTtc - Money.Sum(ordered.Where(p => p.ReceivedOn <= dueOn).Select(p => p.Amount));
        var segments = new List<LateInterestSegment>();
        var from = dueOn.AddDays(1); // L1: from the day after the due date
        var lastLateDay = dueOn;

        void Run(DateOnly to, Money amount)
        {
            // L2: split at 30 June and 31 December.
            while (from <= to && amount.IsPositive)
            {
                var end = CgvReadings.HalfYearEnd(from);
                if (end > to)
                {
                    end = to;
                }

                var rate = rates.For(from).LateInterestRate;
                var days = end.DayNumber - from.DayNumber + 1;
                // L1: round(unpaid × rate × days / 365), rounded per segment (CgvReadings.LateInterestRoundedPerSegment).
                var interest = Money.RoundToCent(amount.Times(rate.Fraction) * days / CgvReadings.LateInterestDayBasis);
                segments.Add(new LateInterestSegment(from, end, days, amount, rate, interest));
                lastLateDay = end;
                from = end.AddDays(1);
            }
        }

        foreach (var payment in ordered.Where(p => p.ReceivedOn > dueOn))
        {
            Run(payment.ReceivedOn, unpaid); // L1: up to the day of payment
            from = payment.ReceivedOn.AddDays(1);
            unpaid -= payment.Amount;
        }

        Run(asOf, unpaid);

        var daysLate = lastLateDay.DayNumber - dueOn.DayNumber;
        var interestTotal = Money.Sum(segments.Select(s => s.Interest));
        var indemnity = payer == PayerKind.Company && daysLate > 0 ? CgvReadings.RecoveryIndemnity : Money.Zero;
        var rules = new List<string> { "L1", "L2" };
        if (indemnity.IsPositive)
        {
            rules.Add("L3");
        }

        var stillUnpaid = Money.Max(Money.Zero, unpaid);
        string explanation;
        if (daysLate == 0)
        {
            explanation = French.Format($"Facture réglée à l'échéance du {French.Date(dueOn)} : aucun intérêt de retard (L1).");
        }
        else
        {
            var parts = string.Join(" ; ", segments.Select(s => French.Format(
                $"du {French.Date(s.From)} au {French.Date(s.To)}, {s.Days} jours sur {French.Amount(s.Unpaid)} au taux de {s.Rate.ToFrench()} : {French.Amount(s.Interest)}")));
            var indemnityText = payer == PayerKind.Company
                ? French.Format($", plus l'indemnité forfaitaire de recouvrement de {French.Amount(indemnity)} (L3, client entreprise)")
                : " (pas d'indemnité forfaitaire pour un particulier, L3)";
            explanation = French.Format(
                $"Facture échue le {French.Date(dueOn)}, {daysLate} jours de retard : {parts} ; intérêts {French.Amount(interestTotal)} au taux max(BCE + 10 points, 3 × taux légal) (L1, L2){indemnityText}.");
        }

        return new LatePaymentDecision(dueOn, asOf, daysLate, segments, interestTotal, indemnity, stillUnpaid, rules, explanation);
    }
}
