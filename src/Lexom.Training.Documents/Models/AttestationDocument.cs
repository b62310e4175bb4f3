namespace Lexom.Training.Documents;

/// <summary>Attestation de fin de formation (K1, LW2, A1).</summary>
public sealed record AttestationDocument
{
    public required SellerIdentity Seller { get; init; }

    /// <summary>Optional certificate number.</summary>
    public string? Number { get; init; }

    public required string TraineeName { get; init; }

    /// <summary>The employer, for a company client; null for an individual.</summary>
    public string? CompanyName { get; init; }

    public required string CourseTitle { get; init; }
    public required string CourseReference { get; init; }

    /// <summary>K1: every pedagogical objective of the course, all printed.</summary>
    public required IReadOnlyList<string> Objectives { get; init; }

    /// <summary>LW2: the nature of the action.</summary>
    public string NatureOfAction { get; init; } = "Action de formation (article L6313-1 du Code du travail)";

    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public required decimal DurationHours { get; init; }

    /// <summary>A1: attended hours from the half-day attendance sheet.</summary>
    public required decimal AttendedHours { get; init; }

    public required string Place { get; init; }
    public required IReadOnlyList<string> EvaluationMethods { get; init; }

    /// <summary>LW2: the evaluation's results, e.g. "Objectifs atteints".</summary>
    public required string EvaluationResult { get; init; }

    /// <summary>Optional per-objective assessment, same order as <see cref="Objectives"/>.</summary>
    public IReadOnlyList<string> ObjectiveAssessments { get; init; } = [];

    /// <summary>A1: half-day attendance, shown as a table when given.</summary>
    public IReadOnlyList<HalfDayAttendance> Attendance { get; init; } = [];

    public required DateOnly IssuedOn { get; init; }
}

/// <summary>One half-day of the attendance sheet (émargement).</summary>
public sealed record HalfDayAttendance
{
    public required DateOnly Date { get; init; }

    /// <summary>"Matin" or "Après-midi".</summary>
    public required string HalfDay { get; init; }

    public required bool Present { get; init; }
    public required decimal Hours { get; init; }
}
