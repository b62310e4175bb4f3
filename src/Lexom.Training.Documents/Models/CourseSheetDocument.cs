namespace Lexom.Training.Documents;

/// <summary>A course's catalog page as a printable programme (LW6, Qualiopi indicator 1).</summary>
public sealed record CourseSheetDocument
{
    public required SellerIdentity Seller { get; init; }
    public required string Reference { get; init; }
    public required string Title { get; init; }

    /// <summary>e.g. "RELATION CLIENT - RELATION CLIENTS".</summary>
    public required string Domain { get; init; }

    /// <summary>Days, possibly half days (1,5).</summary>
    public required decimal DurationDays { get; init; }
    public required decimal DurationHours { get; init; }
    public required IReadOnlyList<string> Objectives { get; init; }

    /// <summary>Sentence introducing the programme, e.g. "A l'issue de la formation, les participants seront préparés à :".</summary>
    public string? ProgrammeIntroduction { get; init; }

    public required IReadOnlyList<ProgrammeDay> Programme { get; init; }
    public required IReadOnlyList<string> Prerequisites { get; init; }
    public required IReadOnlyList<string> Audience { get; init; }
    public required IReadOnlyList<string> PedagogicalMethods { get; init; }
    public required IReadOnlyList<string> EvaluationMethods { get; init; }
    public required string AttestationStatement { get; init; }

    /// <summary>INTER price HT per participant; null when not sold INTER.</summary>
    public decimal? InterPricePerParticipant { get; init; }

    /// <summary>INTRA price HT per day for a group; null when on quotation only.</summary>
    public decimal? IntraPricePerDay { get; init; }

    public int? MaxParticipants { get; init; }
    public required string Accessibility { get; init; }

    /// <summary>How and how soon one can start (LW6).</summary>
    public required string AccessDelay { get; init; }

    public required string Contact { get; init; }
    public required DateOnly LastUpdatedOn { get; init; }
}

public sealed record ProgrammeDay
{
    public required int DayNumber { get; init; }
    public required IReadOnlyList<ProgrammeHalfDay> HalfDays { get; init; }
}

public sealed record ProgrammeHalfDay
{
    /// <summary>"Matin" or "Après-midi".</summary>
    public required string Label { get; init; }

    public required IReadOnlyList<ProgrammeModule> Modules { get; init; }
}

public sealed record ProgrammeModule
{
    public required int Number { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
}
