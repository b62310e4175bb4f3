using Lexom.Training.Web.Data;
using Lexom.Training.Web.Jobs;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lexom.Training.Web.Email;

/// <summary>
/// Puts e-mails into the outbox of the current unit of work. <see cref="Enqueue"/> only adds a row to the
/// scoped <see cref="AppDbContext"/>: the caller's single <c>SaveChangesAsync</c> (or its transaction's
/// commit) writes the business change and its e-mail together, or neither.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Renders the message (MIME, stable Message-Id) and adds it to the outbox; does not save.</summary>
    OutboxMessage Enqueue(EmailRecipient recipient, EmailContent content, string kind);

    /// <summary>The same, with people in copy (Cc).</summary>
    OutboxMessage Enqueue(EmailRecipient recipient, IReadOnlyList<EmailRecipient> copies, EmailContent content, string kind);
}

public sealed class EmailOutbox(AppDbContext db, IOptions<EmailOptions> options, TimeProvider clock, OutboxSignal signal) : IEmailOutbox, IDisposable
{
    private EventHandler<Microsoft.EntityFrameworkCore.SavedChangesEventArgs>? _onSaved;

    public OutboxMessage Enqueue(EmailRecipient recipient, EmailContent content, string kind) => Enqueue(recipient, [], content, kind);

    public OutboxMessage Enqueue(EmailRecipient recipient, IReadOnlyList<EmailRecipient> copies, EmailContent content, string kind)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(copies);
        ArgumentNullException.ThrowIfNull(content);
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var mime = Compose(id, recipient, content, options.Value, now);
        foreach (var copy in copies)
            mime.Cc.Add(new MailboxAddress(copy.Name ?? "", copy.Address));
        var message = new OutboxMessage(id, mime.MessageId!, kind, recipient.Address, content.Subject, ToBytes(mime), now);
        db.Add(message);

        // Wake the dispatcher as soon as the row is saved, rather than at its next poll. Inside an explicit
        // transaction the row is not visible yet: the poll will find it after the commit.
        if (_onSaved is null)
        {
            _onSaved = (_, _) =>
            {
                if (db.Database.CurrentTransaction is null) signal.Nudge();
            };
            db.SavedChanges += _onSaved;
        }
        return message;
    }

    /// <summary>The context is pooled: leave no handler on it.</summary>
    public void Dispose()
    {
        if (_onSaved is not null) db.SavedChanges -= _onSaved;
        _onSaved = null;
    }

    /// <summary>The MIME message as it will be sent: multipart/alternative (text, HTML) plus attachments.</summary>
    internal static MimeMessage Compose(Guid id, EmailRecipient to, EmailContent content, EmailOptions options, DateTimeOffset now)
    {
        var from = MailboxAddress.Parse(options.From);
        var message = new MimeMessage();
        message.From.Add(from);
        if (!string.IsNullOrWhiteSpace(options.ReplyTo))
            message.ReplyTo.Add(MailboxAddress.Parse(options.ReplyTo));
        message.To.Add(new MailboxAddress(to.Name ?? "", to.Address));
        message.Subject = content.Subject;
        message.Date = now;
        var domain = from.Domain is { Length: > 0 } d ? d : "lexom.fr";
        message.MessageId = $"{id:N}@{domain}";
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html };
        foreach (var attachment in content.Attachments)
        {
            var entity = body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
            // A text file (the convocation's .ics) in base64 keeps its CRLF line ends byte for byte (RFC 5545), whatever the platform's new lines.
            if (entity is MimePart { ContentType.MediaType: "text" } part) part.ContentTransferEncoding = ContentEncoding.Base64;
        }
        message.Body = body.ToMessageBody();
        // 7-bit safe once and for all (quoted-printable text, base64 files): any relay accepts the stored bytes as they are.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private static byte[] ToBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }
}
