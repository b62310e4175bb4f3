using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Jobs;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Lexom.Training.Web.Tests.Proposals;

/// <summary>
/// P3 by the job: expiry the day after ValidUntil, the reminder 7 days before, several instances at once.
/// Each test has its own app (and database): the fake clock only moves forward.
/// </summary>
public sealed class ProposalExpiryTests
{
    private const string ReminderKind = "proposition-rappel";

    [Fact]
    public async Task P3_issued_on_2_march_it_is_still_issued_on_1_april_at_23_59_and_the_job_expires_it_on_2_april_once()
    {
        await using var app = await StartAsync();
        var id = Assert.Single(await IssuedAsync(app, 1));

        app.Clock.SetUtcNow(Paris(2026, 4, 1, 23, 59));
        var lastDay = await RunAsync(app);
        Assert.Equal(0, lastDay.Expired);
        Assert.Equal(0, lastDay.Failed);
        Assert.Equal(ProposalStatus.Issued, (await LoadAsync(app, id)).Status);

        app.Clock.SetUtcNow(Paris(2026, 4, 2, 0, 1));
        var nextDay = await RunAsync(app);
        Assert.Equal(new ProposalExpiryRun(1, 0, 0, 0), nextDay);
        var expired = await LoadAsync(app, id);
        Assert.Equal(ProposalStatus.Expired, expired.Status);
        Assert.Equal(new DateOnly(2026, 4, 2), expired.ExpiredOn);
        Assert.Equal(new DateOnly(2026, 4, 1), expired.ValidUntil);
        var version = await RowVersionAsync(app, id);

        // Idempotent: a second run (and a later one) changes nothing more.
        Assert.Equal(new ProposalExpiryRun(0, 0, 0, 0), await RunAsync(app));
        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(new ProposalExpiryRun(0, 0, 0, 0), await RunAsync(app));
        Assert.Equal(version, await RowVersionAsync(app, id));
        Assert.Equal(new DateOnly(2026, 4, 2), (await LoadAsync(app, id)).ExpiredOn);
    }

    [Fact]
    public async Task P3_an_expired_proposal_shows_Expiree_in_the_staff_list_and_its_page_offers_a_new_version_instead_of_acceptance()
    {
        await using var app = await StartAsync();
        var id = Assert.Single(await IssuedAsync(app, 1));
        var number = (await LoadAsync(app, id)).Number!.ToString();
        app.Clock.SetUtcNow(Paris(2026, 4, 2, 8, 0));
        Assert.Equal(1, (await RunAsync(app)).Expired);

        using var sales = await app.SignedInAsync(Roles.Sales);
        var list = TestClient.Readable(await sales.GetPageAsync("/gestion/propositions?statut=expiree"));
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.Contains("Expirée", list, StringComparison.Ordinal);
        var issuedOnly = await sales.GetPageAsync("/gestion/propositions?statut=emise");
        Assert.DoesNotContain(number, issuedOnly, StringComparison.Ordinal);

        var page = TestClient.Readable(await sales.GetPageAsync($"/gestion/propositions/{id}"));
        Assert.Contains("Expirée", page, StringComparison.Ordinal);
        Assert.Contains("ne peut plus être acceptée", page, StringComparison.Ordinal);
        Assert.Contains("Expirée le", page, StringComparison.Ordinal);
        Assert.Contains("2 avril 2026", page, StringComparison.Ordinal);
        Assert.Contains($"/gestion/propositions/{id}/nouvelle-version", page, StringComparison.Ordinal);
        Assert.Contains("Nouvelle version", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task P3_the_reminder_goes_once_on_25_march_7_days_before_expiry_with_the_pdf_attached_and_not_on_24_march()
    {
        await using var app = await StartAsync();
        var id = Assert.Single(await IssuedAsync(app, 1));
        var number = (await LoadAsync(app, id)).Number!.ToString();

        app.Clock.SetUtcNow(Paris(2026, 3, 24, 23, 59));
        Assert.Equal(new ProposalExpiryRun(0, 0, 0, 0), await RunAsync(app));
        Assert.Equal(0, await RemindersAsync(app));
        Assert.Null((await LoadAsync(app, id)).ReminderSentOn);

        app.Clock.SetUtcNow(Paris(2026, 3, 25, 0, 1));
        Assert.Equal(new ProposalExpiryRun(0, 1, 0, 0), await RunAsync(app));
        Assert.Equal(new ProposalExpiryRun(0, 0, 0, 0), await RunAsync(app));
        app.Clock.SetUtcNow(Paris(2026, 3, 31, 12, 0));
        Assert.Equal(new ProposalExpiryRun(0, 0, 0, 0), await RunAsync(app));

        var proposal = await LoadAsync(app, id);
        Assert.Equal(new DateOnly(2026, 3, 25), proposal.ReminderSentOn);
        Assert.Equal(ProposalStatus.Issued, proposal.Status);

        await using var db = app.OpenDb();
        var message = Assert.Single(await db.OutboxMessages.Where(m => m.Kind == ReminderKind).ToListAsync());
        Assert.Equal("reminder@exemple.test", message.Recipient);
        using var stream = new MemoryStream(message.Mime);
        var mime = await MimeMessage.LoadAsync(stream);
        Assert.Contains(number, mime.Subject, StringComparison.Ordinal);
        Assert.Contains("CRM - fondamentaux et enjeux", mime.Subject, StringComparison.Ordinal);
        Assert.Contains("1er avril 2026", mime.Subject, StringComparison.Ordinal);
        var body = TestClient.Readable(mime.TextBody ?? "");
        Assert.Contains("valable jusqu'au 1er avril 2026 inclus", body, StringComparison.Ordinal);
        Assert.Contains("428,40 €", body, StringComparison.Ordinal); // 30 % of 1 428,00 TTC (1 190,00 HT + 20 % VAT)
        Assert.Contains("BON POUR ACCORD", body, StringComparison.Ordinal);
        var attachment = Assert.Single(mime.Attachments.OfType<MimePart>());
        Assert.Equal($"proposition-{number}.pdf", attachment.FileName);
        using var attached = new MemoryStream();
        await attachment.Content!.DecodeToAsync(attached);
        Assert.Contains(number, ProposalSteps.PdfText(attached.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task P3_an_accepted_declined_or_draft_proposal_is_never_reminded_nor_expired()
    {
        await using var app = await StartAsync();
        var ids = await ProposalSteps.SeedDraftsAsync(app, 4);
        var (accepted, declined, draft, control) = (ids[0], ids[1], ids[2], ids[3]);
        await IssueAsync(app, [accepted, declined, control]);
        await using (var db = app.OpenDb())
        {
            (await ProposalDrafts.LoadAsync(db, accepted, CancellationToken.None))!.Accept(new DateOnly(2026, 3, 10));
            (await ProposalDrafts.LoadAsync(db, declined, CancellationToken.None))!.Decline(new DateOnly(2026, 3, 11));
            await db.SaveChangesAsync();
        }

        app.Clock.SetUtcNow(Paris(2026, 3, 26, 9, 0));
        Assert.Equal(new ProposalExpiryRun(0, 1, 0, 0), await RunAsync(app));
        app.Clock.SetUtcNow(Paris(2026, 4, 2, 9, 0));
        Assert.Equal(new ProposalExpiryRun(1, 0, 0, 0), await RunAsync(app));
        app.Clock.SetUtcNow(Paris(2026, 6, 1, 9, 0));
        Assert.Equal(new ProposalExpiryRun(0, 0, 0, 0), await RunAsync(app));

        Assert.Equal(ProposalStatus.Expired, (await LoadAsync(app, control)).Status);
        foreach (var (id, status) in new[] { (accepted, ProposalStatus.Accepted), (declined, ProposalStatus.Declined), (draft, ProposalStatus.Draft) })
        {
            var untouched = await LoadAsync(app, id);
            Assert.Equal(status, untouched.Status);
            Assert.Null(untouched.ExpiredOn);
            Assert.Null(untouched.ReminderSentOn);
        }
        Assert.Equal(1, await RemindersAsync(app));
    }

    [Fact]
    public async Task P3_a_failure_on_one_proposal_is_logged_and_the_others_are_still_reminded_and_expired()
    {
        await using var app = await StartAsync();
        var ids = await IssuedAsync(app, 2);
        var broken = Assert.Single(await IssuedAsync(app, 1, siret: "44306184100047"));
        // Its client's address cannot be written into an e-mail any more: its reminder fails, the others go on.
        await using (var db = app.OpenDb())
        {
            var clientId = await db.Proposals.Where(p => p.Id == broken).Select(p => p.ClientId).SingleAsync();
            Assert.Equal(1, await db.Clients.Where(c => c.Id == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Email, "pas-une-adresse@")));
        }

        app.Clock.SetUtcNow(Paris(2026, 3, 27, 9, 0));
        Assert.Equal(new ProposalExpiryRun(0, 2, 0, 1), await RunAsync(app));
        Assert.Null((await LoadAsync(app, broken)).ReminderSentOn);
        foreach (var id in ids) Assert.Equal(new DateOnly(2026, 3, 27), (await LoadAsync(app, id)).ReminderSentOn);
        Assert.Equal(2, await RemindersAsync(app));
        // The next run tries the failed one again (and fails again), and the others are not reminded twice.
        Assert.Equal(new ProposalExpiryRun(0, 0, 0, 1), await RunAsync(app));

        app.Clock.SetUtcNow(Paris(2026, 4, 2, 9, 0));
        Assert.Equal(new ProposalExpiryRun(3, 0, 0, 0), await RunAsync(app));
    }

    [Fact]
    public async Task P3_two_app_instances_running_the_job_at_once_on_20_proposals_expire_each_exactly_once()
    {
        await using var app = await StartAsync();
        var ids = await IssuedAsync(app, 20);
        await using var second = new SecondHost(app);
        await second.InitializeAsync();
        var day = Paris(2026, 4, 2, 3, 0);
        app.Clock.SetUtcNow(day);
        second.Clock.SetUtcNow(day);

        var runs = await Task.WhenAll(new LexomApp[] { app, second, app, second }.Select(host => Task.Run(() => RunAsync(host))));

        Assert.All(runs, r => Assert.Equal(0, r.Failed));
        Assert.Equal(20, runs.Sum(r => r.Expired));
        await using var db = app.OpenDb();
        var rows = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync();
        Assert.Equal(20, rows.Count);
        Assert.All(rows, p =>
        {
            Assert.Equal(ProposalStatus.Expired, p.Status);
            Assert.Equal(new DateOnly(2026, 4, 2), p.ExpiredOn);
        });
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Kind == ReminderKind));
        Assert.Equal(new ProposalExpiryRun(0, 0, 0, 0), await RunAsync(second));
    }

    private static async Task<LexomApp> StartAsync()
    {
        var app = new LexomApp();
        await app.InitializeAsync();
        return app;
    }

    /// <summary>A time of day in Paris, as the fake clock's UTC instant.</summary>
    private static DateTimeOffset Paris(int year, int month, int day, int hour, int minute) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), FrenchCulture.Paris), TimeSpan.Zero);

    private static async Task<ProposalExpiryRun> RunAsync(LexomApp host) =>
        await host.Services.GetRequiredService<ProposalExpiryJob>().RunOnceAsync(CancellationToken.None);

    private static async Task<Proposal> LoadAsync(LexomApp app, Guid id)
    {
        await using var db = app.OpenDb();
        return (await ProposalDrafts.LoadAsync(db, id, CancellationToken.None))!;
    }

    private static async Task<uint> RowVersionAsync(LexomApp app, Guid id)
    {
        await using var db = app.OpenDb();
        return await db.Proposals.Where(p => p.Id == id).Select(p => EF.Property<uint>(p, ProposalConfiguration.Version)).SingleAsync();
    }

    private static async Task<int> RemindersAsync(LexomApp app)
    {
        await using var db = app.OpenDb();
        return await db.OutboxMessages.CountAsync(m => m.Kind == ReminderKind);
    }

    /// <summary><paramref name="count"/> proposals issued on 2 March 2026 (valid until 1 April) through « Émettre ».</summary>
    private static async Task<List<Guid>> IssuedAsync(LexomApp app, int count, string siret = "73282932000074")
    {
        var ids = await ProposalSteps.SeedDraftsAsync(app, count, siret);
        await IssueAsync(app, ids);
        return ids;
    }

    private static async Task IssueAsync(LexomApp app, IEnumerable<Guid> ids)
    {
        foreach (var id in ids)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ProposalIssuer>().IssueAsync(id, CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
        }
    }

    /// <summary>Complete drafts (RCL-RCL-02, 1 named participant × 1 190,00 €) written straight to the database.</summary>
}
