using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Domain.Orders;

/// <summary>The kind of an invoice. Stored as text.</summary>
public enum InvoiceKind
{
    /// <summary>Facture d'acompte (M4), numbered ACP.</summary>
    Deposit,

    /// <summary>The final invoice to the client at the end (M5, O2), numbered FAC.</summary>
    Final,

    /// <summary>The invoice to the OPCO for its agreed part (O2), numbered FAC.</summary>
    Opco,

    /// <summary>The client's invoice for the OPCO's unpaid part after its deadline (O3), numbered FAC.</summary>
    OpcoShortfall,

    /// <summary>A cancellation or postponement indemnity, or the C3 preparation cost, numbered FAC.</summary>
    Indemnity,

    /// <summary>An avoir that cancels (part of) an invoice (LW4), numbered AV.</summary>
    CreditNote,

    /// <summary>
    /// The late interest and the recovery indemnity of a late client invoice (L1–L3), numbered FAC, without VAT
    /// (<see cref="CgvReadings.LatePenaltiesBearNoVat"/>); see <see cref="Invoice.PenaltyForInvoiceId"/>.
    /// </summary>
    LatePenalty,
}

/// <summary>Who an invoice is addressed to. Stored as text.</summary>
public enum InvoicePayer
{
    Client,
    Opco,
}

/// <summary>How a payment was made. Stored as text.</summary>
public enum PaymentMethod
{
    Transfer,
    Cheque,
    Card,
    DirectDebit,
    Cash,
}

/// <summary>A payment received against an invoice; <paramref name="Reference"/> is the bank's reference of the movement.</summary>
public sealed record Payment(Guid Id, DateOnly ReceivedOn, Money Amount, string Reference, PaymentMethod Method = PaymentMethod.Transfer)
{
    /// <summary>The method in French, for screens and documents.</summary>
    public static string MethodText(PaymentMethod method) => method switch
    {
        PaymentMethod.Transfer => "virement",
        PaymentMethod.Cheque => "chèque",
        PaymentMethod.Card => "carte bancaire",
        PaymentMethod.DirectDebit => "prélèvement",
        _ => "espèces",
    };
}

/// <summary>
/// An invoice, a deposit invoice or a credit note of an order. It is never deleted: a wrong or
/// cancelled invoice is corrected by a credit note (LW4).
/// </summary>
public sealed class Invoice
{
    private readonly List<Payment> _payments = [];

    private Invoice()
    {
        Number = null!;
        Label = string.Empty;
    }

    internal Invoice(Guid id, DocumentNumber number, InvoiceKind kind, InvoicePayer payer, DateOnly issuedOn, Money ttc, Percentage vatRate, string label, Guid? creditsInvoiceId = null,
        Guid? penaltyForInvoiceId = null)
    {
        var expected = kind switch
        {
            InvoiceKind.Deposit => DocumentKind.DepositInvoice,
            InvoiceKind.CreditNote => DocumentKind.CreditNote,
            _ => DocumentKind.Invoice,
        };
        if (number.Kind != expected)
        {
            throw new DomainException(French.Format($"Le numéro {number} ne convient pas : ce document se numérote {DocumentNumber.PrefixOf(expected)} (LW4)."), "LW4");
        }

        if (ttc.IsNegative)
        {
            throw new DomainException("Le montant d'une facture ou d'un avoir est positif.", "LW4");
        }

        Id = id;
        Number = number;
        Kind = kind;
        Payer = payer;
        IssuedOn = issuedOn;
        DueOn = CgvReadings.InvoiceDueOn(issuedOn); // M5
        Ttc = ttc;
        VatRate = vatRate;
        (Ht, Vat) = (kind == InvoiceKind.Indemnity && !CgvReadings.IndemnityInvoicesBearVat) || (kind == InvoiceKind.LatePenalty && CgvReadings.LatePenaltiesBearNoVat)
            ? (ttc, Money.Zero)
            : CgvReadings.SplitTtc(ttc, vatRate);
        Label = label;
        CreditsInvoiceId = creditsInvoiceId;
        PenaltyForInvoiceId = penaltyForInvoiceId;
    }

    public Guid Id { get; private set; }

    public DocumentNumber Number { get; private set; }

    public InvoiceKind Kind { get; private set; }

    public InvoicePayer Payer { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    /// <summary>M5: payable on receipt, due on its issue date.</summary>
    public DateOnly DueOn { get; private set; }

    public Money Ht { get; private set; }

    public Money Vat { get; private set; }

    /// <summary>The amount TTC the document asks for (or, for a credit note, cancels).</summary>
    public Money Ttc { get; private set; }

    public Percentage VatRate { get; private set; }

    public string Label { get; private set; }

    /// <summary>For a credit note, the invoice it cancels.</summary>
    public Guid? CreditsInvoiceId { get; private set; }

    /// <summary>For a penalty invoice (L1–L3), the late invoice whose interest and indemnity it bills.</summary>
    public Guid? PenaltyForInvoiceId { get; private set; }

    /// <summary>The amount cancelled by credit notes (LW4).</summary>
    public Money Credited { get; private set; }

    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>
    /// The sum of <see cref="Payments"/>, kept on the invoice with each payment (in the same save, under the invoice's
    /// concurrency check) so that the lists and the dashboard read what remains due from the invoice's row.
    /// </summary>
    public Money Paid { get; private set; }

    /// <summary>What remains to pay: TTC − payments − credit notes; zero for a credit note.</summary>
    public Money AmountDue => Kind == InvoiceKind.CreditNote ? Money.Zero : Ttc - Paid - Credited;

    public bool IsSettled => AmountDue.IsZero;

    internal void RecordPayment(Payment payment)
    {
        if (Kind == InvoiceKind.CreditNote)
        {
            throw new DomainException("Un avoir ne se paie pas.");
        }

        if (!payment.Amount.IsPositive)
        {
            throw new DomainException("Un paiement est un montant positif.");
        }

        if (payment.Amount > AmountDue)
        {
            throw new DomainException(French.Format($"Le paiement de {French.Amount(payment.Amount)} dépasse le reste dû sur {Number} ({French.Amount(AmountDue)})."));
        }

        _payments.Add(payment);
        Paid += payment.Amount;
    }

    internal void Credit(Money amount) => Credited += amount;

    /// <summary>L1–L3: late interest and recovery indemnity on this invoice as of <paramref name="asOf"/>.</summary>
    public LatePaymentDecision LatePayment(DateOnly asOf, PayerKind clientKind, LateInterestRateTable rates)
    {
        if (Kind == InvoiceKind.CreditNote)
        {
            throw new DomainException("Un avoir ne porte pas d'intérêts de retard.", "L1");
        }

        if (Kind == InvoiceKind.LatePenalty && CgvReadings.NoLateInterestOnLatePenalties)
        {
            throw new DomainException("Une facture de pénalités de retard ne porte pas elle-même d'intérêts de retard ni d'indemnité (L1, L3).", "L1");
        }

        // An OPCO is a legal person: L3's indemnity applies to it.
        var debtor = Payer == InvoicePayer.Opco ? PayerKind.Company : clientKind;
        return LatePaymentPolicy.Decide(Ttc - Credited, DueOn, _payments.Select(p => new PaymentOn(p.ReceivedOn, p.Amount)), asOf, debtor, rates);
    }
}
