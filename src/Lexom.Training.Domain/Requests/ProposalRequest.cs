
namespace Lexom.Training.Domain.Requests;

/// <summary>Stored as text.</summary>
public enum RequestStatus
{
    /// <summary>Nobody handles it yet.</summary>
    New,
    /// <summary>A sales person handles it.</summary>
    InProgress,
    /// <summary>A proposal was issued from it.</summary>
    ProposalIssued,
    /// <summary>Closed without a proposal (duplicate, no follow-up…).</summary>
    Closed,
}

/// <summary>What the client asks for: the wished format, dates, place and participants.</summary>
public sealed record RequestedTraining(
    TrainingKind Kind,
    Guid? SessionId,
    DateOnly? WishedStart,
    string? WishedDates,
    string? Place,
    int ParticipantCount,
    IReadOnlyList<string> ParticipantNames,
    string? Message);

/// <summary>
/// A client's request for a commercial proposal, from the public form. The sales team takes it in
/// hand and issues a proposal from it (P1: what the proposal will need is asked here).
/// </summary>
public sealed class ProposalRequest
{
    public const int MaxParticipants = 200;

    private ProposalRequest() { }

    public ProposalRequest(Guid id, Guid courseId, string courseReference, Guid clientId, RequestedTraining training, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.ParticipantCount is < 1 or > MaxParticipants)
            throw new DomainException($"Le nombre de participants est compris entre 1 et {MaxParticipants}.");
        if (training.ParticipantNames.Count > training.ParticipantCount)
            throw new DomainException("Il y a plus de noms que de participants.");
        if (training.Kind == TrainingKind.Intra && string.IsNullOrWhiteSpace(training.Place))
            throw new DomainException("Pour une formation INTRA, indiquez le lieu.");
        if (training.SessionId is null && training.WishedStart is null && string.IsNullOrWhiteSpace(training.WishedDates))
            throw new DomainException("Choisissez une session ou indiquez les dates souhaitées.");
        Id = id;
        CourseId = courseId;
        CourseReference = courseReference;
        ClientId = clientId;
        Training = training;
        ReceivedAt = receivedAt;
        Status = RequestStatus.New;
    }

    public Guid Id { get; private set; }
    public Guid CourseId { get; private set; }
    public string CourseReference { get; private set; } = "";
    public Guid ClientId { get; private set; }
    public RequestedTraining Training { get; private set; } = null!;
    public DateTimeOffset ReceivedAt { get; private set; }
    public RequestStatus Status { get; private set; }
    public Guid? HandledBy { get; private set; }
    public Guid? ProposalId { get; private set; }
    public string? ClosingReason { get; private set; }

    /// <summary>A sales person takes the request (or takes it over from a colleague).</summary>
    public void TakeOn(Guid salesPersonId)
    {
        if (Status is RequestStatus.ProposalIssued or RequestStatus.Closed)
            throw new DomainException("Cette demande est terminée : elle ne se prend plus en charge.");
        HandledBy = salesPersonId;
        Status = RequestStatus.InProgress;
    }

    public void RecordProposal(Guid proposalId)
    {
        if (Status == RequestStatus.Closed)
            throw new DomainException("Cette demande est classée.");
        ProposalId = proposalId;
        Status = RequestStatus.ProposalIssued;
    }

    public void Close(string reason)
    {
        if (Status is RequestStatus.ProposalIssued or RequestStatus.Closed)
            throw new DomainException("Cette demande est déjà terminée.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Indiquez pourquoi la demande est classée.");
        ClosingReason = reason.Trim();
        Status = RequestStatus.Closed;
    }
}
