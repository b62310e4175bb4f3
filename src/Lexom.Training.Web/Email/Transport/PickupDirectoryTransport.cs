using Microsoft.Extensions.Options;
using MimeKit;

namespace Lexom.Training.Web.Email.Transport;

/// <summary>
/// Without SMTP settings (the demo of ./lexom run), each message becomes a .eml file in the pickup directory,
/// named after its creation time and outbox id: writing it again replaces the same file.
/// </summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailTransport
{
    public string Directory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public string Description => $"dossier {Directory}";

    public IEmailTransportSession OpenSession() => new Session(Directory);

    private sealed class Session(string directory) : IEmailTransportSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            System.IO.Directory.CreateDirectory(directory);
            var stamp = message.Date.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
            var name = $"{stamp}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
            var temporary = Path.Combine(directory, "." + name + ".tmp");
            await using (var file = File.Create(temporary))
                await message.WriteToAsync(file, ct);
            File.Move(temporary, Path.Combine(directory, name), overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
