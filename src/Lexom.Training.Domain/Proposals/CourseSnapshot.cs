namespace Lexom.Training.Domain.Proposals;

/// <summary>
/// The course content as it was when the proposal was issued, frozen with it (and copied to the
/// order): what the client accepted, whatever the catalogue says later. The attestation (K1, LW2)
/// reads its objectives from here.
/// </summary>
/// <param name="Title">Intitulé (P1).</param>
/// <param name="Reference">Référence, e.g. RCL-RCL-02 (P1).</param>
/// <param name="Objectives">The pedagogical objectives, all of them (K1).</param>
/// <param name="DurationDays">Durée in days (P1).</param>
/// <param name="DurationHours">Durée in hours (P1, LW2).</param>
/// <param name="MaxParticipants">The maximum per session, if LEXOM limits it (P2).</param>
/// <param name="Nature">The nature of the action (LW2), "Action de formation" by default.</param>
/// <param name="EvaluationMethods">How learning is evaluated (LW2).</param>
public sealed record CourseSnapshot(
    string Title,
    string Reference,
    IReadOnlyList<string> Objectives,
    int DurationDays,
    decimal DurationHours,
    int? MaxParticipants = null,
    string Nature = "Action de formation",
    string? EvaluationMethods = null)
{
    /// <summary>What P1 needs of the course, in French; empty when nothing is missing.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            missing.Add("l'intitulé de la formation");
        }

        if (string.IsNullOrWhiteSpace(Reference))
        {
            missing.Add("la référence de la formation");
        }

        if (DurationDays <= 0 || DurationHours <= 0)
        {
            missing.Add("la durée de la formation");
        }

        return missing;
    }
}

/// <summary>The dates of one planned session (P1, P2), first and last day inclusive.</summary>
public sealed record SessionDates
{
    public SessionDates(DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
        {
            throw new DomainException("Une session ne peut pas finir avant de commencer.", "P1");
        }

        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public DateOnly StartsOn { get; }

    public DateOnly EndsOn { get; }
}
