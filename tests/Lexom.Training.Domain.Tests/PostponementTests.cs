using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

public class PostponementTests
{
    private static PostponementCase Case(
        string ordered, string asked, string newStart, PostponementReason reason = PostponementReason.ClientRequest,
        TrainingKind kind = TrainingKind.Inter, decimal opcoAgreed = 0m, decimal opcoCoverage = 0m, string start = "2026-03-16", string end = "2026-03-17") =>
        new(reason, Letter(asked), D(ordered), D(start), D(end), D(newStart), kind, E(4284m), E(1285.20m), E(1285.20m), E(opcoAgreed), E(opcoCoverage));

    [Theory]
    [InlineData("2026-01-10", "2026-07-10", PostponementOutcome.Allowed)]       // worked example 3
    [InlineData("2026-01-10", "2026-07-11", PostponementOutcome.WholePriceDue)]
    [InlineData("2025-08-31", "2026-02-28", PostponementOutcome.Allowed)]       // month end: 31 Aug + 6 months = 28 Feb
    [InlineData("2025-08-31", "2026-03-01", PostponementOutcome.WholePriceDue)]
    [InlineData("2023-08-31", "2024-02-29", PostponementOutcome.Allowed)]       // leap year
    [InlineData("2023-08-31", "2024-03-01", PostponementOutcome.WholePriceDue)]
    [InlineData("2026-03-31", "2026-09-30", PostponementOutcome.Allowed)]
    [InlineData("2026-03-31", "2026-10-01", PostponementOutcome.WholePriceDue)]
    public void R1_R2_the_new_start_may_be_up_to_and_including_order_plus_6_months(string ordered, string newStart, PostponementOutcome outcome)
    {
        var orderedOn = D(ordered);
        var c = Case(ordered, orderedOn.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), newStart,
            start: orderedOn.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            end: orderedOn.AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var decision = PostponementPolicy.Decide(c);

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(orderedOn.AddMonths(6), decision.LimitDate);
    }

    [Fact]
    public void R1_a_postponement_before_the_start_within_6_months_keeps_the_deposit_towards_the_price()
    {
        var order = AnOrder().Confirmed();

        var decision = order.Postpone(PostponementReason.ClientRequest, Letter("2026-02-20"), D("2026-07-10"), D("2026-07-11"));

        Assert.Equal(PostponementOutcome.Allowed, decision.Outcome);
        Assert.Equal(["R1"], decision.RuleIds);
        Assert.Equal(Money.Zero, decision.Settlement!.DueNow);
        Assert.Equal(E(2998.80m), decision.Settlement.DueLater);
        Assert.Equal(E(1285.20m), decision.Settlement.NonRefundable);
        Assert.True(order.DepositNonRefundable);
        Assert.Equal(OrderStatus.Postponed, order.Status);
        Assert.Equal(D("2026-07-10"), order.StartsOn);
        Assert.Equal(D("2026-03-16"), order.OriginalStartsOn);

        order.Complete(D("2026-07-11"));
        Assert.Equal(E(2998.80m), order.IssueFinalInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D("2026-07-11")).Ttc);
    }

    [Fact]
    public void R1_a_postponement_must_be_written_and_not_on_a_pending_order()
    {
        Assert.Equal(["R1"], PostponementPolicy.Decide(Case("2026-01-10", "2026-02-20", "2026-05-04") with { Notice = new WrittenNotice(D("2026-02-20"), "") }).RuleIds);
        Assert.Throws<DomainException>(() => AnOrder().Build().Postpone(PostponementReason.ClientRequest, Letter("2026-02-20"), D("2026-05-04"), D("2026-05-05")));
    }

    [Theory]
    [InlineData("2026-03-16")] // first day
    [InlineData("2026-03-17")] // last day
    public void R2_a_postponement_asked_during_the_training_makes_the_whole_price_due(string asked)
    {
        var order = AnOrder().Confirmed();

        var decision = order.Postpone(PostponementReason.ClientRequest, Letter(asked), D("2026-05-04"), D("2026-05-05"));

        Assert.Equal(PostponementOutcome.WholePriceDue, decision.Outcome);
        Assert.Equal(E(2998.80m), decision.Settlement!.DueNow);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(E(2998.80m), order.IssueIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), D(asked)).Ttc);
    }

    [Fact]
    public void R2_a_postponement_asked_after_the_training_is_refused()
    {
        var decision = PostponementPolicy.Decide(Case("2026-01-10", "2026-03-18", "2026-05-04"));
        Assert.Equal(PostponementOutcome.Refused, decision.Outcome);
    }

    [Theory]
    [InlineData("2026-07-10", false)]
    [InlineData("2026-07-11", true)]
    public void R2_a_postponed_training_not_held_6_months_after_the_order_makes_the_whole_price_due(string today, bool due)
    {
        var order = AnOrder().Confirmed();
        order.Postpone(PostponementReason.ClientRequest, Letter("2026-02-20"), D("2026-07-10"), D("2026-07-11"));
        order.Postpone(PostponementReason.LexomCancellation, Letter("2026-07-01"), D("2026-09-07"), D("2026-09-08"));

        var check = order.PostponementDeadline(D(today));

        Assert.Equal(due ? PostponementOutcome.WholePriceDue : PostponementOutcome.StillInTime, check.Outcome);
        if (due)
        {
            order.ClosePostponementAsLapsed(D(today));
            Assert.Equal(OrderStatus.Cancelled, order.Status);
            Assert.Equal(E(2998.80m), order.Decisions[^1].DueNow);
        }
        else
        {
            Assert.Throws<DomainException>(() => order.ClosePostponementAsLapsed(D(today)));
        }
    }

    [Theory]
    [InlineData(TrainingKind.Intra, PostponementOutcome.Refused)]
    [InlineData(TrainingKind.Inter, PostponementOutcome.Allowed)]
    public void R3_intra_postponement_for_absence_of_some_trainees_is_refused(TrainingKind kind, PostponementOutcome outcome)
    {
        var decision = PostponementPolicy.Decide(Case("2026-01-10", "2026-02-20", "2026-05-04", PostponementReason.SomeTraineesAbsent, kind));
        Assert.Equal(outcome, decision.Outcome);
        if (outcome == PostponementOutcome.Refused)
        {
            Assert.Equal(["R3"], decision.RuleIds);
            var order = AnOrder().Like(p => p.Intra()).Confirmed();
            Assert.Equal("R3", Assert.Throws<DomainException>(() => order.Postpone(PostponementReason.SomeTraineesAbsent, Letter("2026-02-20"), D("2026-05-04"), D("2026-05-05"))).RuleId);
        }
    }

    [Theory]
    [InlineData(0, "2998.80", "0.00")]
    [InlineData(1500, "1498.80", "1500.00")]
    [InlineData(4284, "0.00", "4284.00")]
    public void R4_with_subrogation_the_client_pays_what_the_opco_does_not_cover_of_the_indemnity(decimal coverage, string clientDue, string opcoPart)
    {
        var decision = PostponementPolicy.Decide(Case("2026-01-10", "2026-03-16", "2026-05-04", opcoAgreed: 2000m, opcoCoverage: coverage));

        Assert.Equal(PostponementOutcome.WholePriceDue, decision.Outcome);
        Assert.Equal(E(ValueTests.P(clientDue)), decision.Settlement!.DueNow);
        Assert.Equal(E(ValueTests.P(opcoPart)), decision.Settlement.OpcoPart);
        Assert.Equal(coverage > 0, decision.RuleIds.Contains("R4"));
    }

    [Fact]
    public void R4_an_allowed_postponement_with_opco_leaves_the_opco_part_to_the_opco()
    {
        var decision = PostponementPolicy.Decide(Case("2026-01-10", "2026-02-20", "2026-05-04", opcoAgreed: 2000m));
        Assert.Equal(E(2000m), decision.Settlement!.OpcoPart);
        Assert.Equal(E(998.80m), decision.Settlement.DueLater);
    }
}
