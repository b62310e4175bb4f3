using System.Net;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Audit;
using Lexom.Training.Web.Features.Privacy;
using Lexom.Training.Web.Jobs;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Opco;
using Lexom.Training.Web.Tests.Orders;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lexom.Training.Web.Tests.Opco.MoneySeeds;

namespace Lexom.Training.Web.Tests.Privacy;

/// <summary>G1, LW5, G2, G3 over time: each test has its own app, the clock moves forward (years).</summary>
public sealed class RetentionTests
{
    private static Task<RetentionPlan> PlanAsync(LexomApp app) => app.Services.GetRequiredService<RetentionJob>().PlanAsync();

    [Fact]
    public async Task G1_the_dry_run_shows_what_the_run_does_five_years_after_the_relationship_and_the_audit_is_purged_after_six()
    {
        await using var app = await StartAsync();
        // X: a request only, on 2 March 2026 (its last contact). Z: a training ended 24 February 2026, its final invoice unpaid.
        var requestId = await ProposalSteps.RequestAsync(app, 1, "Lucie Martin", "retention.x@client.example", PrivacySteps.Siret());
        Guid x;
        await using (var db = app.OpenDb())
            x = await db.ProposalRequests.Where(r => r.Id == requestId).Select(r => r.ClientId).SingleAsync();
        var z = await OrderAsync(app, new(2026, 2, 2), new(2026, 2, 23), new(2026, 2, 24),
            async (o, n) => await CompleteWithFinalInvoiceAsync(o, n, new(2026, 2, 25)), clientName: "Impayés SARL");

        // 2 March 2031: the data of both (each last contacted on 2 March 2026, Z's record being created that day) are kept up to and including this day (G1).
        app.Clock.SetUtcNow(Paris(2031, 3, 2, 23, 30));
        Assert.Empty((await PlanAsync(app)).Clients);

        // 3 March 2031: both are due, Z is held while money is owed. The dry run page shows it; « Lancer maintenant » does exactly that.
        app.Clock.SetUtcNow(Paris(2031, 3, 3));
        var plan = await PlanAsync(app);
        var blocked = Assert.Single(plan.Clients, c => c.Blocker is not null);
        Assert.Equal((z.ClientId, new DateOnly(2026, 3, 2), new DateOnly(2031, 3, 3)), (blocked.ClientId, blocked.RelationshipEndedOn, blocked.AnonymiseFrom));
        Assert.Contains("Une somme reste due", blocked.Blocker, StringComparison.Ordinal);
        Assert.Equal([x], plan.ToAnonymise.Select(c => c.ClientId));
        using var admin = app.NewClient();
        var (email, password) = await app.CreateUserAsync(Roles.Admin);
        await admin.LoginAsync(email, password);
        var page = await admin.GetPageAsync("/gestion/rgpd/retention");
        Assert.Contains("Clients à anonymiser : 1", page, StringComparison.Ordinal);
        Assert.Contains("Coteaux de l'Ardèche SCA", page, StringComparison.Ordinal);
        Assert.Contains("Impayés SARL", page, StringComparison.Ordinal);
        using (var run = await admin.PostFormAsync("/gestion/rgpd/retention", "/gestion/rgpd/retention"))
            Assert.Contains("Conservation appliquée : 1 client(s) anonymisé(s)", await admin.GetPageAsync(run.Headers.Location!.OriginalString), StringComparison.Ordinal);

        await using (var db = app.OpenDb())
        {
            var anonymised = await db.Set<ClientPrivacy>().Where(p => p.AnonymisedAt != null).Select(p => p.ClientId).ToListAsync();
            Assert.Equal(plan.ToAnonymise.Select(c => c.ClientId), anonymised);
            var client = await db.Clients.SingleAsync(c => c.Id == x);
            Assert.Equal((Anonymiser.ContactName, Anonymiser.EmailOf(x)), (client.ContactName, client.Email));
            var request = await db.ProposalRequests.SingleAsync(r => r.Id == requestId);
            Assert.Empty(request.Training.ParticipantNames);
            Assert.Equal(z.Email, (await db.Clients.SingleAsync(c => c.Id == z.ClientId)).Email);
        }
        var line = Assert.Single(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.ClientId == x && e.Action == AuditAction.Anonymised)));
        Assert.Equal(("système", app.Clock.GetUtcNow()), (line.UserEmail, line.At));
        Assert.Contains("relation terminée le 02/03/2026", line.Detail, StringComparison.Ordinal);
        Assert.Empty((await PlanAsync(app)).ToAnonymise);

        // 3 March 2032: the audit lines of 2 March 2026 are past their 6 years; the purge is the one DELETE the trigger lets through.
        app.Clock.SetUtcNow(Paris(2032, 3, 3));
        plan = await PlanAsync(app);
        int old;
        await using (var db = app.OpenDb())
            old = await db.Set<AuditLogEntry>().CountAsync(e => e.At < plan.AuditPurgeBefore);
        Assert.True(old > 0);
        Assert.Equal(old, plan.AuditEntriesToPurge);
        var done = await app.Services.GetRequiredService<RetentionJob>().RunOnceAsync();
        Assert.Equal(old, done.AuditEntriesPurged);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(0, await db.Set<AuditLogEntry>().CountAsync(e => e.At < plan.AuditPurgeBefore));
            Assert.Contains("supprimées", (await db.Set<AuditLogEntry>().SingleAsync(e => e.Action == AuditAction.Purged)).Detail, StringComparison.Ordinal);
            // LW5: every invoice is still there.
            Assert.Equal(2, await db.Invoices.CountAsync());
        }
    }

    [Fact]
    public async Task G3_the_proposal_reminder_is_not_sent_to_a_client_who_objected_and_an_unanswered_request_turns_overdue_after_a_month()
    {
        await using var app = await StartAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        var objecting = await PrivacySteps.ClientWithProposalAsync(app, sales, "oppose");
        var other = await PrivacySteps.ClientWithProposalAsync(app, sales, "accepte");
        using (var client = await OrderSteps.ClientSignedInAsync(app, objecting.Email))
        {
            using (var objected = await client.PostFormAsync("/espace-client/mes-donnees", "/espace-client/mes-donnees/opposition", ("opposition", "true")))
                Assert.Equal(HttpStatusCode.Redirect, objected.StatusCode);
            Assert.Contains("Vous vous opposez aux e-mails commerciaux", await client.GetPageAsync("/espace-client/mes-donnees"), StringComparison.Ordinal);
            using (await client.PostFormAsync("/espace-client/mes-donnees", "/espace-client/mes-donnees/demande", ("Type", "limitation"), ("Details", "Je conteste l'exactitude."))) { }
        }

        // 26 March: both proposals (valid until 1 April) are within the reminder's 7 days (P3).
        app.Clock.SetUtcNow(Paris(2026, 3, 26));
        var run = await app.Services.GetRequiredService<ProposalExpiryJob>().RunOnceAsync();
        Assert.Equal(2, run.Reminded);
        await using (var db = app.OpenDb())
        {
            var reminders = await db.OutboxMessages.Where(m => m.Kind == ProposalReminderEmail.Kind).Select(m => m.Recipient).ToListAsync();
            Assert.Equal([other.Email], reminders);
            // Recorded as done: never retried.
            Assert.NotNull((await db.Proposals.SingleAsync(p => p.Id == objecting.ProposalId)).ReminderSentOn);
        }

        using var admin = app.NewClient();
        var (email, password) = await app.CreateUserAsync(Roles.Admin);
        await admin.LoginAsync(email, password);
        Assert.DoesNotContain("row-overdue", await admin.GetPageAsync("/gestion/rgpd"), StringComparison.Ordinal);
        app.Clock.SetUtcNow(Paris(2026, 4, 3));
        using var later = await app.SignedInAsync(Roles.Admin); // the first one's cookie has expired (8 h)
        var list = await later.GetPageAsync("/gestion/rgpd");
        Assert.Contains("dont <strong>1 en retard</strong>", list, StringComparison.Ordinal);
        Assert.Contains("row-overdue", list, StringComparison.Ordinal);
    }
}
