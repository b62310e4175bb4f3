using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

/// <summary>L1–L3 billed: the penalty invoice of a late client invoice (<see cref="CgvReadings.LatePenaltyBillsWhatIsNotBilledYet"/>).</summary>
public class LatePenaltyTests
{
    /// <summary>Worked example 1 completed, its final invoice of 2 998,80 € issued (and due) on 29 May 2026.</summary>
    private static (Order Order, Invoice Final) LateFinal(Action<ProposalBuilder>? configure = null)
    {
        var order = (configure is null ? AnOrder() : AnOrder().Like(configure)).Completed();
        var final = order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-05-29"));
        return (order, final);
    }

    [Fact]
    public void L1_L2_L3_example_5_paid_30_days_late_a_company_is_billed_29_95_of_interest_and_40_euros_once_without_vat()
    {
        var (order, final) = LateFinal();
        Assert.Equal(E(2998.80m), final.Ttc);
        order.RecordPayment(final.Id, Guid.NewGuid(), final.Ttc, D("2026-06-28"), "VIR tardif");

        var penalty = order.IssueLatePenaltyInvoice(final.Id, Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-07-01"), Rates());

        Assert.Equal(InvoiceKind.LatePenalty, penalty.Kind);
        Assert.Equal(DocumentKind.Invoice, penalty.Number.Kind);
        Assert.Equal(InvoicePayer.Client, penalty.Payer);
        Assert.Equal(final.Id, penalty.PenaltyForInvoiceId);
        Assert.Equal(E(69.95m), penalty.Ttc);
        Assert.Equal(E(69.95m), penalty.Ht);
        Assert.Equal(Money.Zero, penalty.Vat);
        Assert.Equal(D("2026-07-01"), penalty.DueOn);
        Assert.Contains("intérêts du 30/05/2026 au 28/06/2026, 30 jours au taux de 12,15", penalty.Label, StringComparison.Ordinal);
        Assert.Contains("29,95", penalty.Label, StringComparison.Ordinal);
        Assert.Contains("indemnité forfaitaire de recouvrement : 40,00", penalty.Label, StringComparison.Ordinal);
        Assert.Equal(E(69.95m), order.LatePenaltiesBilled(final.Id));

        // Billed once: a second click, or a later day (the invoice is paid, interest stopped), bills nothing more.
        var count = order.Invoices.Count;
        foreach (var day in new[] { "2026-07-01", "2026-09-30" })
        {
            var ex = Assert.Throws<DomainException>(() => order.IssueLatePenaltyInvoice(final.Id, Guid.NewGuid(), Number(DocumentKind.Invoice), D(day), Rates()));
            Assert.Equal("L1", ex.RuleId);
            Assert.Contains("déjà facturées", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(count, order.Invoices.Count);
    }

    [Fact]
    public void L1_L2_on_an_invoice_still_unpaid_interest_is_billed_to_date_and_a_later_penalty_bills_only_what_ran_since_across_30_june()
    {
        var (order, final) = LateFinal();

        var first = order.IssueLatePenaltyInvoice(final.Id, Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-06-28"), Rates());
        Assert.Equal(E(29.95m + 40m), first.Ttc);

        // 10 July: 32 days at 12,15 % (31,94) + 10 days at 13,50 % (11,09) + 40 = 83,03, minus the 69,95 billed.
        Assert.Equal(E(13.08m), order.LatePenaltyToBill(final.Id, D("2026-07-10"), Rates()));
        var second = order.IssueLatePenaltyInvoice(final.Id, Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-07-10"), Rates());
        Assert.Equal(E(13.08m), second.Ttc);
        Assert.Contains("12,15\u00a0% puis 13,5\u00a0%", second.Label, StringComparison.Ordinal);
        Assert.Contains("déjà facturé : 69,95", second.Label, StringComparison.Ordinal);
        Assert.Equal(E(83.03m), order.LatePenaltiesBilled(final.Id));
    }

    [Fact]
    public void L3_a_private_individual_is_billed_the_interest_only()
    {
        var (order, final) = LateFinal(p => p.PrivateIndividual());
        var decision = order.LatePayment(final.Id, D("2026-06-28"), Rates());
        Assert.Equal(30, decision.DaysLate);
        Assert.Equal(Money.Zero, decision.RecoveryIndemnity);

        var penalty = order.IssueLatePenaltyInvoice(final.Id, Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-06-28"), Rates());

        Assert.Equal(decision.Interest, penalty.Ttc);
        Assert.DoesNotContain("indemnité forfaitaire", penalty.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void L1_no_penalty_on_an_invoice_not_late_yet_nor_on_a_penalty_invoice_which_bears_no_interest_itself()
    {
        var (order, final) = LateFinal();

        var onTime = Assert.Throws<DomainException>(() => order.IssueLatePenaltyInvoice(final.Id, Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-05-29"), Rates()));
        Assert.Equal("L1", onTime.RuleId);
        Assert.Contains("n'est pas en retard", onTime.Message, StringComparison.Ordinal);

        var penalty = order.IssueLatePenaltyInvoice(final.Id, Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-06-28"), Rates());
        Assert.Equal("L1", Assert.Throws<DomainException>(() => order.IssueLatePenaltyInvoice(penalty.Id, Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-08-28"), Rates())).RuleId);
        Assert.Equal("L1", Assert.Throws<DomainException>(() => order.LatePayment(penalty.Id, D("2026-08-28"), Rates())).RuleId);
        Assert.Equal(Money.Zero, order.LatePenaltyToBill(penalty.Id, D("2026-08-28"), Rates()));
        Assert.Equal(2, order.Invoices.Count(i => i.Kind != InvoiceKind.Deposit));

        // L4: an unpaid penalty invoice is an invoice due and unpaid like any other.
        Assert.Contains(order.OpenInvoices(), i => i.Number == penalty.Number.ToString());
    }

    [Fact]
    public void L1_M5_what_the_client_pays_on_a_penalty_invoice_is_not_a_payment_towards_the_price()
    {
        var order = AnOrder().SignedWithoutDeposit();
        var deposit = order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-10"));
        var penalty = order.IssueLatePenaltyInvoice(deposit.Id, Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-02-09"), Rates());
        Assert.Equal(E(40m + 12.83m), penalty.Ttc); // round(1 285,20 × 12,15 % × 30 / 365) = 12,83

        order.RecordPayment(penalty.Id, Guid.NewGuid(), penalty.Ttc, D("2026-02-10"), "VIR penalites");

        Assert.Equal(Money.Zero, order.ClientPaid);
        Assert.False(order.DepositReceived);
        Assert.Equal(OrderStatus.PendingSignatureAndDeposit, order.Status);
        Assert.Equal(deposit.Ttc, order.ClientAmountDue);
    }

    [Fact]
    public void L1_LW4_penalties_stay_due_after_a_cancellation_and_are_not_among_the_invoices_to_cancel()
    {
        var order = AnOrder().SignedWithoutDeposit();
        var deposit = order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-10"));
        var penalty = order.IssueLatePenaltyInvoice(deposit.Id, Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-02-09"), Rates());

        order.Cancel(CancellationReason.ClientRenounces, Letter("2026-02-20"));

        Assert.Contains(order.InvoicesToCancel(), i => i.Id == deposit.Id);
        Assert.DoesNotContain(order.InvoicesToCancel(), i => i.Id == penalty.Id);
    }
}
