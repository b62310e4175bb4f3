namespace Lexom.Training.Web.Data;

/// <summary>
/// The convocation of one participant to a session (issue 8, C2): the last version of the session it was sent for, the
/// calendar file's SEQUENCE, when and to whom (the participant, or the client's contact when the participant has no
/// address), and the outbox message that carried it. One per participant and session: a move sends it again for the new
/// version with a higher SEQUENCE, a cancellation (X4) sends the calendar's CANCEL.
/// </summary>
public sealed class SessionConvocation
{
    private SessionConvocation()
    {
        ParticipantName = string.Empty;
        Recipient = string.Empty;
    }

    public SessionConvocation(Guid id, Guid sessionId, Guid orderId, Guid participantId, string participantName)
    {
        Id = id;
        SessionId = sessionId;
        OrderId = orderId;
        ParticipantId = participantId;
        ParticipantName = participantName;
        Recipient = string.Empty;
        Sequence = -1;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public string ParticipantName { get; private set; }

    /// <summary>The session's <c>Version</c> the last convocation was sent for: never twice for the same version.</summary>
    public int SessionVersion { get; private set; }

    /// <summary>The SEQUENCE of the last calendar file sent (0 for the first, higher after a move, RFC 5545).</summary>
    public int Sequence { get; private set; }

    /// <summary>Where it went: the participant's address, or the client's contact.</summary>
    public string Recipient { get; private set; }

    /// <summary>The calendar UID the last file used (per session and participant, or per session and order for the contact's).</summary>
    public string Uid { get; private set; } = string.Empty;

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>How many convocations were sent (the first one and the updates after moves).</summary>
    public int Sends { get; private set; }

    public Guid OutboxMessageId { get; private set; }

    /// <summary>When the calendar's CANCEL was sent (X4).</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>The next SEQUENCE: 0 the first time, one more each time after.</summary>
    public int NextSequence => Sequence + 1;

    public void Sent(int sessionVersion, int sequence, string recipient, string uid, Guid outboxMessageId, DateTimeOffset at)
    {
        Uid = uid;
        SessionVersion = sessionVersion;
        Sequence = sequence;
        Recipient = recipient;
        OutboxMessageId = outboxMessageId;
        SentAt = at;
        Sends++;
    }

    public void Cancelled(int sequence, Guid outboxMessageId, DateTimeOffset at)
    {
        Sequence = sequence;
        OutboxMessageId = outboxMessageId;
        CancelledAt = at;
    }
}
