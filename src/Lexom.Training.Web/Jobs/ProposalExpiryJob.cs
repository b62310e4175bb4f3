using Lexom.Training.Documents;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Jobs;

/// <summary>
/// P3, at start and then every <c>Lexom:Jobs:ProposalExpiryInterval</c> (one hour):
/// <list type="number">
/// <item>every issued proposal whose validity ended before today (Paris) is expired through
/// <see cref="Proposal.Expire"/>: it could be accepted up to and including <c>ValidUntil</c>, it is expired from the next day;</item>
/// <item>an issued proposal within <see cref="Proposal.ReminderDaysBefore"/> days of its <c>ValidUntil</c> and not
/// reminded yet gets one reminder e-mail (its PDF attached again), enqueued in the same SaveChanges that records
/// <see cref="Proposal.ReminderSentOn"/>; not to a client who objected to marketing e-mails (G3: recorded, not sent).</item>
/// </list>
/// Each proposal is handled in its own short transaction that first claims the row with
/// <c>FOR UPDATE SKIP LOCKED</c> under the same conditions: instances running at once never handle the same
/// proposal twice (a row another instance holds is skipped; once committed it no longer matches). A failure on one
/// proposal is logged and the others go on. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ProposalExpiryJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<JobOptions> options,
    ILogger<ProposalExpiryJob> logger) : TimedJob(clock, logger)
{
    protected override string What => "l'expiration des propositions";

    protected override (bool Enabled, TimeSpan Interval, string Setting) Schedule => (options.Value.ProposalExpiryEnabled, options.Value.ProposalExpiryInterval, nameof(JobOptions.ProposalExpiryEnabled));

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One run: expires what is past its validity, then sends the reminders that are due.</summary>
    public async Task<ProposalExpiryRun> RunOnceAsync(CancellationToken ct = default)
    {
        var today = Clock.Today();
        var reminderLimit = today.AddDays(Proposal.ReminderDaysBefore);

        List<Guid> toExpire;
        List<Guid> toRemind;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            toExpire = await db.Proposals.AsNoTracking()
                .Where(p => p.Status == ProposalStatus.Issued && p.ValidUntil < today)
                .OrderBy(p => p.ValidUntil).Select(p => p.Id).ToListAsync(ct);
            toRemind = await db.Proposals.AsNoTracking()
                .Where(p => p.Status == ProposalStatus.Issued && p.ReminderSentOn == null && p.ValidUntil > today && p.ValidUntil <= reminderLimit)
                .OrderBy(p => p.ValidUntil).Select(p => p.Id).ToListAsync(ct);
        }

        int expired = 0, reminded = 0, skipped = 0, failed = 0;
        foreach (var id in toExpire)
        {
            switch (await HandleAsync(id, today, ExpireAsync, "l'expiration", ct))
            {
                case Outcome.Done: expired++; break;
                case Outcome.Skipped: skipped++; break;
                default: failed++; break;
            }
        }
        foreach (var id in toRemind)
        {
            switch (await HandleAsync(id, today, RemindAsync, "le rappel", ct))
            {
                case Outcome.Done: reminded++; break;
                case Outcome.Skipped: skipped++; break;
                default: failed++; break;
            }
        }

        var run = new ProposalExpiryRun(expired, reminded, skipped, failed);
        if (failed > 0)
            Logger.LogWarning("Propositions au {Today} : {Expired} expirée(s), {Reminded} rappel(s) envoyé(s), {Skipped} déjà traitée(s) ailleurs, {Failed} en échec", today, expired, reminded, skipped, failed);
        else
            Logger.LogInformation("Propositions au {Today} : {Expired} expirée(s), {Reminded} rappel(s) envoyé(s), {Skipped} déjà traitée(s) ailleurs", today, expired, reminded, skipped);
        return run;
    }

    private enum Outcome { Done, Skipped, Failed }

    private async Task<Outcome> HandleAsync(Guid id, DateOnly today, Func<IServiceProvider, AppDbContext, Guid, DateOnly, CancellationToken, Task<bool>> action, string what, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var done = await action(scope.ServiceProvider, db, id, today, ct);
            if (!done) return Outcome.Skipped;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome.Done;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed by someone else meanwhile (a new version, an acceptance): nothing to do here.
            return Outcome.Skipped;
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Proposition {ProposalId} : {What} a échoué ; les autres continuent", id, what);
            return Outcome.Failed;
        }
    }

    /// <summary>Claims the row if it still matches (SKIP LOCKED: another instance holds it → skipped).</summary>
    private static async Task<bool> ClaimAsync(AppDbContext db, FormattableString sql, CancellationToken ct) =>
        (await db.Database.SqlQuery<Guid>(sql).ToListAsync(ct)).Count == 1;

    private async Task<bool> ExpireAsync(IServiceProvider services, AppDbContext db, Guid id, DateOnly today, CancellationToken ct)
    {
        var issued = nameof(ProposalStatus.Issued);
        if (!await ClaimAsync(db, $"""
            SELECT id AS "Value" FROM proposals
            WHERE id = {id} AND status = {issued} AND valid_until < {today}
            FOR UPDATE SKIP LOCKED
            """, ct)) return false;
        var proposal = await db.Proposals.SingleAsync(p => p.Id == id, ct);
        proposal.Expire(today); // P3
        Logger.LogInformation("Proposition {Number} expirée (valable jusqu'au {ValidUntil})", proposal.Number, proposal.ValidUntil);
        return true;
    }

    private async Task<bool> RemindAsync(IServiceProvider services, AppDbContext db, Guid id, DateOnly today, CancellationToken ct)
    {
        var issued = nameof(ProposalStatus.Issued);
        var limit = today.AddDays(Proposal.ReminderDaysBefore);
        if (!await ClaimAsync(db, $"""
            SELECT id AS "Value" FROM proposals
            WHERE id = {id} AND status = {issued} AND reminder_sent_on IS NULL AND valid_until > {today} AND valid_until <= {limit}
            FOR UPDATE SKIP LOCKED
            """, ct)) return false;
        var proposal = await ProposalDrafts.LoadAsync(db, id, ct) ?? throw new InvalidOperationException($"Proposition {id} introuvable.");
        proposal.RecordReminder(today); // P3: once per version

        // G3: the reminder is a marketing-type e-mail; a client who objected gets none (recorded as done, never retried).
        if (await db.Set<Features.Privacy.ClientPrivacy>().AsNoTracking().AnyAsync(p => p.ClientId == proposal.ClientId && p.MarketingObjection, ct))
        {
            logger.LogInformation("Rappel de la proposition {Number} non envoyé : le client s'oppose aux e-mails commerciaux (G3)", proposal.Number);
            return true;
        }

        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == proposal.ClientId, ct);
        var identity = services.GetRequiredService<ISellerIdentityProvider>().Current();
        var pdf = services.GetRequiredService<IDocumentRenderer>().Render(ProposalPdfBuilder.Build(proposal, client, identity));
        var deposit = proposal.Deposit;
        services.GetRequiredService<IEmailOutbox>().Enqueue(new EmailRecipient(client.Email, client.ContactName),
            ProposalReminderEmail.Render(new ProposalReminderModel(client.ContactName, proposal.Number!.ToString(), proposal.Course.Reference, proposal.Course.Title,
                proposal.ValidUntil!.Value, proposal.Totals.Ttc, deposit.AppliedRate, deposit.Amount, proposal.CgvVersion!, pdf), identity),
            ProposalReminderEmail.Kind);
        Logger.LogInformation("Rappel envoyé pour la proposition {Number} (valable jusqu'au {ValidUntil})", proposal.Number, proposal.ValidUntil);
        return true;
    }
}

/// <summary>What one run did.</summary>
public sealed record ProposalExpiryRun(int Expired, int Reminded, int Skipped, int Failed);
