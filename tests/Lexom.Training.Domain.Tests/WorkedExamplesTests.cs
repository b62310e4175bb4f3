using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

/// <summary>The five worked examples at the end of the CGV spec, to the cent.</summary>
public class WorkedExamplesTests
{
    [Fact]
    public void M3_M4_M5_example_1_three_participants_at_1190_give_4284_ttc_a_1285_20_deposit_and_a_2998_80_balance()
    {
        var order = AnOrder().Like(p => p.For(3).At(1190m)).Completed();

        Assert.Equal(E(3570.00m), order.PriceHt);
        Assert.Equal(E(714.00m), order.PriceVat);
        Assert.Equal(E(4284.00m), order.PriceTtc);
        Assert.Equal(E(1285.20m), order.DepositAmount);
        Assert.Equal(E(2998.80m), order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), order.EndsOn).Ttc);
    }

    [Fact]
    public void X2_X3_example_2_cancellation_on_day_15_keeps_the_deposit_and_on_day_14_makes_2998_80_due()
    {
        var early = AnOrder().Confirmed();
        var late = AnOrder().Confirmed();

        var x2 = early.Cancel(CancellationReason.ClientRenounces, Letter("2026-03-01"));
        var x3 = late.Cancel(CancellationReason.ClientRenounces, Letter("2026-03-02"));

        Assert.Equal((CancellationOutcome.DepositKept, 15), (x2.Outcome, x2.DaysBeforeStart));
        Assert.Equal(E(1285.20m), x2.Settlement!.Kept);
        Assert.Equal(Money.Zero, x2.Settlement.DueNow);
        Assert.Equal((CancellationOutcome.WholePriceDue, 14), (x3.Outcome, x3.DaysBeforeStart));
        Assert.Equal(E(4284.00m), x3.Settlement!.TotalOwed);
        Assert.Equal(E(1285.20m), x3.Settlement.AlreadyPaid);
        Assert.Equal(E(2998.80m), x3.Settlement.DueNow);
    }

    [Fact]
    public void R1_R2_example_3_order_10_january_postponed_to_10_july_is_R1_and_to_11_july_is_R2()
    {
        var r1 = AnOrder().OrderedOn("2026-01-10").Confirmed().PreviewPostponement(PostponementReason.ClientRequest, Letter("2026-02-20"), D("2026-07-10"));
        var r2 = AnOrder().OrderedOn("2026-01-10").Confirmed().PreviewPostponement(PostponementReason.ClientRequest, Letter("2026-02-20"), D("2026-07-11"));

        Assert.Equal(PostponementOutcome.Allowed, r1.Outcome);
        Assert.Equal(["R1"], r1.RuleIds);
        Assert.Equal(PostponementOutcome.WholePriceDue, r2.Outcome);
        Assert.Equal(["R2"], r2.RuleIds);
        Assert.Equal(E(2998.80m), r2.Settlement!.DueNow);
    }

    [Fact]
    public void P7_LW1_example_4_website_individual_ordering_1_april_owes_nothing_up_to_15_april_and_the_deposit_from_16_april()
    {
        var decision = WithdrawalPeriod.For(PayerKind.PrivateIndividual, SalesChannel.Website, D("2026-04-01"), D("2026-04-01"));

        Assert.False(decision.MayAskPaymentOn(D("2026-04-15")));
        Assert.True(decision.MayAskPaymentOn(D("2026-04-16")));
        Assert.True(decision.IsWithdrawalInTime(D("2026-04-15")));

        var cancellation = CancellationPolicy.Decide(new CancellationCase(
            CancellationReason.ClientRenounces, Letter("2026-04-15"), D("2026-04-20"), TrainingKind.Inter, E(4284m), E(1285.20m),
            Money.Zero, false, true, Money.Zero, decision.LastWithdrawalDay));
        Assert.Equal(CancellationOutcome.FreeWithdrawal, cancellation.Outcome);
        Assert.Equal(Money.Zero, cancellation.Settlement!.TotalOwed);
    }

    [Fact]
    public void L1_L2_L3_example_5_invoice_2998_80_paid_30_days_late_costs_29_95_interest_and_40_indemnity()
    {
        var decision = LatePaymentPolicy.Decide(E(2998.80m), D("2026-05-29"), [new PaymentOn(D("2026-06-28"), E(2998.80m))], D("2026-06-28"), PayerKind.Company, Rates());

        Assert.Equal(30, decision.DaysLate);
        Assert.Equal(Percentage.Of(12.15m), decision.Segments.Single().Rate);
        Assert.Equal(E(29.95m), decision.Interest);
        Assert.Equal(E(40.00m), decision.RecoveryIndemnity);
        Assert.Equal(E(69.95m), decision.Total);
        Assert.Equal(["L1", "L2", "L3"], decision.RuleIds);
    }
}
