using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

public class CancellationTests
{
    private static CancellationCase Case(
        string received, CancellationReason reason = CancellationReason.ClientRenounces, TrainingKind kind = TrainingKind.Inter,
        decimal paid = 1285.20m, bool concluded = true, bool documentsIn = true, decimal preparation = 0m, string? lastWithdrawal = null, decimal opcoCoverage = 0m) =>
        new(reason, Letter(received), D("2026-03-16"), kind, E(4284m), E(1285.20m), E(paid), concluded, documentsIn, E(preparation),
            lastWithdrawal is null ? null : D(lastWithdrawal), E(opcoCoverage));

    [Fact]
    public void X1_a_cancellation_that_is_not_written_is_refused()
    {
        var decision = CancellationPolicy.Decide(Case("2026-03-01") with { Notice = new WrittenNotice(D("2026-03-01"), " ") });
        Assert.Equal(CancellationOutcome.Refused, decision.Outcome);
        Assert.Equal(["X1"], decision.RuleIds);

        var order = AnOrder().Confirmed();
        var ex = Assert.Throws<DomainException>(() => order.Cancel(CancellationReason.ClientRenounces, new WrittenNotice(D("2026-03-01"), "")));
        Assert.Equal("X1", ex.RuleId);
        Assert.Equal(OrderStatus.Confirmed, order.Status);
    }

    [Fact]
    public void X1_a_cancellation_is_recorded_with_its_date_of_receipt_and_its_document()
    {
        var order = AnOrder().Confirmed();
        order.Cancel(CancellationReason.ClientRenounces, new WrittenNotice(D("2026-03-01"), "mail-4711.eml"));

        Assert.Equal(D("2026-03-01"), order.ClosedOn);
        Assert.Equal(D("2026-03-01"), order.Decisions.Single().DecidedOn);
        Assert.Contains("01/03/2026", order.Decisions.Single().Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-01", 15)]
    [InlineData("2026-02-28", 16)]
    [InlineData("2026-01-20", 55)]
    public void X2_cancellation_received_15_days_or_more_before_start_keeps_only_the_deposit(string received, int days)
    {
        var decision = CancellationPolicy.Decide(Case(received));

        Assert.Equal(CancellationOutcome.DepositKept, decision.Outcome);
        Assert.Equal(days, decision.DaysBeforeStart);
        Assert.Equal(E(1285.20m), decision.Settlement!.TotalOwed);
        Assert.Equal(E(1285.20m), decision.Settlement.Kept);
        Assert.Equal(Money.Zero, decision.Settlement.DueNow);
        Assert.Equal(Money.Zero, decision.Settlement.Refund);
        Assert.Equal(["X2"], decision.RuleIds);
    }

    [Fact]
    public void X2_cancellation_received_15_days_before_start_with_the_deposit_unpaid_makes_the_deposit_due()
    {
        var decision = CancellationPolicy.Decide(Case("2026-03-01", paid: 0m));
        Assert.Equal(E(1285.20m), decision.Settlement!.DueNow);
        Assert.Contains("restent à payer", decision.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-02", 14)]
    [InlineData("2026-03-15", 1)]
    [InlineData("2026-03-16", 0)]  // the start day itself
    [InlineData("2026-03-17", -1)] // after the start
    public void X3_cancellation_received_less_than_15_days_before_start_makes_the_whole_price_due(string received, int days)
    {
        var decision = CancellationPolicy.Decide(Case(received));

        Assert.Equal(CancellationOutcome.WholePriceDue, decision.Outcome);
        Assert.Equal(days, decision.DaysBeforeStart);
        Assert.Equal(E(4284m), decision.Settlement!.TotalOwed);
        Assert.Equal(E(2998.80m), decision.Settlement.DueNow);
        Assert.Equal(["X3"], decision.RuleIds);
    }

    [Fact]
    public void X3_on_the_order_the_indemnity_is_billed_at_once_for_the_rest_of_the_price()
    {
        var order = AnOrder().Confirmed();
        order.Cancel(CancellationReason.ClientRenounces, Letter("2026-03-10"));

        var invoice = order.IssueIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-03-10"));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(InvoiceKind.Indemnity, invoice.Kind);
        Assert.Equal(E(2998.80m), invoice.Ttc);
        Assert.Equal(D("2026-03-10"), invoice.DueOn);
        Assert.Throws<DomainException>(() => order.IssueIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-03-11")));
    }

    [Theory]
    [InlineData(CancellationReason.TrainerAbsent)]
    [InlineData(CancellationReason.VenueUnavailable)]
    public void X4_cancellation_by_lexom_refunds_the_deposit(CancellationReason reason)
    {
        var order = AnOrder().Confirmed();

        var decision = order.Cancel(reason, Letter("2026-03-15"));
        order.RecordRefund(Guid.NewGuid(), E(1285.20m), D("2026-03-20"), "virement retour");

        Assert.Equal(CancellationOutcome.RefundedByLexom, decision.Outcome);
        Assert.Equal(E(1285.20m), decision.Settlement!.Refund);
        Assert.Equal(Money.Zero, decision.Settlement.TotalOwed);
        Assert.Equal(Money.Zero, order.ClientPaid);
        Assert.Throws<DomainException>(() => order.RecordRefund(Guid.NewGuid(), E(0.01m), D("2026-03-21"), "trop"));
    }

    [Fact]
    public void X4_a_postponement_after_lexoms_cancellation_follows_R1_without_indemnity_and_without_the_6_month_limit()
    {
        var order = AnOrder().Confirmed();

        var decision = order.Postpone(PostponementReason.LexomCancellation, Letter("2026-03-15"), D("2026-09-14"), D("2026-09-15"));

        Assert.Equal(PostponementOutcome.AllowedWithoutIndemnity, decision.Outcome);
        Assert.Equal(Money.Zero, decision.Settlement!.DueNow);
        Assert.Equal(E(2998.80m), decision.Settlement.DueLater);
        Assert.False(order.DepositNonRefundable);
        Assert.Equal(OrderStatus.Postponed, order.Status);
        Assert.Equal(D("2026-09-14"), order.StartsOn);
    }

    [Theory]
    [InlineData(TrainingKind.Intra, true)]
    [InlineData(TrainingKind.Inter, false)]
    public void X5_intra_cancellation_for_absence_of_trainees_is_refused_inter_is_an_ordinary_cancellation(TrainingKind kind, bool refused)
    {
        var order = AnOrder().Like(p => p.Kind(kind)).Confirmed();

        if (refused)
        {
            var ex = Assert.Throws<DomainException>(() => order.Cancel(CancellationReason.TraineesAbsent, Letter("2026-03-01")));
            Assert.Equal("X5", ex.RuleId);
            Assert.Equal(OrderStatus.Confirmed, order.Status);
        }
        else
        {
            Assert.Equal(CancellationOutcome.DepositKept, order.Cancel(CancellationReason.TraineesAbsent, Letter("2026-03-01")).Outcome);
        }
    }

    [Fact]
    public void X6_renouncing_before_the_contract_is_concluded_costs_nothing()
    {
        var order = AnOrder().Build();

        var decision = order.Cancel(CancellationReason.ClientRenounces, Letter("2026-03-10"));

        Assert.Equal(CancellationOutcome.FreeBeforeContract, decision.Outcome);
        Assert.Equal(Money.Zero, decision.Settlement!.TotalOwed);
        Assert.Equal(["X6"], decision.RuleIds);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void X6_a_deposit_paid_without_signed_documents_is_refunded_on_renunciation()
    {
        var decision = CancellationPolicy.Decide(Case("2026-03-10", concluded: false, documentsIn: false, paid: 1285.20m, preparation: 250m));
        Assert.Equal(CancellationOutcome.FreeBeforeContract, decision.Outcome);
        Assert.Equal(E(1285.20m), decision.Settlement!.Refund);
    }

    [Fact]
    public void C3_renouncing_after_signing_without_the_deposit_costs_the_preparation_of_the_proposal()
    {
        var order = AnOrder().Like(p => p.PreparationCost(350m)).SignedWithoutDeposit();
        var deposit = order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-10"));

        var decision = order.Cancel(CancellationReason.ClientRenounces, Letter("2026-02-01"));

        Assert.Equal(CancellationOutcome.PreparationCostDue, decision.Outcome);
        Assert.Equal(E(350m), decision.Settlement!.DueNow);
        Assert.Equal(["X6", "C3"], decision.RuleIds);
        Assert.Equal("LW4", Assert.Throws<DomainException>(() => order.IssueIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-02-01"))).RuleId);
        order.CancelInvoice(deposit.Id, Guid.NewGuid(), Number(DocumentKind.CreditNote), D("2026-02-01"), "renonciation");
        var invoice = order.IssueIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-02-01"));
        Assert.Equal(E(350m), invoice.Ttc);
    }

    [Fact]
    public void C3_without_a_recorded_preparation_cost_the_renunciation_is_free()
    {
        var decision = CancellationPolicy.Decide(Case("2026-03-10", concluded: false, documentsIn: true, paid: 0m, preparation: 0m));
        Assert.Equal(CancellationOutcome.FreeBeforeContract, decision.Outcome);
    }

    [Fact]
    public void LW1_a_cancellation_within_the_legal_withdrawal_period_costs_nothing_even_close_to_the_start()
    {
        var decision = CancellationPolicy.Decide(Case("2026-03-10", paid: 0m, lastWithdrawal: "2026-03-12"));
        Assert.Equal(CancellationOutcome.FreeWithdrawal, decision.Outcome);
        Assert.Equal(Money.Zero, decision.Settlement!.TotalOwed);
    }

    [Theory]
    [InlineData(PayerKind.Company)]
    [InlineData(PayerKind.PrivateIndividual)]
    public void X3_applies_the_same_to_a_company_and_to_an_individual_after_the_withdrawal_period(PayerKind payer)
    {
        var order = AnOrder().Like(p => p.Payer(payer)).Confirmed();
        var decision = order.Cancel(CancellationReason.ClientRenounces, Letter("2026-03-05"));
        Assert.Equal(CancellationOutcome.WholePriceDue, decision.Outcome);
        Assert.Equal(E(2998.80m), decision.Settlement!.DueNow);
    }

    [Fact]
    public void R4_with_subrogation_the_client_pays_what_the_opco_does_not_cover_of_a_cancellation_indemnity()
    {
        var decision = CancellationPolicy.Decide(Case("2026-03-10", opcoCoverage: 1000m));
        Assert.Equal(E(1000m), decision.Settlement!.OpcoPart);
        Assert.Equal(E(1998.80m), decision.Settlement.DueNow);
        Assert.Equal(["X3", "R4"], decision.RuleIds);
    }

    [Fact]
    public void R4_X3_with_subrogation_the_opco_is_billed_its_part_of_the_indemnity_once_and_the_client_the_rest()
    {
        var order = AnOrder().WithOpco(3000m, indemnityCoverage: 1000m).Confirmed();
        order.Cancel(CancellationReason.ClientRenounces, new WrittenNotice(order.StartsOn.AddDays(-5), "lettre.pdf"));
        var client = order.IssueIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), order.StartsOn.AddDays(-5));
        var opco = order.IssueOpcoIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), order.StartsOn.AddDays(-5));

        Assert.Equal(InvoicePayer.Opco, opco.Payer);
        Assert.Equal(E(1000m), opco.Ttc);
        Assert.Equal(E(4284m) - E(1000m) - E(1285.20m), client.Ttc);
        Assert.Equal("R4", Assert.Throws<DomainException>(() => order.IssueOpcoIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), order.StartsOn)).RuleId);
        Assert.Equal("R4", Assert.Throws<DomainException>(() => AnOrder().Confirmed().IssueOpcoIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-03-10"))).RuleId);
    }
}
