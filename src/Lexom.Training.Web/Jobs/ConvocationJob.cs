using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Sessions;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Jobs;

/// <summary>
/// Issue 8, C2: at start and then every <c>Lexom:Jobs:ConvocationInterval</c> (one hour), every planned session that starts
/// within <c>Lexom:Jobs:ConvocationDaysBefore</c> days (10 by default), from tomorrow, sends the convocations still due for
/// its current version through <see cref="SessionConvocations"/> (confirmed orders only; once per version). Each session is
/// handled in its own transaction that claims its row with <c>FOR UPDATE SKIP LOCKED</c>: instances running at once, or a
/// staff member pressing « Envoyer les convocations maintenant », never send the same convocation twice. A failure on one
/// session is logged and the others go on.
/// </summary>
public sealed class ConvocationJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<JobOptions> options,
    ILogger<ConvocationJob> logger) : TimedJob(clock, logger)
{
    protected override string What => "l'envoi des convocations";

    protected override (bool Enabled, TimeSpan Interval, string Setting) Schedule => (options.Value.ConvocationEnabled, options.Value.ConvocationInterval, nameof(JobOptions.ConvocationEnabled));

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One run: the sessions starting within the set number of days.</summary>
    public async Task<ConvocationRun> RunOnceAsync(CancellationToken ct = default)
    {
        var today = Clock.Today();
        var until = today.AddDays(options.Value.ConvocationDaysBefore);
        List<Guid> sessionIds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            sessionIds = await db.CourseSessions.AsNoTracking()
                .Where(s => s.Status == SessionStatus.Planned && s.StartsOn > today && s.StartsOn <= until)
                .OrderBy(s => s.StartsOn).Select(s => s.Id).ToListAsync(ct);
        }

        int convened = 0, notConvened = 0, skipped = 0, failed = 0;
        foreach (var id in sessionIds)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var planned = nameof(SessionStatus.Planned);
                var claimed = await db.Database.SqlQuery<Guid>($"""
                    SELECT id AS "Value" FROM course_sessions WHERE id = {id} AND status = {planned} FOR UPDATE SKIP LOCKED
                    """).ToListAsync(ct);
                if (claimed.Count == 0)
                {
                    skipped++;
                    continue;
                }
                var session = await db.CourseSessions.Include(s => s.Enrolments).SingleAsync(s => s.Id == id, ct);
                var round = await scope.ServiceProvider.GetRequiredService<SessionConvocations>().SendDueAsync(session, onlyConvenedBefore: false, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                convened += round.Convened;
                notConvened += round.NotConvened;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                failed++;
                Logger.LogError(ex, "Session {SessionId} : l'envoi des convocations a échoué ; les autres continuent", id);
            }
        }

        Logger.LogInformation("Convocations au {Today} : {Sessions} session(s), {Convened} convocation(s), {NotConvened} non convoquée(s) (C2), {Skipped} traitée(s) ailleurs, {Failed} en échec",
            today, sessionIds.Count, convened, notConvened, skipped, failed);
        return new ConvocationRun(sessionIds.Count, convened, notConvened, skipped, failed);
    }
}

/// <summary>What one run did.</summary>
public sealed record ConvocationRun(int Sessions, int Convened, int NotConvened, int Skipped, int Failed);
