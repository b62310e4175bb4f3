using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Jobs;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;

namespace Lexom.Training.Web.Tests.Email;

/// <summary>
/// The app sending to a real SMTP listener on 127.0.0.1. The background dispatcher is off: tests call
/// <see cref="OutboxDispatcher.DispatchOnceAsync"/> and move the fake clock, so back-off is deterministic.
/// </summary>
public class MailApp : LexomApp
{
    public SmtpTestServer Smtp { get; } = new();

    protected virtual bool BackgroundDispatcher => false;

    protected virtual int RateLimit => 1000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:Timeout"] = "00:00:05",
        ["Email:From"] = "LEXOM Formation <formation@lexom.fr>",
        ["Email:Dispatcher:Enabled"] = BackgroundDispatcher ? "true" : "false",
        ["Email:Dispatcher:MaxAttempts"] = "3",
        ["Email:Dispatcher:BatchSize"] = "10",
        ["Email:RateLimit:PermitLimit"] = RateLimit.ToString(CultureInfo.InvariantCulture),
        ["Lexom:PublicBaseUrl"] = "https://www.lexom.test",
    };

    public override async ValueTask InitializeAsync()
    {
        await Smtp.StartAsync();
        await base.InitializeAsync();
    }

    /// <summary>The app's own dispatcher.</summary>
    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Another dispatcher over the same database, as on a second instance.</summary>
    public OutboxDispatcher NewDispatcher() => ActivatorUtilities.CreateInstance<OutboxDispatcher>(Services);

    /// <summary>Enqueues one simple message and commits it; returns its outbox row.</summary>
    public async Task<OutboxMessage> EnqueueAsync(string to, string subject = "Message de test")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = scope.ServiceProvider.GetRequiredService<IEmailOutbox>()
            .Enqueue(new EmailRecipient(to), new EmailContent(subject, "<p>Bonjour</p>", "Bonjour"), "test");
        await db.SaveChangesAsync();
        return message;
    }

    public async Task<OutboxMessage> RowAsync(Guid id)
    {
        await using var db = OpenDb();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>An empty outbox and a listener that accepts, for the next test of the class.</summary>
    public async Task ResetMailAsync()
    {
        await using (var db = OpenDb())
            await db.OutboxMessages.ExecuteDeleteAsync();
        Smtp.Reject = false;
        await Smtp.StartAsync();
        Smtp.Clear();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, with the background dispatcher running (woken when a message is saved).</summary>
public class LiveMailApp : MailApp
{
    protected override bool BackgroundDispatcher => true;
}

/// <summary>At most two requests per IP on public e-mail forms.</summary>
public sealed class RateLimitedMailApp : MailApp
{
    protected override int RateLimit => 2;
}
