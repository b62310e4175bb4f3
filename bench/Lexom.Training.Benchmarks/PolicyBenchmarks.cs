using BenchmarkDotNet.Attributes;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;

namespace Lexom.Training.Benchmarks;

/// <summary>
/// The domain policies the pages call per row or per request (the dashboard per order, the order page per change):
/// each decision with its French explanation, on worked example 1 (RCL-RCL-02, 3 participants, 4 284,00 € TTC).
///   dotnet run -c Release -- --job short --filter '*PolicyBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyBenchmarks
{
    private static readonly Money Price = Money.Euros(4284m);
    private static readonly Money Deposit = Money.Euros(1285.20m);
    private static readonly DateOnly OrderedOn = new(2026, 2, 2);
    private static readonly DateOnly StartsOn = new(2026, 4, 13);

    private readonly CancellationCase _cancellation = new(
        CancellationReason.ClientRenounces, new WrittenNotice(new DateOnly(2026, 4, 1), "courriel du 1er avril"), StartsOn, TrainingKind.Inter,
        Price, Deposit, Deposit, ContractConcluded: true, SignedDocumentsReturned: true, PreparationCost: Money.Zero);

    [Benchmark(Description = "M4 deposit (DepositPolicy.For)")]
    public DepositDecision Deposit30() => DepositPolicy.For(Price, Percentage.Of(30m), PayerKind.Company);

    [Benchmark(Description = "X2–X6 cancellation (CancellationPolicy.Decide)")]
    public CancellationDecision Cancellation() => CancellationPolicy.Decide(_cancellation);

    [Benchmark(Description = "P3 validity (ProposalValidity.On)")]
    public ValidityDecision Validity() => ProposalValidity.On(OrderedOn, new DateOnly(2026, 2, 20));

    [Benchmark(Description = "P7 withdrawal (WithdrawalPeriod.For)")]
    public WithdrawalDecision Withdrawal() => WithdrawalPeriod.For(PayerKind.PrivateIndividual, SalesChannel.Website, OrderedOn, null);

    [Benchmark(Description = "Absence (AbsencePolicy.Decide)")]
    public AbsenceDecision Absence() => AbsencePolicy.Decide(Price, plannedHalfDays: 4, attendedHalfDays: 3);

    [Benchmark(Description = "O3 OPCO deadline (OpcoDeadlinePolicy.Check)")]
    public OpcoDeadlineDecision OpcoDeadline() =>
        OpcoDeadlinePolicy.Check(StartsOn.AddDays(1), new DateOnly(2026, 5, 20), Price, Money.Euros(2000m), Money.Euros(500m), Deposit);
}
