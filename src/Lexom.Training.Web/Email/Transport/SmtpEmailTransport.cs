using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lexom.Training.Web.Email.Transport;

/// <summary>MailKit over SMTP (Email:Smtp): one connection per batch, authenticated when a user is set.</summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    private SmtpOptions Smtp => options.Value.Smtp;

    public string Description => $"SMTP {Smtp.Host}:{Smtp.Port} ({Smtp.Security})";

    public IEmailTransportSession OpenSession() => new Session(Smtp);

    private sealed class Session(SmtpOptions smtp) : IEmailTransportSession
    {
        private readonly SmtpClient _client = new() { Timeout = (int)smtp.Timeout.TotalMilliseconds };

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            if (!_client.IsConnected)
            {
                await _client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host est vide."), smtp.Port, smtp.Security.ToMailKit(), ct);
                if (!string.IsNullOrEmpty(smtp.User))
                    await _client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            }
            await _client.SendAsync(message, ct);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected)
                    await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException or OperationCanceledException)
            {
                // The messages are sent; a failed QUIT changes nothing.
            }
            _client.Dispose();
        }
    }
}
