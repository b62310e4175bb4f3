using MimeKit;

namespace Lexom.Training.Web.Email.Transport;

/// <summary>Where the dispatcher hands messages over: an SMTP server, or a pickup directory.</summary>
public interface IEmailTransport
{
    /// <summary>For logs and the staff page ("SMTP smtp.example:587", "dossier /srv/mail").</summary>
    string Description { get; }

    /// <summary>A session for one batch (one SMTP connection, opened on the first message).</summary>
    IEmailTransportSession OpenSession();
}

public interface IEmailTransportSession : IAsyncDisposable
{
    /// <summary>Hands one message over. A <see cref="MailKit.Net.Smtp.SmtpCommandException"/> means the server
    /// refused this message; any other exception means the transport itself failed.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
