using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

public class OpcoTests
{
    private static OpcoFunding Funding(string recordedOn, decimal amount = 2000m, string file = "accord.pdf") =>
        new("AKTO", "AK-2026-42", E(amount), file, D(recordedOn), true);

    [Theory]
    [InlineData("2026-03-14", true)]
    [InlineData("2026-03-15", true)]  // the day before the start
    [InlineData("2026-03-16", false)] // the start day
    [InlineData("2026-03-17", false)]
    public void O1_opco_funding_is_recorded_before_the_start_only(string recordedOn, bool accepted)
    {
        var order = AnOrder().Confirmed();

        if (accepted)
        {
            order.RecordOpcoFunding(Funding(recordedOn));
            Assert.True(order.HasSubrogation);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => order.RecordOpcoFunding(Funding(recordedOn)));
            Assert.Equal("O1", ex.RuleId);
            Assert.Contains("avant le début", ex.Message, StringComparison.Ordinal);
            Assert.Null(order.Opco);
        }
    }

    [Fact]
    public void O1_opco_funding_states_the_opco_the_agreement_and_its_copy()
    {
        var order = AnOrder().Confirmed();
        Assert.Equal("O1", Assert.Throws<DomainException>(() => order.RecordOpcoFunding(Funding("2026-02-01", file: ""))).RuleId);
    }

    [Theory]
    [InlineData("2000.00", "2284.00")]
    [InlineData("4284.00", "0.00")]
    [InlineData("0.01", "4283.99")]
    public void O2_with_subrogation_the_opco_is_billed_its_part_and_the_client_the_rest(string opco, string client)
    {
        var split = OpcoDeadlinePolicy.Split(E(4284m), E(ValueTests.P(opco)));
        Assert.Equal(E(ValueTests.P(client)), split.ClientPart);
        Assert.Equal(split.PriceTtc, split.OpcoPart + split.ClientPart);
    }

    [Fact]
    public void O2_an_opco_part_above_the_price_is_refused()
    {
        Assert.Equal("O2", Assert.Throws<DomainException>(() => OpcoDeadlinePolicy.Split(E(4284m), E(4284.01m))).RuleId);
    }

    [Fact]
    public void O2_the_order_bills_the_opco_its_part_and_the_client_the_rest_minus_the_deposit()
    {
        var order = AnOrder().WithOpco(2000m).Completed();

        var client = order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), order.EndsOn);
        var opco = order.IssueOpcoInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), order.EndsOn);

        Assert.Equal(E(2284m - 1285.20m), client.Ttc);
        Assert.Equal(E(2000m), opco.Ttc);
        Assert.Equal(InvoicePayer.Opco, opco.Payer);
        Assert.Equal(order.PriceTtc, client.Ttc + opco.Ttc + order.Invoices[0].Ttc);
    }

    [Fact]
    public void O2_without_opco_there_is_no_opco_invoice()
    {
        var order = AnOrder().Completed();
        Assert.Equal("O2", Assert.Throws<DomainException>(() => order.IssueOpcoInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), order.EndsOn)).RuleId);
    }

    [Theory]
    [InlineData("2026-03-17", "2026-04-17")]
    [InlineData("2026-01-31", "2026-02-28")] // month end
    [InlineData("2028-01-31", "2028-02-29")] // leap year
    [InlineData("2026-03-31", "2026-04-30")]
    [InlineData("2026-12-31", "2027-01-31")]
    public void O3_the_opco_deadline_is_one_calendar_month_after_the_end(string end, string deadline)
    {
        var decision = OpcoDeadlinePolicy.Check(D(end), D(end), E(4284m), E(2000m), Money.Zero, E(1285.20m));
        Assert.Equal(D(deadline), decision.Deadline);
        Assert.Equal(D(deadline).AddDays(1), decision.ClientBilledFrom);
    }

    [Theory]
    [InlineData("2026-04-17", OpcoClaimState.Awaiting, "0.00")]
    [InlineData("2026-04-18", OpcoClaimState.Overdue, "2000.00")]
    public void O3_from_the_day_after_the_deadline_the_client_is_billed_the_whole_price_minus_what_it_paid(string today, OpcoClaimState state, string toBill)
    {
        var decision = OpcoDeadlinePolicy.Check(D("2026-03-17"), D(today), E(4284m), E(2000m), Money.Zero, E(2284m));
        Assert.Equal(state, decision.State);
        Assert.Equal(E(ValueTests.P(toBill)), decision.AmountToBillClient);
        Assert.Equal(E(ValueTests.P(toBill)), decision.ClientRemainingDue); // the client paid its own part already
    }

    [Fact]
    public void O3_an_opco_that_paid_in_time_changes_nothing_and_a_partial_payment_is_deducted()
    {
        Assert.Equal(OpcoClaimState.Paid, OpcoDeadlinePolicy.Check(D("2026-03-17"), D("2026-05-01"), E(4284m), E(2000m), E(2000m), E(2284m)).State);
        var partial = OpcoDeadlinePolicy.Check(D("2026-03-17"), D("2026-05-01"), E(4284m), E(2000m), E(500m), E(2284m));
        Assert.Equal(E(1500m), partial.AmountToBillClient);
        Assert.Equal(E(1500m), partial.ClientRemainingDue);
    }

    [Fact]
    public void O3_closing_an_unpaid_opco_claim_credits_the_opco_invoice_and_bills_the_client()
    {
        var order = AnOrder().WithOpco(2000m).Completed();
        var final = order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), order.EndsOn);
        order.RecordPayment(final.Id, Guid.NewGuid(), final.Ttc, order.EndsOn, "solde client");
        var opco = order.IssueOpcoInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), order.EndsOn);
        order.RecordPayment(opco.Id, Guid.NewGuid(), E(400m), D("2026-04-17"), "OPCO partiel");
        Assert.Equal("O3", Assert.Throws<DomainException>(() =>
            order.CloseOpcoClaimAsUnpaid(D("2026-04-17"), Guid.NewGuid(), Number(DocumentKind.CreditNote), Guid.NewGuid(), Number(DocumentKind.Invoice))).RuleId);

        var decision = order.CloseOpcoClaimAsUnpaid(D("2026-04-18"), Guid.NewGuid(), Number(DocumentKind.CreditNote), Guid.NewGuid(), Number(DocumentKind.Invoice));

        Assert.Equal(E(1600m), decision.AmountToBillClient);
        Assert.Equal(Money.Zero, opco.AmountDue);
        Assert.Equal(E(1600m), order.ClientAmountDue);
        Assert.False(order.HasSubrogation);
        Assert.Equal(order.PriceTtc, order.ClientPaid + order.OpcoPaid + order.ClientAmountDue);
    }
}
