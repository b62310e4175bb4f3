using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

public class ValueTests
{
    [Theory]
    [InlineData("1285.20", "1 285,20 €")]
    [InlineData("0.05", "0,05 €")]
    [InlineData("4284", "4 284,00 €")]
    [InlineData("1234567.89", "1 234 567,89 €")]
    public void Money_is_written_the_French_way(string amount, string expected)
    {
        var text = E(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ToFrench();
        Assert.Equal(expected, text.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.Contains('\u00A0', text); // no break before the euro sign
    }

    [Fact]
    public void Money_refuses_fractions_of_a_cent_unless_rounded_at_a_documented_step()
    {
        Assert.Throws<DomainException>(() => Money.Euros(1.005m));
        Assert.Equal(E(1.01m), Money.RoundToCent(1.005m));
        Assert.Equal(E(-1.01m), Money.RoundToCent(-1.005m));
        Assert.Equal(E(2.68m), Money.RoundToCent(2.675m));
    }

    [Fact]
    public void M1_the_vat_rate_is_the_one_in_force_on_the_date_from_the_table()
    {
        Assert.Equal(Percentage.Of(19.6m), Vat.RateOn(D("2013-12-31")));
        Assert.Equal(Percentage.Of(20m), Vat.RateOn(D("2014-01-01")));
        Assert.Equal(Percentage.Of(20m), Vat.RateOn(D("2026-11-29")));
    }

    [Fact]
    public void M1_a_date_without_a_rate_or_overlapping_rates_are_refused()
    {
        var ex = Assert.Throws<DomainException>(() => Vat.RateOn(D("1999-12-31")));
        Assert.Equal("M1", ex.RuleId);
        Assert.Throws<DomainException>(() => new VatRateTable([
            new VatRate(Percentage.Of(20m), D("2014-01-01"), D("2030-01-01")),
            new VatRate(Percentage.Of(21m), D("2029-06-01")),
        ]));
    }

    [Fact]
    public void M1_a_proposal_issued_when_the_rate_changes_takes_the_new_rate_from_the_table()
    {
        var table = new VatRateTable([
            new VatRate(Percentage.Of(20m), D("2014-01-01"), D("2026-06-30")),
            new VatRate(Percentage.Of(21m), D("2026-07-01")),
        ]);
        var before = AProposal().BuildDraft();
        before.Issue(D("2026-06-30"), "CGV", table, Number(DocumentKind.Proposal));
        var after = AProposal().BuildDraft();
        after.Issue(D("2026-07-01"), "CGV", table, Number(DocumentKind.Proposal));

        Assert.Equal(E(714.00m), before.Totals.Vat);
        Assert.Equal(E(749.70m), after.Totals.Vat);
    }

    [Theory]
    [InlineData(1, "999.99", "999.99", "200.00", "1199.99")]
    [InlineData(3, "333.33", "999.99", "200.00", "1199.99")]
    [InlineData(1, "0.03", "0.03", "0.01", "0.04")]
    [InlineData(3, "1190.00", "3570.00", "714.00", "4284.00")]
    [InlineData(7, "142.86", "1000.02", "200.00", "1200.02")]
    public void M3_totals_are_the_sum_of_rounded_lines_then_rounded_vat(int quantity, string unit, string ht, string vat, string ttc)
    {
        var totals = PriceCalculator.Totals([(PriceCalculator.LineAmount(quantity, E(P(unit))), Percentage.Of(20m))]);
        Assert.Equal(E(P(ht)), totals.Ht);
        Assert.Equal(E(P(vat)), totals.Vat);
        Assert.Equal(E(P(ttc)), totals.Ttc);
    }

    [Fact]
    public void M3_each_line_is_rounded_before_summing_never_in_between()
    {
        // 0.5 × 0.05 = 0.025 → 0.03 per line: two lines make 0.06, not round(0.05).
        var line = PriceCalculator.LineAmount(0.5m, E(0.05m));
        Assert.Equal(E(0.03m), line);
        var totals = PriceCalculator.Totals([(line, Percentage.Of(20m)), (line, Percentage.Of(20m))]);
        Assert.Equal(E(0.06m), totals.Ht);
        Assert.Equal(E(0.01m), totals.Vat); // round(0.012)
    }

    [Fact]
    public void M3_vat_is_computed_per_rate()
    {
        var totals = PriceCalculator.Totals([
            (E(100.05m), Percentage.Of(20m)),
            (E(100.05m), Percentage.Of(20m)),
            (E(10.05m), Percentage.Of(5.5m)),
        ]);
        Assert.Equal(2, totals.VatByRate.Count);
        Assert.Equal(E(40.02m), totals.VatByRate.Single(v => v.Rate == Percentage.Of(20m)).Vat); // round(40.02)
        Assert.Equal(E(0.55m), totals.VatByRate.Single(v => v.Rate == Percentage.Of(5.5m)).Vat); // round(0.55275)
        Assert.Equal(E(210.15m + 40.57m), totals.Ttc);
    }

    [Theory]
    [InlineData("4284.00", "30", "1285.20")]
    [InlineData("1199.99", "30", "360.00")]
    [InlineData("1.15", "30", "0.35")]
    [InlineData("0.05", "30", "0.02")]
    [InlineData("4284.00", "40", "1713.60")]
    public void M4_the_deposit_is_the_rate_setting_times_ttc_rounded_half_away_from_zero(string ttc, string rate, string deposit)
    {
        Assert.Equal(E(P(deposit)), PriceCalculator.Deposit(E(P(ttc)), Percentage.Of(P(rate))));
    }

    [Fact]
    public void M4_the_default_deposit_rate_setting_is_30_percent()
    {
        Assert.Equal(Percentage.Of(30m), CgvReadings.DefaultDepositRate);
        var decision = DepositPolicy.For(E(4284m), Percentage.Of(40m), PayerKind.Company);
        Assert.Equal(E(1713.60m), decision.Amount);
        Assert.Equal(["M4"], decision.RuleIds);
    }

    [Theory]
    [InlineData("1285.20", "1071.00", "214.20")]
    [InlineData("2998.80", "2499.00", "499.80")]
    [InlineData("360.00", "300.00", "60.00")]
    [InlineData("0.01", "0.01", "0.00")]
    public void M3_an_amount_billed_ttc_splits_into_rounded_ht_and_the_rest_as_vat(string ttc, string ht, string vat)
    {
        var (h, v) = CgvReadings.SplitTtc(E(P(ttc)), Percentage.Of(20m));
        Assert.Equal(E(P(ht)), h);
        Assert.Equal(E(P(vat)), v);
    }

    [Theory]
    [InlineData(DocumentKind.Proposal, 2026, 123, 1, "DEV-2026-000123")]
    [InlineData(DocumentKind.Proposal, 2026, 123, 2, "DEV-2026-000123-V2")]
    [InlineData(DocumentKind.Invoice, 2026, 123, 1, "FAC-2026-000123")]
    [InlineData(DocumentKind.DepositInvoice, 2026, 45, 1, "ACP-2026-000045")]
    [InlineData(DocumentKind.CreditNote, 2027, 7, 1, "AV-2027-000007")]
    [InlineData(DocumentKind.Invoice, 2026, 1234567, 1, "FAC-2026-1234567")]
    public void LW4_document_numbers_follow_the_scheme_and_parse_back(DocumentKind kind, int year, int sequence, int version, string text)
    {
        var number = DocumentNumber.Create(kind, year, sequence, version);
        Assert.Equal(text, number.ToString());
        Assert.Equal(number, DocumentNumber.Parse(text));
    }

    [Theory]
    [InlineData("FAC-2026-000123-V2")]
    [InlineData("DEV-2026-000123-V1")]
    [InlineData("FA-2026-000123")]
    [InlineData("FAC-2026-000000")]
    [InlineData("FAC-26-000001")]
    [InlineData("")]
    public void LW4_malformed_numbers_are_refused(string text)
    {
        Assert.False(DocumentNumber.TryParse(text, out _));
    }

    [Fact]
    public void LW4_invoices_have_no_versions_and_a_gap_in_a_sequence_is_found()
    {
        var invoice = DocumentNumber.Create(DocumentKind.Invoice, 2026, 5);
        Assert.Equal("LW4", Assert.Throws<DomainException>(() => invoice.NextVersion()).RuleId);
        Assert.Equal("FAC-2026-000006", invoice.NextInSequence().ToString());
        var numbers = new[] { 1, 2, 4, 5, 7 }.Select(i => DocumentNumber.Create(DocumentKind.Invoice, 2026, i));
        Assert.Equal([3, 6], DocumentNumber.GapsIn(numbers));
        Assert.Empty(DocumentNumber.GapsIn(new[] { 1, 2, 3 }.Select(i => DocumentNumber.Create(DocumentKind.CreditNote, 2026, i))));
    }

    internal static decimal P(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
