namespace Lexom.Training.Web.Email;

/// <summary>Where an outbox message is in its life.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its first attempt or for the next one (<see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="OutboxMessage.LockedUntil"/>.</summary>
    Sending,

    Sent,

    /// <summary>Every attempt failed; staff may retry.</summary>
    Failed,
}

/// <summary>
/// One e-mail, written in the same transaction as the business change that causes it, then sent by the
/// dispatcher (Jobs/OutboxDispatcher). The complete MIME message (with its Message-Id, its parts and its
/// attachments) is rendered once when enqueued and stored as bytes: every attempt sends the very same
/// message, so a resend after a crash carries the same Message-Id.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 2000;

    private OutboxMessage() { }

    internal OutboxMessage(Guid id, string messageId, string kind, string recipient, string subject, byte[] mime, DateTimeOffset now)
    {
        Id = id;
        MessageId = messageId;
        Kind = kind;
        Recipient = recipient;
        Subject = subject;
        Mime = mime;
        Status = OutboxStatus.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The Message-Id header, without angle brackets: the same on every attempt.</summary>
    public string MessageId { get; private set; } = "";

    /// <summary>The template that produced it ("programme", …), for staff and logs.</summary>
    public string Kind { get; private set; } = "";

    public string Recipient { get; private set; } = "";
    public string Subject { get; private set; } = "";

    /// <summary>The RFC 5322 message as sent.</summary>
    public byte[] Mime { get; private set; } = [];

    public OutboxStatus Status { get; private set; }

    /// <summary>Attempts started (a claim counts as one).</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The claim of a dispatcher: who (<see cref="LeaseId"/>) and until when.</summary>
    public Guid? LeaseId { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LastError { get; private set; }
}
