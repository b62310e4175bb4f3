namespace Lexom.Training.Documents;

/// <summary>
/// Convention de formation (client = company) or contrat de formation (client = private individual, P6, LW1).
/// The kind follows <see cref="ClientIdentity.Kind"/>.
/// </summary>
public sealed record TrainingAgreementDocument
{
    public required SellerIdentity Seller { get; init; }
    public required string Number { get; init; }
    public required DateOnly IssuedOn { get; init; }

    /// <summary>The proposal this agreement follows, if any.</summary>
    public string? ProposalNumber { get; init; }

    public required ClientIdentity Client { get; init; }
    public required CourseReference Course { get; init; }
    public required SessionFormat Format { get; init; }
    public required IReadOnlyList<SessionSchedule> Sessions { get; init; }
    public required IReadOnlyList<string> Objectives { get; init; }
    public required string Prerequisites { get; init; }
    public required IReadOnlyList<string> PedagogicalMethods { get; init; }
    public required IReadOnlyList<string> EvaluationMethods { get; init; }
    public required int ParticipantCount { get; init; }
    public required IReadOnlyList<string> ParticipantNames { get; init; }
    public required IReadOnlyList<DocumentLine> Lines { get; init; }
    public decimal DepositRate { get; init; } = 0.30m;
    public OpcoFunding? Funding { get; init; }

    /// <summary>P7: an individual who ordered on the website also has 14 days from the order.</summary>
    public bool OrderedOnWebsite { get; init; }

    public DateOnly? OrderedOn { get; init; }

    /// <summary>LW1: how the balance is spread over the training (individuals); optional, else a sentence says so.</summary>
    public IReadOnlyList<PaymentInstalment> BalanceSchedule { get; init; } = [];

    public DocumentTotals Totals => DocumentTotals.Compute(Lines, DepositRate);

    internal bool IsIndividualContract => Client.Kind == ClientKind.Individual;
}

/// <summary>One instalment of the balance (LW1: spread over the training).</summary>
public sealed record PaymentInstalment
{
    public required DateOnly DueOn { get; init; }
    public required decimal Amount { get; init; }
}
