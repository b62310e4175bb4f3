using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Web.Features.Billing;

/// <summary>Where an invoice stands on a given day, for the lists' filter and badges.</summary>
public enum InvoiceState
{
    /// <summary>Something remains due, the due date is today or later.</summary>
    ToPay,

    /// <summary>Something remains due after the due date (L1: late from the next day, <see cref="CgvReadings.IsLate"/>).</summary>
    Overdue,

    /// <summary>Fully paid.</summary>
    Settled,

    /// <summary>What remained due was cancelled by a credit note (LW4); the invoice is kept.</summary>
    CancelledByCreditNote,

    /// <summary>The credit note itself.</summary>
    CreditNote,
}

/// <summary>The French words of the billing pages, and the URL keys of their filters.</summary>
public static class BillingText
{
    public static string Kind(InvoiceKind kind, InvoicePayer payer) => kind switch
    {
        InvoiceKind.Deposit => "Facture d'acompte",
        InvoiceKind.Final => "Facture finale",
        InvoiceKind.Opco => "Facture OPCO",
        InvoiceKind.OpcoShortfall => "Facture (part OPCO non réglée)",
        InvoiceKind.Indemnity => "Facture d'indemnité",
        InvoiceKind.CreditNote => payer == InvoicePayer.Opco ? "Avoir (OPCO)" : "Avoir",
        _ => "Facture",
    };

    /// <summary>The document kinds of the list's filter: invoices (FAC), deposit invoices (ACP), credit notes (AV).</summary>
    public static readonly IReadOnlyList<(string Key, string Label, DocumentKind Kind)> KindKeys =
    [
        ("facture", "Factures (FAC)", DocumentKind.Invoice),
        ("acompte", "Factures d'acompte (ACP)", DocumentKind.DepositInvoice),
        ("avoir", "Avoirs (AV)", DocumentKind.CreditNote),
    ];

    public static DocumentKind? KindOf(string? key) =>
        KindKeys.Where(k => k.Key == key).Select(k => (DocumentKind?)k.Kind).FirstOrDefault();

    public static readonly IReadOnlyList<(string Key, InvoiceState State)> StateKeys =
    [
        ("a-payer", InvoiceState.ToPay),
        ("echue", InvoiceState.Overdue),
        ("reglee", InvoiceState.Settled),
        ("annulee", InvoiceState.CancelledByCreditNote),
    ];

    public static InvoiceState? StateOf(string? key) =>
        StateKeys.Where(k => k.Key == key).Select(k => (InvoiceState?)k.State).FirstOrDefault();

    public static string State(InvoiceState state) => state switch
    {
        InvoiceState.ToPay => "À payer",
        InvoiceState.Overdue => "Échue",
        InvoiceState.Settled => "Réglée",
        InvoiceState.CancelledByCreditNote => "Annulée par avoir",
        _ => "Avoir",
    };

    /// <summary>A badge class of site.css for the state.</summary>
    public static string StateClass(InvoiceState state) => state switch
    {
        InvoiceState.ToPay => "status status-issued",
        InvoiceState.Overdue => "status status-new",
        InvoiceState.Settled => "status status-completed",
        _ => "status status-cancelled",
    };

    /// <summary>
    /// The state of a document: a credit note is one; an invoice with a credit note against it is cancelled (a credit
    /// note takes all that remained due); otherwise settled, or to pay until its due date and overdue from the next day.
    /// </summary>
    public static InvoiceState StateOf(bool isCreditNote, Money ttc, Money paid, Money credited, DateOnly dueOn, DateOnly today)
    {
        if (isCreditNote) return InvoiceState.CreditNote;
        if (credited.IsPositive) return InvoiceState.CancelledByCreditNote;
        if (ttc - paid - credited <= Money.Zero) return InvoiceState.Settled;
        return CgvReadings.IsLate(dueOn, today) ? InvoiceState.Overdue : InvoiceState.ToPay;
    }
}
