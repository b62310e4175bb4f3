using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

public class WithdrawalTests
{
    [Theory]
    [InlineData("2026-04-01", "2026-04-01", "2026-04-15", "2026-04-16")] // worked example 4
    [InlineData("2026-04-01", "2026-04-05", "2026-04-15", "2026-04-16")] // order + 14 still later
    [InlineData("2026-04-01", "2026-04-06", "2026-04-16", "2026-04-17")] // signature + 10 later
    [InlineData("2026-04-01", "2026-04-10", "2026-04-20", "2026-04-21")]
    [InlineData("2028-02-20", "2028-02-20", "2028-03-05", "2028-03-06")] // across 29 February
    public void P7_LW1_website_individual_deposit_due_from_max_of_order_plus_14_and_signature_plus_10_plus_one(
        string ordered, string signedOn, string lastDay, string paymentsFrom)
    {
        var decision = WithdrawalPeriod.For(PayerKind.PrivateIndividual, SalesChannel.Website, D(ordered), D(signedOn));

        Assert.True(decision.HasWithdrawalRight);
        Assert.Equal(D(lastDay), decision.LastWithdrawalDay);
        Assert.Equal(D(paymentsFrom), decision.PaymentsMayBeAskedFrom);
        Assert.False(decision.MayAskPaymentOn(D(lastDay)));
        Assert.True(decision.MayAskPaymentOn(D(paymentsFrom)));
        Assert.Equal(["P7", "LW1"], decision.RuleIds);
    }

    [Theory]
    [InlineData("2026-04-14", true)]
    [InlineData("2026-04-15", true)]
    [InlineData("2026-04-16", false)]
    public void P7_a_withdrawal_within_14_days_of_a_website_order_costs_nothing(string received, bool inTime)
    {
        var decision = WithdrawalPeriod.For(PayerKind.PrivateIndividual, SalesChannel.Website, D("2026-04-01"), D("2026-04-01"));
        Assert.Equal(inTime, decision.IsWithdrawalInTime(D(received)));
    }

    [Fact]
    public void LW1_an_individual_ordering_through_staff_has_10_days_after_signing_the_training_contract()
    {
        var decision = WithdrawalPeriod.For(PayerKind.PrivateIndividual, SalesChannel.Staff, D("2026-04-01"), D("2026-04-03"));

        Assert.Equal(D("2026-04-13"), decision.LastWithdrawalDay);
        Assert.Equal(D("2026-04-14"), decision.PaymentsMayBeAskedFrom);
        Assert.Equal(["LW1"], decision.RuleIds);
        Assert.Equal(Percentage.Of(30m), decision.FirstPaymentCap);
    }

    [Fact]
    public void LW1_no_payment_can_be_asked_before_the_training_contract_is_signed()
    {
        var decision = WithdrawalPeriod.For(PayerKind.PrivateIndividual, SalesChannel.Website, D("2026-04-01"), null);

        Assert.Null(decision.PaymentsMayBeAskedFrom);
        Assert.False(decision.MayAskPaymentOn(D("2026-12-31")));

        var order = AnOrder().Like(p => p.PrivateIndividual().OnWebsite()).OrderedOn("2026-01-10").Build();
        var ex = Assert.Throws<DomainException>(() => order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-02-01")));
        Assert.Equal("LW1", ex.RuleId);
    }

    [Fact]
    public void LW1_the_deposit_invoice_of_an_individual_is_refused_before_the_period_is_over()
    {
        var order = AnOrder().Like(p => p.PrivateIndividual().OnWebsite()).OrderedOn("2026-01-10").SignedWithoutDeposit();

        Assert.Throws<DomainException>(() => order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-24")));
        var invoice = order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-25"));

        Assert.Equal(E(1285.20m), invoice.Ttc);
    }

    [Theory]
    [InlineData(PayerKind.PrivateIndividual, "40", "30", "1285.20")]
    [InlineData(PayerKind.PrivateIndividual, "30", "30", "1285.20")]
    [InlineData(PayerKind.PrivateIndividual, "20", "20", "856.80")]
    [InlineData(PayerKind.Company, "40", "40", "1713.60")]
    public void LW1_the_first_payment_of_an_individual_is_capped_at_30_percent_whatever_the_setting(PayerKind payer, string setting, string applied, string amount)
    {
        var decision = DepositPolicy.For(E(4284m), Percentage.Of(ValueTests.P(setting)), payer);
        Assert.Equal(Percentage.Of(ValueTests.P(applied)), decision.AppliedRate);
        Assert.Equal(E(ValueTests.P(amount)), decision.Amount);
        Assert.Equal(payer == PayerKind.PrivateIndividual && setting == "40", decision.RuleIds.Contains("LW1"));
    }

    [Fact]
    public void P7_a_company_has_no_withdrawal_period_and_may_be_asked_the_deposit_at_once()
    {
        var decision = WithdrawalPeriod.For(PayerKind.Company, SalesChannel.Website, D("2026-04-01"), null);
        Assert.False(decision.HasWithdrawalRight);
        Assert.True(decision.MayAskPaymentOn(D("2026-04-01")));
        Assert.Throws<DomainException>(() => AnOrder().Confirmed().Withdraw(Letter("2026-01-11")));
    }

    [Fact]
    public void P7_a_website_individual_withdrawing_in_time_pays_nothing_and_the_order_is_withdrawn()
    {
        var order = AnOrder().Like(p => p.PrivateIndividual().OnWebsite().IssuedOn("2026-04-01").Session("2026-05-11", "2026-05-12"))
            .OrderedOn("2026-04-01").SignedWithoutDeposit();

        var decision = order.Withdraw(Letter("2026-04-15"));

        Assert.Equal(OrderStatus.Withdrawn, order.Status);
        Assert.Equal(CancellationOutcome.FreeWithdrawal, decision.Outcome);
        Assert.Equal(Money.Zero, decision.Settlement!.DueNow);
        Assert.Equal(Money.Zero, decision.Settlement.TotalOwed);
    }

    [Fact]
    public void LW1_an_individual_withdrawing_before_signing_the_training_contract_pays_nothing()
    {
        var order = AnOrder().Like(p => p.PrivateIndividual().OnWebsite()).OrderedOn("2026-01-10").Build();

        var decision = order.Withdraw(Letter("2026-03-01"));

        Assert.Equal(OrderStatus.Withdrawn, order.Status);
        Assert.Equal(DecisionKind.Withdrawal, order.Decisions.Single().Kind);
        Assert.Equal(Money.Zero, decision.Settlement!.TotalOwed);
    }

    [Fact]
    public void P7_a_withdrawal_after_the_period_is_refused_and_is_a_cancellation()
    {
        var order = AnOrder().Like(p => p.PrivateIndividual().OnWebsite()).OrderedOn("2026-01-10").Confirmed();

        var ex = Assert.Throws<DomainException>(() => order.Withdraw(Letter("2026-01-25")));

        Assert.Equal("P7", ex.RuleId);
        Assert.Contains("24/01/2026", ex.Message, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Confirmed, order.Status);
    }
}
