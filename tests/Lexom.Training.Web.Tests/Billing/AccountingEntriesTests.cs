using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Features.Billing;

namespace Lexom.Training.Web.Tests.Billing;

/// <summary>The journal entries of each kind of document and money movement, without a database: each one balances.</summary>
public sealed class AccountingEntriesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static InvoiceRow Document(string number, InvoiceKind kind, decimal ht, decimal vat, InvoicePayer payer = InvoicePayer.Client, string? corrected = null) =>
        new(Guid.NewGuid(), DocumentNumber.Parse(number), kind, payer, Today, Today, Money.Euros(ht), Money.Euros(vat), Money.Euros(ht + vat),
            Money.Zero, Money.Zero, Guid.NewGuid(), "DEV-2026-000001", "Coteaux SCA", payer == InvoicePayer.Opco ? "OPCO Atlas" : null, corrected, Today);

    private static void Balanced(IReadOnlyList<AccountingLine> lines) =>
        Assert.Equal(lines.Sum(l => l.Debit.Amount), lines.Sum(l => l.Credit.Amount));

    [Theory]
    [InlineData("ACP-2026-000001", InvoiceKind.Deposit, 1071.00, 214.20)]
    [InlineData("FAC-2026-000001", InvoiceKind.Final, 2499.00, 499.80)]
    [InlineData("FAC-2026-000002", InvoiceKind.Indemnity, 3570.00, 714.00)]
    [InlineData("FAC-2026-000003", InvoiceKind.OpcoShortfall, 833.38, 166.67)]
    public void M5_LW4_an_invoice_debits_411_for_its_TTC_and_credits_706_for_its_HT_and_44571_for_its_VAT(string number, InvoiceKind kind, double ht, double vat)
    {
        var lines = AccountingEntries.ForDocument(Document(number, kind, (decimal)ht, (decimal)vat));
        Assert.Equal(
            [("411", (decimal)ht + (decimal)vat, 0m), ("706", 0m, (decimal)ht), ("44571", 0m, (decimal)vat)],
            lines.Select(l => (l.Account, l.Debit.Amount, l.Credit.Amount)));
        Assert.All(lines, l => Assert.Equal(("VT", number, Today), (l.Journal, l.Piece, l.Date)));
        Balanced(lines);
    }

    [Fact]
    public void O2_the_opcos_invoice_names_the_opco_and_the_client_it_pays_for()
    {
        var lines = AccountingEntries.ForDocument(Document("FAC-2026-000004", InvoiceKind.Opco, 833.38m, 166.67m, InvoicePayer.Opco));
        Assert.All(lines, l => Assert.Equal("Facture OPCO FAC-2026-000004 OPCO Atlas (pour Coteaux SCA)", l.Label));
        Balanced(lines);
    }

    [Fact]
    public void LW4_a_credit_note_reverses_the_invoice_it_corrects()
    {
        var lines = AccountingEntries.ForDocument(Document("AV-2026-000001", InvoiceKind.CreditNote, 1666.67m, 333.33m, corrected: "FAC-2026-000001"));
        Assert.Equal([("706", 1666.67m, 0m), ("44571", 333.33m, 0m), ("411", 0m, 2000.00m)], lines.Select(l => (l.Account, l.Debit.Amount, l.Credit.Amount)));
        Assert.All(lines, l => Assert.Equal("Avoir AV-2026-000001 sur FAC-2026-000001 Coteaux SCA", l.Label));
        Balanced(lines);
    }

    [Fact]
    public void A_document_without_VAT_books_no_VAT_line_and_a_zero_document_books_nothing()
    {
        Assert.Equal(["411", "706"], AccountingEntries.ForDocument(Document("FAC-2026-000005", InvoiceKind.Indemnity, 500m, 0m)).Select(l => l.Account));
        Assert.Empty(AccountingEntries.ForDocument(Document("FAC-2026-000006", InvoiceKind.Final, 0m, 0m)));
    }

    [Fact]
    public void A_payment_debits_the_bank_512_and_credits_411_a_refund_the_reverse()
    {
        var payment = AccountingEntries.ForPayment(new PaymentRow(Today, Money.Euros(998.80m), PaymentMethod.Cheque, "CHQ 1", "FAC-2026-000001",
            InvoiceKind.Final, InvoicePayer.Client, "Coteaux SCA", null, "DEV-2026-000001"));
        Assert.Equal([("BQ", "512", 998.80m, 0m), ("BQ", "411", 0m, 998.80m)], payment.Select(l => (l.Journal, l.Account, l.Debit.Amount, l.Credit.Amount)));
        Assert.All(payment, l => Assert.Equal(("Règlement FAC-2026-000001 Coteaux SCA chèque réf. CHQ 1", "FAC-2026-000001"), (l.Label, l.Piece)));

        var refund = AccountingEntries.ForPayment(new PaymentRow(Today, Money.Euros(-1285.20m), null, "VIR REMB 1", null, null, null, "Coteaux SCA", null, "DEV-2026-000001"));
        Assert.Equal([("411", 1285.20m, 0m), ("512", 0m, 1285.20m)], refund.Select(l => (l.Account, l.Debit.Amount, l.Credit.Amount)));
        Assert.All(refund, l => Assert.Equal("DEV-2026-000001", l.Piece));
        Balanced(payment);
        Balanced(refund);
    }

    [Fact]
    public void Entries_come_day_by_day_the_sales_journal_before_the_bank_journal()
    {
        var later = Document("FAC-2026-000002", InvoiceKind.Final, 100m, 20m) with { IssuedOn = Today.AddDays(1) };
        var lines = AccountingEntries.For([later, Document("FAC-2026-000001", InvoiceKind.Final, 100m, 20m)],
            [new PaymentRow(Today, Money.Euros(120m), PaymentMethod.Transfer, "VIR 1", "FAC-2026-000001", InvoiceKind.Final, InvoicePayer.Client, "Coteaux SCA", null, "DEV-2026-000001")]);
        Assert.Equal(["FAC-2026-000001/VT", "FAC-2026-000001/BQ", "FAC-2026-000002/VT"], lines.Select(l => $"{l.Piece}/{l.Journal}").Distinct());
    }
}
