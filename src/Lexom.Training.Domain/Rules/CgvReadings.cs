using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Rules;

/// <summary>
/// Every reading the application takes of the CGV and of the law, in one place: the spec's
/// <b>Reading</b> paragraphs (X2, L2, R1) and the choices its text leaves open. The policies call
/// these members and hold no date arithmetic or threshold of their own; change a reading here.
/// </summary>
public static class CgvReadings
{
    // ---------------------------------------------------------------- Proposal (P1, P3)

    /// <summary>
    /// Reading (P4, P6): the CGV describe a paper acceptance (the proposal returned signed « BON POUR ACCORD »,
    /// the CGV initialled and signed). The client space offers an electronic one alongside it: the client types
    /// their full name and the mention « Bon pour accord » and ticks the CGV box, and the SHA-256 of the PDF,
    /// the CGV version, the date, time and IP address are kept. That acceptance stands for both signed
    /// documents; C1 still waits for the deposit.
    /// </summary>
    public const bool OnlineAcceptanceStandsForSignedDocuments = true;

    /// <summary>
    /// Reading (P7): an order accepted online in the client space is an order taken on the website; an order
    /// whose signed paper documents are recorded by the staff keeps the proposal's channel.
    /// </summary>
    public const bool OnlineAcceptanceIsAWebsiteOrder = true;

    /// <summary>P3: a proposal is valid 30 calendar days from its issue date.</summary>
    public const int ProposalValidityDays = 30;

    /// <summary>P3: <c>ValidUntil = IssuedOn + 30 days</c>; acceptance is possible up to and including that day.</summary>
    public static DateOnly ProposalValidUntil(DateOnly issuedOn) => issuedOn.AddDays(ProposalValidityDays);

    /// <summary>P1: the text a participant name may hold until acceptance.</summary>
    public const string ParticipantPlaceholder = "à confirmer";

    // ---------------------------------------------------------------- Price (M1, M4, M5)

    /// <summary>M4: the default of the deposit-rate setting.</summary>
    public static Percentage DefaultDepositRate => Percentage.Of(30m);

    /// <summary>
    /// Reading (M1): a proposal takes the VAT rate in force on its issue date; the order and all its
    /// invoices keep that rate, the price being firm from acceptance (3.1). Should a rate change between
    /// acceptance and invoicing, the invoices must be re-issued by hand at the new rate.
    /// </summary>
    public static DateOnly VatRateDate(DateOnly documentIssuedOn) => documentIssuedOn;

    /// <summary>
    /// Reading (M3 applied to amounts billed TTC): a deposit invoice, a balance or an indemnity is an
    /// amount TTC at one rate; its HT is <c>round(TTC / (1 + rate))</c> and its VAT is <c>TTC − HT</c>,
    /// so that HT + VAT always equals the TTC asked. 1 285,20 € at 20 % → 1 071,00 € + 214,20 €.
    /// </summary>
    public static (Money Ht, Money Vat) SplitTtc(Money ttc, Percentage rate)
    {
        var ht = Money.RoundToCent(ttc.Amount / (1m + rate.Fraction));
        return (ht, ttc - ht);
    }

    /// <summary>
    /// Reading (X2, X3, R2, C3): an indemnity invoice shows the amount TTC the CGV name, with the VAT
    /// of the order's rate inside it. If the accountant decides that indemnities are outside the scope
    /// of VAT, set this to false: the invoice then carries the same amount with no VAT.
    /// </summary>
    public const bool IndemnityInvoicesBearVat = true;

    /// <summary>M5: the final invoice is payable on receipt: its due date is its issue date.</summary>
    public static DateOnly FinalInvoiceDueOn(DateOnly issuedOn) => issuedOn;

    /// <summary>
    /// Reading: deposit, indemnity and OPCO invoices are payable on receipt too (3.2 "à leur réception").
    /// </summary>
    public static DateOnly InvoiceDueOn(DateOnly issuedOn) => issuedOn;

    // ---------------------------------------------------------------- Withdrawal (P7, LW1)

    /// <summary>P7: a private individual ordering on the website may withdraw within 14 calendar days of the order.</summary>
    public const int WebsiteWithdrawalDays = 14;

    /// <summary>LW1 (Code du travail L6353-5): a private individual may withdraw within 10 days of signing the training contract.</summary>
    public const int TrainingContractWithdrawalDays = 10;

    /// <summary>LW1 (L6353-6): the most that can be asked of a private individual once the withdrawal period is over.</summary>
    public static Percentage IndividualFirstPaymentCap => Percentage.Of(30m);

    /// <summary>
    /// P7 + LW1 as the spec combines them: the last day on which the individual may withdraw is the
    /// later of <c>order + 14</c> (website orders only) and <c>contract signature + 10</c>; payments may be
    /// asked from the day after. A day counts in full: a withdrawal received on the last day is in time.
    /// </summary>
    public static DateOnly LastWithdrawalDay(DateOnly? orderedOnWebsite, DateOnly contractSignedOn)
    {
        var byContract = contractSignedOn.AddDays(TrainingContractWithdrawalDays);
        if (orderedOnWebsite is not { } ordered)
        {
            return byContract;
        }

        var byWebsite = ordered.AddDays(WebsiteWithdrawalDays);
        return byWebsite > byContract ? byWebsite : byContract;
    }

    // ---------------------------------------------------------------- Cancellation (X1–X6)

    /// <summary>X2/X3: <c>d = start − date LEXOM received the written cancellation</c>, in calendar days.</summary>
    public static int DaysBeforeStart(DateOnly startsOn, DateOnly receivedOn) => startsOn.DayNumber - receivedOn.DayNumber;

    /// <summary>X2/X3: the notice, in days, that limits the indemnity to the deposit.</summary>
    public const int CancellationNoticeDays = 15;

    /// <summary>
    /// Reading (X2) of "dans un délai maximum de 15 jours avant la date prévue": a cancellation received
    /// 15 days or more before the start keeps only the deposit (d ≥ 15); 14 days or fewer, the start day
    /// (d = 0) and after the start (d &lt; 0) make the whole price due (X3).
    /// </summary>
    public static bool CancellationKeepsOnlyTheDeposit(int daysBeforeStart) => daysBeforeStart >= CancellationNoticeDays;

    /// <summary>
    /// Reading (R4, applied to X2, X3, C3 and R2): with subrogation the client pays what the OPCO does
    /// not cover of an indemnity. An OPCO covers nothing of an indemnity unless the amount it covers
    /// is recorded on the funding; the client's part is the indemnity minus that amount.
    /// </summary>
    public static Money OpcoPartOfIndemnity(Money indemnity, Money recordedOpcoCoverage) =>
        Money.Max(Money.Zero, Money.Min(indemnity, recordedOpcoCoverage));

    /// <summary>
    /// Reading (O2 with a deposit): an OPCO's agreement is a ceiling. Its part of a price that is still to
    /// be paid is at most what the client's own payments leave of that price, so LEXOM never refunds a
    /// client's deposit (which R1 may have made non-refundable) only to bill the OPCO instead.
    /// </summary>
    public static Money OpcoPartAfterClientPayments(Money agreedAmount, Money priceTtc, Money clientPaid) =>
        Money.Max(Money.Zero, Money.Min(agreedAmount, priceTtc - clientPaid));

    // ---------------------------------------------------------------- Postponement (R1–R4)

    /// <summary>R1/R2: the latest new start date, <c>order.AddMonths(6)</c>, inclusive (31 August → 28 or 29 February).</summary>
    public static DateOnly PostponementLimit(DateOnly orderedOn) => orderedOn.AddMonths(6);

    /// <summary>
    /// Reading (R1) of "l'acompte restera acquis": the deposit becomes non-refundable whatever happens
    /// later, and still counts towards the price; it is not an extra charge. So after an R1 postponement
    /// nothing is due now and the balance is due at the end of the postponed training.
    /// </summary>
    public const bool PostponedDepositCountsTowardsPrice = true;

    /// <summary>
    /// Reading (R2): "during the training" is from the start day to the end day inclusive. A request on
    /// the start day is during the training, as for X3.
    /// </summary>
    public static bool IsDuringTraining(DateOnly requestedOn, DateOnly startsOn, DateOnly endsOn) =>
        requestedOn >= startsOn && requestedOn <= endsOn;

    /// <summary>
    /// Reading (X4): a postponement that LEXOM offers after cancelling for the trainer's absence or the
    /// venue follows R1 without indemnity and without the 6-month limit (the cause is LEXOM's), and the
    /// deposit stays an ordinary advance, refundable if the client then refuses the new date.
    /// </summary>
    public const bool LexomPostponementHasNoSixMonthLimit = true;

    /// <summary>
    /// Reading (R2): when the whole price is due as an indemnity "pour inexécution" (a request during the
    /// training, a date beyond six months, a postponed training not held in time), the postponement is
    /// not carried out: the order ends as cancelled and the indemnity is billed.
    /// </summary>
    public const bool PostponementBeyondLimitEndsTheOrder = true;

    // ---------------------------------------------------------------- OPCO (O1–O3)

    /// <summary>
    /// Reading (O1) of "avant le début de la formation": funding must be recorded at the latest the day
    /// before the start; on the start day it is refused.
    /// </summary>
    public static bool OpcoFundingInTime(DateOnly recordedOn, DateOnly startsOn) => recordedOn < startsOn;

    /// <summary>O3: the OPCO's deadline, one calendar month after the last day (<c>end.AddMonths(1)</c>), inclusive.</summary>
    public static DateOnly OpcoDeadline(DateOnly endsOn) => endsOn.AddMonths(1);

    /// <summary>
    /// Reading (O3): when the OPCO paid part of its share by the deadline, the client is billed the
    /// whole price minus everything already received, from the client and from the OPCO. When the
    /// OPCO paid nothing this is the spec's "whole price minus what the client already paid".
    /// </summary>
    public const bool OpcoPartialPaymentIsDeducted = true;

    // ---------------------------------------------------------------- Late payment (L1–L4)

    /// <summary>L1: the day-count basis of late interest, 365 even in a leap year.</summary>
    public const int LateInterestDayBasis = 365;

    /// <summary>L2: the points added to the ECB main refinancing rate.</summary>
    public static Percentage EcbMargin => Percentage.Of(10m);

    /// <summary>L2: the multiple of the legal interest rate that is the floor.</summary>
    public const decimal LegalRateMultiple = 3m;

    /// <summary>L2: <c>rate = max(ECB + 10 points, 3 × legal rate)</c>.</summary>
    public static Percentage LateInterestRate(Percentage ecbMainRefinancingRate, Percentage legalInterestRate) =>
        Percentage.Max(ecbMainRefinancingRate + EcbMargin, LegalRateMultiple * legalInterestRate);

    /// <summary>
    /// Reading (L2): the rates of a day of lateness are those of its half-year (1 January–30 June,
    /// 1 July–31 December); a late period crossing 30 June or 31 December is split there.
    /// </summary>
    public static (int Year, int Half) HalfYearOf(DateOnly day) => (day.Year, day.Month <= 6 ? 1 : 2);

    /// <summary>L2: the last day of the half-year of <paramref name="day"/> (30 June or 31 December).</summary>
    public static DateOnly HalfYearEnd(DateOnly day) => day.Month <= 6 ? new DateOnly(day.Year, 6, 30) : new DateOnly(day.Year, 12, 31);

    /// <summary>
    /// Reading (L1 rounding): a late period is cut into segments of constant unpaid amount and constant
    /// rate; each segment's interest is rounded to the cent, and the interest is their sum.
    /// </summary>
    public const bool LateInterestRoundedPerSegment = true;

    /// <summary>L3 (Code de commerce D441-5): the fixed recovery indemnity per late invoice, companies only.</summary>
    public static Money RecoveryIndemnity => Money.Euros(40m);

    /// <summary>
    /// Reading (L1, L4): an invoice is late from the day after its due date. A final invoice due on
    /// receipt is therefore not late on its issue day and the client is not flagged that day.
    /// </summary>
    public static bool IsLate(DateOnly dueOn, DateOnly today) => today > dueOn;

    /// <summary>
    /// Reading (L1–L3 billed): the staff bill a late invoice's interest and, for a company, its 40 € indemnity on a
    /// penalty invoice (<c>InvoiceKind.LatePenalty</c>, numbered FAC) tied to the late invoice. It bills what the
    /// lateness costs as of its issue date (L1: up to the day of payment once paid) minus what the earlier penalty
    /// invoices of the same invoice billed (net of their credit notes): a later one bills only the interest run since,
    /// and the indemnity is billed once per late invoice (L3).
    /// </summary>
    public const bool LatePenaltyBillsWhatIsNotBilledYet = true;

    /// <summary>
    /// Reading (L1, L3): late interest and the recovery indemnity compensate a loss and pay for no service: they are
    /// outside the scope of VAT, and the penalty invoice carries none. Set to false if the accountant decides otherwise
    /// (the invoice then carries the order's VAT inside the same amount).
    /// </summary>
    public const bool LatePenaltiesBearNoVat = true;

    /// <summary>
    /// Reading (L1, L3, L4): a penalty invoice bears no late interest and no indemnity of its own (interest on
    /// interest needs a court demand or a clause, Code civil 1343-2, and the CGV have none); unpaid after its due date
    /// it still flags the client (L4). Its payments are not payments towards the price of the training.
    /// </summary>
    public const bool NoLateInterestOnLatePenalties = true;

    // ---------------------------------------------------------------- Termination (T1)

    /// <summary>T1: the days a formal notice must stay unanswered.</summary>
    public const int FormalNoticeDays = 8;

    /// <summary>
    /// Reading (T1) of "huit jours après une mise en demeure restée sans réponse", counted as French
    /// delays are (the notice's own day does not count, the delay ends at the end of its eighth day):
    /// the notice stays open up to and including <c>notice + 8</c>; termination is possible from <c>notice + 9</c>.
    /// </summary>
    public static DateOnly FormalNoticeLastDay(DateOnly noticeOn) => noticeOn.AddDays(FormalNoticeDays);

    // ---------------------------------------------------------------- Retention (G1, LW5)

    /// <summary>G1: personal data are kept at most 5 years after the end of the contractual relationship.</summary>
    public const int PersonalDataRetentionYears = 5;

    /// <summary>LW5: accounting documents are kept 10 years.</summary>
    public const int AccountingRetentionYears = 10;

    /// <summary>
    /// Reading (G1): the data may be kept up to and including <c>end.AddYears(5)</c>; the daily job
    /// anonymises them from the next day.
    /// </summary>
    public static DateOnly PersonalDataKeptUntil(DateOnly relationshipEndedOn) => relationshipEndedOn.AddYears(PersonalDataRetentionYears);

    /// <summary>Reading (LW5): an accounting document is kept up to and including <c>issue.AddYears(10)</c>, counted from its issue date.</summary>
    public static DateOnly AccountingDocumentKeptUntil(DateOnly issuedOn) => issuedOn.AddYears(AccountingRetentionYears);
}
