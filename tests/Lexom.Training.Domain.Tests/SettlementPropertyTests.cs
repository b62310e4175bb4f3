using FsCheck;
using FsCheck.Fluent;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;
using PropertyAttribute = FsCheck.Xunit.PropertyAttribute;

namespace Lexom.Training.Domain.Tests;

/// <summary>
/// For any generated order (price, participants, client kind, INTER/INTRA, channel, OPCO, how far it
/// got, what was paid) and any event (cancellation or postponement, by the client or LEXOM, on any
/// day around the start), the decision adds up, matches an independent reading of the rules, and
/// once applied to the order the money on the order adds up to it, never below zero.
/// </summary>
public class SettlementPropertyTests
{
    [Property(MaxTest = 500)]
    public void X_R_C3_P7_for_any_order_and_event_payments_dues_and_refunds_add_up_to_the_decision_never_below_zero(
        PositiveInt unitCents, byte participantsRaw, bool company, bool intra, bool website, byte stageRaw,
        byte eventRaw, byte dayRaw, ushort newStartRaw, byte opcoRaw, byte coverageRaw, byte partialRaw, byte preparationRaw)
    {
        // ---- the order
        var participants = 1 + (participantsRaw % 12);
        var unit = (unitCents.Get % 300_000 + 1) / 100m;
        var preparation = preparationRaw % 3 == 0 ? 0m : preparationRaw * 2.5m;
        var builder = AnOrder().Like(p =>
        {
            p.For(participants).At(unit).Payer(company ? PayerKind.Company : PayerKind.PrivateIndividual)
                .Kind(intra ? TrainingKind.Intra : TrainingKind.Inter).PreparationCost(preparation);
            if (website)
            {
                p.OnWebsite();
            }
        });
        var stage = stageRaw % 4; // 0 pending, 1 signed, 2 signed + part of the deposit, 3 confirmed
        var probe = builder.Build();
        var ttc = probe.PriceTtc;
        var opcoAgreed = opcoRaw % 3 == 0 ? Money.Zero : Money.RoundToCent(ttc.Times((opcoRaw % 100) / 100m));
        var coverage = Money.RoundToCent(ttc.Times((coverageRaw % 101) / 100m));
        if (opcoAgreed.IsPositive)
        {
            builder.WithOpco(opcoAgreed.Amount, coverage.Amount);
        }

        var order = stage switch
        {
            0 => builder.Build(),
            1 => builder.SignedWithoutDeposit(),
            2 => builder.SignedWithoutDeposit(),
            _ => builder.Confirmed(),
        };
        if (stage == 2)
        {
            var day = order.Withdrawal().PaymentsMayBeAskedFrom!.Value;
            var deposit = order.IssueDepositInvoice(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), day);
            var part = Money.RoundToCent(deposit.Ttc.Times((partialRaw % 100) / 100m));
            if (part.IsPositive)
            {
                order.RecordPayment(deposit.Id, Guid.NewGuid(), part, day, "partiel");
            }
        }

        // ---- the event, on a day from 70 days before the start to 3 days after it
        var received = order.StartsOn.AddDays(3 - (dayRaw % 74));
        var notice = new WrittenNotice(received, "lettre.pdf");
        var isPostponement = eventRaw % 2 == 1;
        var paidBefore = order.ClientPaid;

        Settlement? settlement;
        bool applicable;
        if (!isPostponement)
        {
            var reason = (CancellationReason)(eventRaw / 2 % 4);
            var decision = order.PreviewCancellation(reason, notice);
            var expected = ExpectedCancellation(order, reason, received);
            Assert.Equal(expected is null, !decision.IsAccepted);
            settlement = decision.Settlement;
            if (settlement is not null)
            {
                Assert.Equal(expected, settlement.TotalOwed);
            }

            applicable = decision.IsAccepted;
            if (applicable)
            {
                order.Cancel(reason, notice);
            }
        }
        else
        {
            var reason = (PostponementReason)(eventRaw / 2 % 3);
            var newStart = received.AddDays(1 + (newStartRaw % 260));
            var decision = order.PreviewPostponement(reason, notice, newStart);
            var expected = ExpectedPostponement(order, reason, received, newStart);
            Assert.Equal(expected is null, !decision.IsAccepted);
            settlement = decision.Settlement;
            if (settlement is not null)
            {
                Assert.Equal(expected!.Value.Owed, settlement.TotalOwed);
                if (expected.Value.Later)
                {
                    Assert.Contains(decision.Outcome, new[] { PostponementOutcome.Allowed, PostponementOutcome.AllowedWithoutIndemnity });
                    Assert.Equal(Money.Zero, settlement.DueNow);
                    Assert.Equal(Money.Zero, settlement.Refund); // R1: the deposit is not given back
                }
                else
                {
                    Assert.Equal(PostponementOutcome.WholePriceDue, decision.Outcome);
                    Assert.Equal(Money.Zero, settlement.DueLater);
                }
            }

            applicable = decision.IsAccepted && order.IsContractConcluded;
            if (applicable)
            {
                order.Postpone(reason, notice, newStart, newStart.AddDays(1));
            }
        }

        if (settlement is null)
        {
            return;
        }

        // ---- the decision adds up, nothing below zero
        Money[] amounts = [settlement.TotalOwed, settlement.OpcoPart, settlement.AlreadyPaid, settlement.DueNow, settlement.DueLater, settlement.Refund, settlement.Kept, settlement.NonRefundable];
        Assert.All(amounts, a => Assert.False(a.IsNegative));
        Assert.Equal(paidBefore, settlement.AlreadyPaid);
        Assert.Equal(settlement.ClientShare, settlement.AlreadyPaid + settlement.DueNow + settlement.DueLater - settlement.Refund);
        Assert.True(settlement.DueNow.IsZero || settlement.Refund.IsZero);

        if (!applicable)
        {
            return;
        }

        // ---- applied to the order: credit what the decision replaces, bill what is due now, refund what is to refund
        foreach (var open in order.InvoicesToCancel())
        {
            order.CancelInvoice(open.Id, Guid.NewGuid(), Number(DocumentKind.CreditNote), received, "remplacée par la décision");
        }

        if (settlement.DueNow.IsPositive)
        {
            Assert.Equal(settlement.DueNow, order.IssueIndemnityInvoice(Guid.NewGuid(), Number(DocumentKind.Invoice), received).Ttc);
        }

        if (settlement.Refund.IsPositive)
        {
            order.RecordRefund(Guid.NewGuid(), settlement.Refund, received, "remboursement");
        }

        Assert.False(order.ClientPaid.IsNegative);
        Assert.False(order.ClientAmountDue.IsNegative);
        Assert.Equal(Money.Zero, order.RefundDue);
        Assert.Equal(settlement.ClientShare, order.ClientPaid + order.ClientAmountDue + settlement.DueLater);
    }

    /// <summary>An independent reading of X2–X6, C3, P7/LW1: what is owed in all, or null when refused.</summary>
    private static Money? ExpectedCancellation(Order order, CancellationReason reason, DateOnly received)
    {
        if (reason == CancellationReason.TraineesAbsent && order.TrainingKind == TrainingKind.Intra)
        {
            return null;
        }

        if (reason is CancellationReason.TrainerAbsent or CancellationReason.VenueUnavailable)
        {
            return Money.Zero;
        }

        var withdrawal = order.Withdrawal();
        if (withdrawal.LastWithdrawalDay is { } last && received <= last)
        {
            return Money.Zero;
        }

        if (!order.IsContractConcluded)
        {
            var signed = order.MissingForConfirmation().All(m => m.StartsWith("l'acompte", StringComparison.Ordinal));
            return signed && order.PreparationCost.IsPositive && order.ClientPaid < order.DepositAmount ? order.PreparationCost : Money.Zero;
        }

        return order.StartsOn.DayNumber - received.DayNumber >= 15 ? order.DepositAmount : order.PriceTtc;
    }

    /// <summary>An independent reading of R1–R3 and X4: what is owed in all and whether later, or null when refused.</summary>
    private static (Money Owed, bool Later)? ExpectedPostponement(Order order, PostponementReason reason, DateOnly asked, DateOnly newStart)
    {
        if (reason == PostponementReason.SomeTraineesAbsent && order.TrainingKind == TrainingKind.Intra)
        {
            return null;
        }

        if (asked > order.EndsOn || newStart == order.StartsOn)
        {
            return null;
        }

        if (reason == PostponementReason.LexomCancellation)
        {
            return (order.PriceTtc, true);
        }

        var during = asked >= order.StartsOn;
        var beyond = newStart > order.OrderedOn.AddMonths(6);
        return (order.PriceTtc, !(during || beyond));
    }
}
