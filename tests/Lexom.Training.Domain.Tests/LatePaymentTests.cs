using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

public class LatePaymentTests
{
    [Theory]
    [InlineData("2.15", "3.00", "12.15")] // ECB + 10 wins
    [InlineData("0.00", "4.00", "12.00")] // 3 × legal wins
    [InlineData("0.00", "3.3333", "10.00")]
    [InlineData("4.50", "8.01", "24.03")]
    public void L2_the_rate_is_the_higher_of_ecb_plus_10_points_and_3_times_the_legal_rate(string ecb, string legal, string expected)
    {
        var rates = new HalfYearRates(2026, 1, Percentage.Of(ValueTests.P(ecb)), Percentage.Of(ValueTests.P(legal)));
        Assert.Equal(ValueTests.P(expected), decimal.Round(rates.LateInterestRate.Points, 4));
    }

    [Theory]
    [InlineData("2026-05-29", 0, "0.00")]
    [InlineData("2026-05-30", 1, "1.00")]  // round(2998.80 × 0.1215 / 365) = round(0.998)
    [InlineData("2026-06-28", 30, "29.95")]
    [InlineData("2026-06-30", 32, "31.94")]
    public void L1_interest_runs_from_the_day_after_the_due_date_to_the_day_of_payment(string paidOn, int days, string interest)
    {
        var decision = LatePaymentPolicy.Decide(E(2998.80m), D("2026-05-29"), [new PaymentOn(D(paidOn), E(2998.80m))], D("2026-12-31"), PayerKind.PrivateIndividual, Rates());

        Assert.Equal(days, decision.DaysLate);
        Assert.Equal(E(ValueTests.P(interest)), decision.Interest);
        Assert.Equal(Money.Zero, decision.StillUnpaid);
    }

    [Fact]
    public void L1_interest_on_an_unpaid_invoice_runs_to_today_on_what_is_still_unpaid()
    {
        var decision = LatePaymentPolicy.Decide(E(1000m), D("2026-03-01"),
            [new PaymentOn(D("2026-03-01"), E(400m)), new PaymentOn(D("2026-03-11"), E(100m))], D("2026-03-31"), PayerKind.Company, Rates());

        Assert.Equal(2, decision.Segments.Count);
        Assert.Equal(E(600m), decision.Segments[0].Unpaid); // 02/03–11/03, 10 days
        Assert.Equal(10, decision.Segments[0].Days);
        Assert.Equal(E(500m), decision.Segments[1].Unpaid); // 12/03–31/03, 20 days
        Assert.Equal(20, decision.Segments[1].Days);
        Assert.Equal(E(2.00m + 3.33m), decision.Interest); // round(600×.1215×10/365)=2.00 ; round(500×.1215×20/365)=3.33
        Assert.Equal(E(500m), decision.StillUnpaid);
    }

    [Fact]
    public void L2_a_late_period_across_30_june_is_split_with_each_half_year_rate()
    {
        var decision = LatePaymentPolicy.Decide(E(2998.80m), D("2026-05-29"), [new PaymentOn(D("2026-07-10"), E(2998.80m))], D("2026-07-31"), PayerKind.Company, Rates());

        Assert.Equal(2, decision.Segments.Count);
        Assert.Equal((D("2026-05-30"), D("2026-06-30"), 32), (decision.Segments[0].From, decision.Segments[0].To, decision.Segments[0].Days));
        Assert.Equal(Percentage.Of(12.15m), decision.Segments[0].Rate);
        Assert.Equal((D("2026-07-01"), D("2026-07-10"), 10), (decision.Segments[1].From, decision.Segments[1].To, decision.Segments[1].Days));
        Assert.Equal(Percentage.Of(13.50m), decision.Segments[1].Rate); // max(12.40, 13.50)
        Assert.Equal(E(31.94m), decision.Segments[0].Interest);
        Assert.Equal(E(11.09m), decision.Segments[1].Interest); // round(2998.80 × 0.135 × 10 / 365) = round(11.0914)
        Assert.Equal(42, decision.DaysLate);
        Assert.Equal(E(43.03m), decision.Interest);
    }

    [Fact]
    public void L2_a_late_period_across_31_december_is_split_too()
    {
        var decision = LatePaymentPolicy.Decide(E(1000m), D("2026-12-20"), [new PaymentOn(D("2027-01-09"), E(1000m))], D("2027-01-31"), PayerKind.Company, Rates());
        Assert.Equal([11, 9], decision.Segments.Select(s => s.Days));
        Assert.Equal(Percentage.Of(13.50m), decision.Segments[0].Rate);
        Assert.Equal(Percentage.Of(12.40m), decision.Segments[1].Rate);
    }

    [Fact]
    public void L2_rates_are_data_and_a_missing_half_year_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            LatePaymentPolicy.Decide(E(1000m), D("2027-06-20"), [], D("2027-07-05"), PayerKind.Company, Rates()));
        Assert.Equal("L2", ex.RuleId);
        Assert.Contains("second semestre 2027", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => new LateInterestRateTable([
            new HalfYearRates(2026, 1, Percentage.Of(2m), Percentage.Of(3m)),
            new HalfYearRates(2026, 1, Percentage.Of(2m), Percentage.Of(3m)),
        ]));
    }

    [Theory]
    [InlineData(PayerKind.Company, "2026-06-28", "40.00")]
    [InlineData(PayerKind.PrivateIndividual, "2026-06-28", "0.00")]
    [InlineData(PayerKind.Company, "2026-05-29", "0.00")] // paid on time
    public void L3_a_company_owes_a_40_euro_recovery_indemnity_per_late_invoice_an_individual_does_not(PayerKind payer, string paidOn, string indemnity)
    {
        var decision = LatePaymentPolicy.Decide(E(2998.80m), D("2026-05-29"), [new PaymentOn(D(paidOn), E(2998.80m))], D("2026-07-01"), payer, Rates());
        Assert.Equal(E(ValueTests.P(indemnity)), decision.RecoveryIndemnity);
        Assert.Equal(indemnity != "0.00", decision.RuleIds.Contains("L3"));
    }

    [Fact]
    public void L1_late_interest_of_an_order_invoice_uses_the_client_kind_and_an_opco_invoice_counts_as_a_company()
    {
        var order = AnOrder().Like(p => p.PrivateIndividual()).WithOpco(2000m).Completed();
        var final = order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-03-17"));
        var opco = order.IssueOpcoInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-03-17"));

        var clientLate = order.LatePayment(final.Id, D("2026-04-16"), Rates());
        var opcoLate = order.LatePayment(opco.Id, D("2026-04-16"), Rates());

        Assert.Equal(30, clientLate.DaysLate);
        Assert.Equal(Money.Zero, clientLate.RecoveryIndemnity);
        Assert.Equal(CgvReadings.RecoveryIndemnity, opcoLate.RecoveryIndemnity);
        Assert.Equal(E(19.97m), opcoLate.Interest); // round(2000 × 0.1215 × 30 / 365) = round(19.972)
    }
}
