namespace Lexom.Training.Documents;

/// <summary>
/// Commercial proposal (P1, P3, M1–M4, LW3). The acceptance block and the CGV annex are always printed.
/// </summary>
public sealed record ProposalDocument
{
    public required SellerIdentity Seller { get; init; }

    /// <summary>Unique proposal number, e.g. "PC-2026-0042".</summary>
    public required string Number { get; init; }

    /// <summary>Version (1 for the first issue; re-issues after expiry bump it, P3).</summary>
    public int Version { get; init; } = 1;

    public required DateOnly IssuedOn { get; init; }

    /// <summary>P3: IssuedOn + 30 days, computed by the domain and printed as is.</summary>
    public required DateOnly ValidUntil { get; init; }

    public required ClientIdentity Client { get; init; }
    public required CourseReference Course { get; init; }
    public required SessionFormat Format { get; init; }

    /// <summary>At least one; P2 may plan several sessions in the same financial conditions.</summary>
    public required IReadOnlyList<SessionSchedule> Sessions { get; init; }

    /// <summary>Number of participants (may exceed the names known so far).</summary>
    public required int ParticipantCount { get; init; }

    /// <summary>Names, or "à confirmer" placeholders until acceptance (P1).</summary>
    public required IReadOnlyList<string> ParticipantNames { get; init; }

    public required IReadOnlyList<DocumentLine> Lines { get; init; }

    /// <summary>M4: the deposit rate (a setting, 30 % by default).</summary>
    public decimal DepositRate { get; init; } = 0.30m;

    /// <summary>Free text shown under the course block (needs, adaptations...).</summary>
    public string? Comment { get; init; }

    /// <summary>The CGV printed as annex; null = LEXOM's CGV embedded in this library.</summary>
    public string? CgvText { get; init; }

    /// <summary>The totals as this document prints them (M3, M4).</summary>
    public DocumentTotals Totals => DocumentTotals.Compute(Lines, DepositRate);

    internal string DisplayNumber => Version > 1 ? $"{Number}-V{Version}" : Number;
}
