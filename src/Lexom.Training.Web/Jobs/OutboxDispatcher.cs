using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Transport;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lexom.Training.Web.Jobs;

/// <summary>
/// Sends the outbox. Each round claims a batch of due messages in one short statement
/// (<c>FOR UPDATE SKIP LOCKED</c>: several instances never claim the same message), marking them
/// "Sending" under a lease; then sends them outside any transaction and records each outcome, guarded by
/// the lease. A dispatcher killed mid-send leaves its lease to expire: the message is claimed again later.
/// Failures wait RetryBaseDelay × 2^(attempt−1) (at most RetryMaxDelay); after MaxAttempts the message is
/// "Failed" until staff retry it. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<EmailOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private DispatcherOptions Settings => options.Value.Dispatcher;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Enabled)
        {
            logger.LogInformation("Envoi des e-mails désactivé sur cette instance (Email:Dispatcher:Enabled=false)");
            return;
        }
        logger.LogInformation("Envoi des e-mails : {Transport}", transport.Description);
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                var round = await DispatchOnceAsync(stoppingToken);
                full = round.Claimed >= Settings.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database is unreachable, for example: try again at the next poll.
                logger.LogError(ex, "La distribution des e-mails a échoué ; nouvel essai dans {Interval}", Settings.PollInterval);
            }
            if (!full)
            {
                try
                {
                    await signal.WaitAsync(Settings.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>One round: claims up to BatchSize due messages and tries to send each once.</summary>
    public async Task<DispatchRound> DispatchOnceAsync(CancellationToken ct = default)
    {
        var lease = Guid.NewGuid();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var claimed = await ClaimAsync(db, lease, ct);
        if (claimed.Count == 0) return new DispatchRound(0, 0, 0);

        var sent = 0;
        var failed = 0;
        await using (var session = transport.OpenSession())
        {
            for (var i = 0; i < claimed.Count; i++)
            {
                var (id, attempts) = claimed[i];
                try
                {
                    var mime = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => m.Mime).SingleAsync(ct);
                    using var stream = new MemoryStream(mime, writable: false);
                    using var message = await MimeMessage.LoadAsync(stream, ct);
                    await session.SendAsync(message, ct);
                    await MarkSentAsync(db, id, lease);
                    sent++;
                    logger.LogInformation("E-mail {OutboxId} envoyé (tentative {Attempt})", id, attempts);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Shutting down: what was not tried goes back to the queue now; the message being sent
                    // keeps its lease and is tried again once it expires.
                    await ReleaseAsync(db, claimed.Skip(i + 1).Select(c => c.Id).ToList(), lease);
                    throw;
                }
                catch (Exception ex)
                {
                    failed++;
                    await MarkFailedAsync(db, id, attempts, lease, Describe(ex));
                    if (ex is SmtpCommandException) continue;
                    // The server is unreachable (or the transport broke): the rest of the batch would fail
                    // the same way, so it is counted as one more failed attempt for each, without trying.
                    foreach (var (otherId, otherAttempts) in claimed.Skip(i + 1))
                    {
                        failed++;
                        await MarkFailedAsync(db, otherId, otherAttempts, lease, Describe(ex));
                    }
                    break;
                }
            }
        }
        return new DispatchRound(claimed.Count, sent, failed);
    }

    /// <summary>
    /// Marks up to BatchSize due messages "Sending" for this lease and returns them. One statement, so one
    /// short transaction; SKIP LOCKED lets racing dispatchers take different rows. Claims whose lease
    /// expired with no attempt left are closed as failed first.
    /// </summary>
    internal async Task<List<(Guid Id, int Attempts)>> ClaimAsync(AppDbContext db, Guid lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + Settings.LeaseDuration;
        var max = Settings.MaxAttempts;
        var batch = Settings.BatchSize;
        const string abandoned = "Envoi interrompu (instance arrêtée pendant l'envoi), plus de tentative possible";

        await db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages
            SET status = 'Failed', lease_id = NULL, locked_until = NULL, last_error = {abandoned}
            WHERE status = 'Sending' AND locked_until <= {now} AND attempts >= {max}
            """, ct);

        var rows = await db.Database.SqlQuery<ClaimedRow>($"""
            UPDATE outbox_messages AS o
            SET status = 'Sending', attempts = o.attempts + 1, lease_id = {lease}, locked_until = {until}, last_attempt_at = {now}
            FROM (
                SELECT id FROM outbox_messages
                WHERE ((status = 'Pending' AND next_attempt_at <= {now}) OR (status = 'Sending' AND locked_until <= {now}))
                  AND attempts < {max}
                ORDER BY next_attempt_at, created_at
                LIMIT {batch}
                FOR UPDATE SKIP LOCKED
            ) AS due
            WHERE o.id = due.id
            RETURNING o.id AS "Id", o.attempts AS "Attempts"
            """).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Attempts)).ToList();
    }

    private Task<int> MarkSentAsync(AppDbContext db, Guid id, Guid lease)
    {
        var now = clock.GetUtcNow();
        return db.OutboxMessages.Where(m => m.Id == id && m.LeaseId == lease).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LeaseId, (Guid?)null)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
    }

    private async Task MarkFailedAsync(AppDbContext db, Guid id, int attempts, Guid lease, string error)
    {
        var now = clock.GetUtcNow();
        var final = attempts >= Settings.MaxAttempts;
        var next = now + RetryDelay(attempts);
        await db.OutboxMessages.Where(m => m.Id == id && m.LeaseId == lease).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, final ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LeaseId, (Guid?)null)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, error), CancellationToken.None);
        if (final)
            logger.LogError("E-mail {OutboxId} en échec après {Attempts} tentatives : {Error}", id, attempts, error);
        else
            logger.LogWarning("E-mail {OutboxId} non envoyé (tentative {Attempt}), nouvel essai à {Next:u} : {Error}", id, attempts, next, error);
    }

    private static async Task ReleaseAsync(AppDbContext db, List<Guid> ids, Guid lease)
    {
        if (ids.Count == 0) return;
        await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeaseId == lease).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1)
            .SetProperty(m => m.LeaseId, (Guid?)null)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>Wait after the <paramref name="attempts"/>-th failure: base × 2^(attempts−1), capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(Settings.RetryBaseDelay.Ticks * factor, Settings.RetryMaxDelay.Ticks));
        return delay;
    }

    private static string Describe(Exception ex)
    {
        var text = ex switch
        {
            SmtpCommandException smtp => $"Refus du serveur SMTP ({(int)smtp.StatusCode}) : {smtp.Message}",
            SmtpProtocolException => $"Erreur du protocole SMTP : {ex.Message}",
            System.Net.Sockets.SocketException => $"Serveur SMTP injoignable : {ex.Message}",
            MailKit.Security.AuthenticationException => $"Authentification SMTP refusée : {ex.Message}",
            TimeoutException => $"Délai dépassé : {ex.Message}",
            _ => $"{ex.GetType().Name} : {ex.Message}",
        };
        return text.Length > OutboxMessage.MaxErrorLength ? text[..OutboxMessage.MaxErrorLength] : text;
    }

    private sealed record ClaimedRow(Guid Id, int Attempts);
}

/// <summary>What one round did.</summary>
public sealed record DispatchRound(int Claimed, int Sent, int Failed);
