namespace Lexom.Training.Web.Data;

/// <summary>
/// The tracking of one participant's attestation (K1, LW2) issued by « Clôturer la session »: its kept PDF and the last
/// e-mail that carried it (the outbox row tells pending, sent or failed). One per participant and session.
/// </summary>
public sealed class SessionAttestation
{
    private SessionAttestation()
    {
        ParticipantName = string.Empty;
    }

    public SessionAttestation(Guid id, Guid sessionId, Guid orderId, Guid participantId, string participantName, Guid storedFileId, Guid outboxMessageId, DateTimeOffset issuedAt)
    {
        Id = id;
        SessionId = sessionId;
        OrderId = orderId;
        ParticipantId = participantId;
        ParticipantName = participantName;
        StoredFileId = storedFileId;
        OutboxMessageId = outboxMessageId;
        IssuedAt = issuedAt;
        Sends = 1;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public string ParticipantName { get; private set; }

    /// <summary>The attestation's PDF in <c>stored_files</c> (kind <see cref="StoredFileKind.Attestation"/>).</summary>
    public Guid StoredFileId { get; private set; }

    /// <summary>The last e-mail that carried the attestation (<c>outbox_messages.id</c>); a resend points here to the new one.</summary>
    public Guid OutboxMessageId { get; private set; }

    /// <summary>How many e-mails carried it (the first one and the resends).</summary>
    public int Sends { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>
    /// « Ouverte »: the first time the client downloaded the attestation from its space. No tracking pixel (RGPD, and mail
    /// clients block them): only a download the client asked for counts.
    /// </summary>
    public DateTimeOffset? OpenedAt { get; private set; }

    public void Resent(Guid outboxMessageId)
    {
        OutboxMessageId = outboxMessageId;
        Sends++;
    }
}
