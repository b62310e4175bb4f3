namespace Lexom.Training.Documents;

/// <summary>
/// Feuille d'émargement of a session (A1): one table per day, each trainee's morning and afternoon, to be signed on paper.
/// A half-day already recorded in the application prints its state; a blank one is left for the signature.
/// </summary>
public sealed record AttendanceSheetDocument
{
    public required SellerIdentity Seller { get; init; }

    public required string CourseTitle { get; init; }
    public required string CourseReference { get; init; }
    public required string Place { get; init; }

    /// <summary>The trainer's name; null when none is assigned (a line is left to write it).</summary>
    public string? TrainerName { get; init; }

    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }

    /// <summary>The hours of one half-day (the course's duration spread over the session's half-days).</summary>
    public required decimal HalfDayHours { get; init; }

    public required IReadOnlyList<AttendanceSheetTrainee> Trainees { get; init; }
}

/// <summary>One trainee of the sheet.</summary>
public sealed record AttendanceSheetTrainee
{
    public required string Name { get; init; }

    /// <summary>The client (employer), when a company.</summary>
    public string? CompanyName { get; init; }

    /// <summary>The half-days recorded so far; the others are left blank to sign.</summary>
    public IReadOnlyList<HalfDayAttendance> Recorded { get; init; } = [];
}
