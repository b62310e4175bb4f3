using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Web.Features.Billing;

/// <summary>One line of a journal entry, as the accountant's import reads it.</summary>
public sealed record AccountingLine(DateOnly Date, string Journal, string Account, string Label, Money Debit, Money Credit, string Piece);

/// <summary>
/// The double-entry lines of the sales journal (VT) and the bank journal (BQ), for the accountant (docs/operations.md).
/// Each document and each payment is one balanced entry: its debits equal its credits.
/// <list type="bullet">
/// <item>An invoice (final, OPCO, OPCO shortfall, indemnity) and a deposit invoice: debit 411 (customers) TTC, credit 706
/// (services) HT and 44571 (VAT collected) VAT. A deposit invoice is booked like any invoice, not on 4191: the final
/// invoice bills only the balance (M5: TTC − payments received), so the deposit invoice is the revenue of its part.</item>
/// <item>A credit note reverses the invoice it corrects: debit 706 HT and 44571 VAT, credit 411 TTC.</item>
/// <item>A payment received: debit 512 (bank), credit 411. A refund to a client: debit 411, credit 512.</item>
/// </list>
/// Zero-amount lines are left out (a 0 € final invoice books nothing).
/// </summary>
public static class AccountingEntries
{
    public const string SalesJournal = "VT";
    public const string BankJournal = "BQ";
    public const string Customers = "411";
    public const string Services = "706";
    public const string VatCollected = "44571";
    public const string Bank = "512";

    public static IReadOnlyList<AccountingLine> For(IEnumerable<InvoiceRow> documents, IEnumerable<PaymentRow> payments)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(payments);
        var entries = documents.Select(d => (Day: d.IssuedOn, Order: 0, Lines: ForDocument(d)))
            .Concat(payments.Select(p => (Day: p.ReceivedOn, Order: 1, Lines: ForPayment(p))))
            .OrderBy(e => e.Day).ThenBy(e => e.Order);
        return [.. entries.SelectMany(e => e.Lines)];
    }

    /// <summary>The sales journal entry of an invoice, a deposit invoice or a credit note.</summary>
    public static IReadOnlyList<AccountingLine> ForDocument(InvoiceRow d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var label = d.IsCreditNote
            ? $"{BillingText.Kind(d.Kind, d.Payer)} {d.Number} sur {d.CorrectedNumber} {d.AddressedTo}"
            : $"{BillingText.Kind(d.Kind, d.Payer)} {d.Number} {d.AddressedTo}";
        var piece = d.Number.ToString();
        AccountingLine Line(string account, Money debit, Money credit) => new(d.IssuedOn, SalesJournal, account, label, debit, credit, piece);
        var lines = d.IsCreditNote
            ? new[] { Line(Services, d.Ht, Money.Zero), Line(VatCollected, d.Vat, Money.Zero), Line(Customers, Money.Zero, d.Ttc) }
            : new[] { Line(Customers, d.Ttc, Money.Zero), Line(Services, Money.Zero, d.Ht), Line(VatCollected, Money.Zero, d.Vat) };
        return [.. lines.Where(l => !(l.Debit.IsZero && l.Credit.IsZero))];
    }

    /// <summary>The bank journal entry of a payment received, or of a refund paid (a negative amount).</summary>
    public static IReadOnlyList<AccountingLine> ForPayment(PaymentRow p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Amount.IsZero) return [];
        var payer = p.Payer == InvoicePayer.Opco && p.OpcoName is not null ? $"{p.OpcoName} (pour {p.ClientName})" : p.ClientName;
        if (p.IsRefund)
        {
            var refund = -p.Amount;
            var refundLabel = $"Remboursement {p.ClientName} commande {p.ProposalNumber}" + (p.Reference.Length > 0 ? $" réf. {p.Reference}" : "");
            return
            [
                new(p.ReceivedOn, BankJournal, Customers, refundLabel, refund, Money.Zero, p.ProposalNumber),
                new(p.ReceivedOn, BankJournal, Bank, refundLabel, Money.Zero, refund, p.ProposalNumber),
            ];
        }

        var label = $"Règlement {p.InvoiceNumber} {payer} {Payment.MethodText(p.Method!.Value)} réf. {p.Reference}";
        return
        [
            new(p.ReceivedOn, BankJournal, Bank, label, p.Amount, Money.Zero, p.InvoiceNumber!),
            new(p.ReceivedOn, BankJournal, Customers, label, Money.Zero, p.Amount, p.InvoiceNumber!),
        ];
    }
}
