using Lexom.Training.Domain.Rules;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Audit;
using Lexom.Training.Web.Features.Privacy;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Jobs;

/// <summary>A client whose data the retention would anonymise, or why not yet.</summary>
public sealed record RetentionCandidate(Guid ClientId, string ClientName, DateOnly RelationshipEndedOn, DateOnly AnonymiseFrom, string? Blocker);

/// <summary>What the next run would do (the dry run of /gestion/rgpd/retention), and what a run did.</summary>
public sealed record RetentionPlan(DateOnly Today, IReadOnlyList<RetentionCandidate> Clients, DateTimeOffset AuditPurgeBefore, int AuditEntriesToPurge,
    DateOnly AccountingKeptAfter, int InvoicesPastRetention)
{
    public IReadOnlyList<RetentionCandidate> ToAnonymise => Clients.Where(c => c.Blocker is null).ToList();
}

public sealed record RetentionRun(IReadOnlyList<Guid> Anonymised, int AuditEntriesPurged, int Failed);

/// <summary>
/// G1, LW5, G2, daily (<c>Lexom:Jobs:RetentionInterval</c>): anonymises through <see cref="Anonymiser"/> every client whose
/// relationship ended more than <c>Lexom:Privacy:PersonalDataRetentionYears</c> (5) years ago — the end of the relationship is
/// <see cref="RetentionPolicy.ForPersonalData"/>'s: the later of the last training's end and the last payment, or without
/// them the last contact (the client's creation, a request, a proposal, an order, an invoice) —, except while an order is
/// open or money is due (listed with the reason); purges the audit lines older than <c>Lexom:Privacy:AuditRetentionYears</c>
/// (6); keeps every invoice, credit note and payment (LW5: 10 years at least; past them they are only counted, for the
/// accountant to archive — never deleted by the app). Each action is written to the audit trail as « système ». The plan
/// and the run read the same query: the dry run shows what the run does. Each client in its own transaction.
/// </summary>
public sealed class RetentionJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<JobOptions> options,
    IOptions<PrivacyOptions> privacy,
    ILogger<RetentionJob> logger) : TimedJob(clock, logger)
{
    protected override string What => "la conservation des données (G1)";

    protected override (bool Enabled, TimeSpan Interval, string Setting) Schedule =>
        (options.Value.RetentionEnabled, options.Value.RetentionInterval, nameof(JobOptions.RetentionEnabled));

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    private sealed record Activity(Guid Id, string Name, DateOnly? LastTraining, DateOnly? LastPayment, DateOnly LastContact);

    public async Task<RetentionPlan> PlanAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await PlanAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
    }

    private async Task<RetentionPlan> PlanAsync(AppDbContext db, CancellationToken ct)
    {
        var today = Clock.Today();
        var years = privacy.Value.PersonalDataRetentionYears;
        var activities = await db.Database.SqlQuery<Activity>($"""
            SELECT c.id, c.name,
                (SELECT MAX(o.ends_on) FROM orders o WHERE o.client_id = c.id) AS last_training,
                (SELECT MAX(p.received_on) FROM payments p JOIN invoices i ON i.id = p.invoice_id JOIN orders o ON o.id = i.order_id WHERE o.client_id = c.id) AS last_payment,
                GREATEST((c.created_at AT TIME ZONE 'Europe/Paris')::date,
                    (SELECT MAX((r.received_at AT TIME ZONE 'Europe/Paris')::date) FROM proposal_requests r WHERE r.client_id = c.id),
                    (SELECT MAX(GREATEST(p.created_on, p.issued_on, p.accepted_on)) FROM proposals p WHERE p.client_id = c.id),
                    (SELECT MAX(o.ordered_on) FROM orders o WHERE o.client_id = c.id),
                    (SELECT MAX(i.issued_on) FROM invoices i JOIN orders o ON o.id = i.order_id WHERE o.client_id = c.id)) AS last_contact
            FROM clients c
            WHERE NOT EXISTS (SELECT 1 FROM client_privacy cp WHERE cp.client_id = c.id AND cp.anonymised_at IS NOT NULL)
            """).ToListAsync(ct);
        var due = new List<RetentionCandidate>();
        foreach (var a in activities)
        {
            var ended = RetentionPolicy.ForPersonalData(a.LastTraining, a.LastPayment, a.LastContact, today).RelationshipEndedOn; // G1
            var from = ended.AddYears(years).AddDays(1);
            if (today < from) continue;
            due.Add(new RetentionCandidate(a.Id, a.Name, ended, from, await Anonymiser.BlockerAsync(db, a.Id, ct)));
        }
        var purgeBefore = Clock.GetUtcNow().AddYears(-privacy.Value.AuditRetentionYears);
        var toPurge = await db.Set<AuditLogEntry>().CountAsync(e => e.At < purgeBefore, ct);
        var accountingAfter = today.AddYears(-CgvReadings.AccountingRetentionYears);
        var pastRetention = await db.Invoices.CountAsync(i => i.IssuedOn < accountingAfter, ct);
        return new RetentionPlan(today, due.OrderBy(c => c.RelationshipEndedOn).ToList(), purgeBefore, toPurge, accountingAfter, pastRetention);
    }

    /// <summary>One run: the plan, applied.</summary>
    public async Task<RetentionRun> RunOnceAsync(CancellationToken ct = default)
    {
        var plan = await PlanAsync(ct);
        var anonymised = new List<Guid>();
        var failed = 0;
        foreach (var candidate in plan.ToAnonymise)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (await Anonymiser.AnonymiseAsync(db, candidate.ClientId, AuditActor.System, Clock.GetUtcNow(),
                        $"Conservation (G1) : relation terminée le {candidate.RelationshipEndedOn.Numeric()}, plus de {privacy.Value.PersonalDataRetentionYears} ans", ct))
                    anonymised.Add(candidate.ClientId);
                await transaction.CommitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                failed++;
                Logger.LogError(ex, "Client {ClientId} : l'anonymisation (G1) a échoué ; les autres continuent", candidate.ClientId);
            }
        }

        var purged = 0;
        if (plan.AuditEntriesToPurge > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            purged = await PurgeAuditAsync(db, plan.AuditPurgeBefore, ct);
            db.Add(AuditActor.System.Entry(Clock.GetUtcNow(), AuditAction.Purged, "AuditLogEntry", "", null,
                detail: $"{purged} ligne(s) du journal antérieures au {plan.AuditPurgeBefore:yyyy-MM-dd} supprimées (conservation {privacy.Value.AuditRetentionYears} ans)"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        Logger.LogInformation("Conservation au {Today} : {Anonymised} client(s) anonymisé(s), {Purged} ligne(s) du journal purgée(s), {Failed} en échec",
            plan.Today, anonymised.Count, purged, failed);
        return new RetentionRun(anonymised, purged, failed);
    }

    /// <summary>The only DELETE the table's trigger lets through: lines older than the limit the transaction declares.</summary>
    public static async Task<int> PurgeAuditAsync(AppDbContext db, DateTimeOffset before, CancellationToken ct)
    {
        var limit = before.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('lexom.audit_purge_before', {limit}, true)", ct);
        return await db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE at < {before}", ct);
    }
}
