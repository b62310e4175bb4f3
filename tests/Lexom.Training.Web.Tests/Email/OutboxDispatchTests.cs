using System.Net;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Web.Tests.Email;

/// <summary>
/// The outbox and its dispatcher against a real SMTP listener: outages, refusals, races, rollbacks and
/// crashes. The dispatcher is driven by hand and time by the fake clock (MaxAttempts = 3, back-off 30 s,
/// 1 min…). Each test starts from an empty outbox.
/// </summary>
public sealed class OutboxDispatchTests(MailApp app) : IClassFixture<MailApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await app.ResetMailAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_committed_message_is_sent_once_with_its_stable_message_id()
    {
        var row = await app.EnqueueAsync("simple@exemple.fr", "Objet accentué : « été » 120 €");
        Assert.Equal(OutboxStatus.Pending, row.Status);

        var round = await app.Dispatcher.DispatchOnceAsync();
        Assert.Equal(new Jobs.DispatchRound(1, 1, 0), round);

        var message = Assert.Single(app.Smtp.ReceivedBy("simple@exemple.fr"));
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Equal("Objet accentué : « été » 120 €", message.Subject);
        var sent = await app.RowAsync(row.Id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(app.Clock.GetUtcNow(), sent.SentAt);
        Assert.Null(sent.LeaseId);

        Assert.Equal(0, (await app.Dispatcher.DispatchOnceAsync()).Claimed);
        Assert.Single(app.Smtp.Received);
    }

    [Fact]
    public async Task With_smtp_down_for_a_while_the_message_is_delivered_once_the_listener_is_back_exactly_once()
    {
        await app.Smtp.StopAsync();
        var row = await app.EnqueueAsync("panne@exemple.fr");

        Assert.Equal(1, (await app.Dispatcher.DispatchOnceAsync()).Failed);
        var first = await app.RowAsync(row.Id);
        Assert.Equal(OutboxStatus.Pending, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), first.NextAttemptAt);
        Assert.Contains("injoignable", first.LastError, StringComparison.Ordinal);

        // Not due yet: nothing is tried.
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, (await app.Dispatcher.DispatchOnceAsync()).Claimed);

        // Still down 30 s later: the next wait doubles.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await app.Dispatcher.DispatchOnceAsync()).Failed);
        var second = await app.RowAsync(row.Id);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), second.NextAttemptAt);

        await app.Smtp.StartAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await app.Dispatcher.DispatchOnceAsync()).Sent);

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await app.Dispatcher.DispatchOnceAsync()).Claimed);
        var message = Assert.Single(app.Smtp.ReceivedBy("panne@exemple.fr"));
        Assert.Equal(row.MessageId, message.MessageId);
        var sent = await app.RowAsync(row.Id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(3, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task A_listener_that_rejects_gets_retries_then_failed_shown_to_staff_who_retry_it()
    {
        app.Smtp.Reject = true;
        var row = await app.EnqueueAsync("refus@exemple.fr", "Message refusé puis renvoyé");

        Assert.Equal(1, (await app.Dispatcher.DispatchOnceAsync()).Failed);
        Assert.Contains("554", (await app.RowAsync(row.Id)).LastError, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await app.Dispatcher.DispatchOnceAsync()).Failed);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await app.Dispatcher.DispatchOnceAsync()).Failed);

        var failed = await app.RowAsync(row.Id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await app.Dispatcher.DispatchOnceAsync()).Claimed);
        Assert.Empty(app.Smtp.Received);

        using var admin = await app.SignedInAsync(Roles.Admin);
        var list = await admin.GetPageAsync("/gestion/emails?etat=failed");
        Assert.Contains("Message refusé puis renvoyé", list, StringComparison.Ordinal);
        Assert.Contains("refus@exemple.fr", list, StringComparison.Ordinal);
        Assert.Contains("Échec", list, StringComparison.Ordinal);
        Assert.Contains("Refus du serveur SMTP (554)", list, StringComparison.Ordinal);
        Assert.Contains("Réessayer", list, StringComparison.Ordinal);

        app.Smtp.Reject = false;
        using var retry = await admin.PostFormAsync("/gestion/emails?etat=failed", $"/gestion/emails/{row.Id}/reessayer", Array.Empty<KeyValuePair<string, string>>());
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var queued = await app.RowAsync(row.Id);
        Assert.Equal(OutboxStatus.Pending, queued.Status);
        Assert.Equal(0, queued.Attempts);

        Assert.Equal(1, (await app.Dispatcher.DispatchOnceAsync()).Sent);
        var message = Assert.Single(app.Smtp.ReceivedBy("refus@exemple.fr"));
        Assert.Equal(row.MessageId, message.MessageId);
        var detail = await admin.GetPageAsync($"/gestion/emails/{row.Id}");
        Assert.Contains("Envoyé", detail, StringComparison.Ordinal);
        Assert.Contains(row.MessageId, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_dispatchers_racing_on_100_messages_deliver_each_exactly_once()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            for (var i = 0; i < 100; i++)
                outbox.Enqueue(new EmailRecipient($"course{i:000}@exemple.fr"), new EmailContent($"Message {i}", "<p>Bonjour</p>", "Bonjour"), "test");
            await db.SaveChangesAsync();
        }

        var first = app.Dispatcher;
        var second = app.NewDispatcher();
        var sent = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        Assert.Equal(100, sent.Sum());
        Assert.All(sent, s => Assert.True(s > 0, $"Un des deux répartiteurs n'a rien envoyé ({sent[0]} / {sent[1]})"));
        var ids = app.Smtp.Received.Select(m => m.MessageId!).ToList();
        Assert.Equal(100, ids.Count);
        Assert.Equal(100, ids.Distinct().Count());
        await using var check = app.OpenDb();
        Assert.Equal(100, await check.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1));
        Assert.Equal(ids.Order().ToList(), (await check.OutboxMessages.Select(m => m.MessageId).ToListAsync()).Order().ToList());

        static async Task<int> DrainAsync(Jobs.OutboxDispatcher dispatcher)
        {
            var total = 0;
            while (true)
            {
                var round = await dispatcher.DispatchOnceAsync();
                if (round.Claimed == 0) return total;
                total += round.Sent;
            }
        }
    }

    [Fact]
    public async Task A_rolled_back_transaction_sends_nothing()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>()
                .Enqueue(new EmailRecipient("annule@exemple.fr"), new EmailContent("Jamais envoyé", "<p>Non</p>", "Non"), "test");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, (await app.Dispatcher.DispatchOnceAsync()).Claimed);
        await using var check = app.OpenDb();
        Assert.Equal(0, await check.OutboxMessages.CountAsync());
        Assert.Empty(app.Smtp.Received);
    }

    [Fact]
    public async Task A_business_change_that_fails_takes_its_email_with_it()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var existing = await db.CatalogDomains.AsNoTracking().FirstAsync();
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>()
                .Enqueue(new EmailRecipient("echec@exemple.fr"), new EmailContent("Domaine créé", "<p>Oui</p>", "Oui"), "test");
            // Same name as an existing domain: the unique index refuses the whole SaveChanges.
            db.CatalogDomains.Add(new CatalogDomain(existing.Name, existing.Slug + "-bis", 99));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(0, (await app.Dispatcher.DispatchOnceAsync()).Claimed);
        await using var check = app.OpenDb();
        Assert.Equal(0, await check.OutboxMessages.CountAsync());
        Assert.Empty(app.Smtp.Received);
    }

    [Fact]
    public async Task A_message_claimed_by_a_dispatcher_killed_mid_send_is_sent_once_its_lease_expires()
    {
        var row = await app.EnqueueAsync("crash@exemple.fr");

        // A dispatcher claims the message, then its process dies: no outcome is ever recorded.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var claimed = await app.NewDispatcher().ClaimAsync(db, Guid.NewGuid(), CancellationToken.None);
            Assert.Equal(row.Id, Assert.Single(claimed).Id);
        }
        var leased = await app.RowAsync(row.Id);
        Assert.Equal(OutboxStatus.Sending, leased.Status);
        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(5), leased.LockedUntil);

        // While the lease holds, no other dispatcher touches it.
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, (await app.Dispatcher.DispatchOnceAsync()).Claimed);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await app.Dispatcher.DispatchOnceAsync()).Sent);
        var message = Assert.Single(app.Smtp.ReceivedBy("crash@exemple.fr"));
        Assert.Equal(row.MessageId, message.MessageId);
        var sent = await app.RowAsync(row.Id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task A_lease_that_expires_on_the_last_attempt_ends_as_failed()
    {
        var row = await app.EnqueueAsync("dernier@exemple.fr");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < 3; i++)
            {
                Assert.Single(await app.NewDispatcher().ClaimAsync(db, Guid.NewGuid(), CancellationToken.None));
                app.Clock.Advance(TimeSpan.FromMinutes(5));
            }
        }
        Assert.Equal(0, (await app.Dispatcher.DispatchOnceAsync()).Claimed);
        var failed = await app.RowAsync(row.Id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains("Envoi interrompu", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(app.Smtp.Received);
    }

    [Fact]
    public void Back_off_doubles_from_30_seconds_up_to_one_hour()
    {
        var d = app.Dispatcher;
        Assert.Equal(TimeSpan.FromSeconds(30), d.RetryDelay(1));
        Assert.Equal(TimeSpan.FromMinutes(1), d.RetryDelay(2));
        Assert.Equal(TimeSpan.FromMinutes(2), d.RetryDelay(3));
        Assert.Equal(TimeSpan.FromMinutes(32), d.RetryDelay(7));
        Assert.Equal(TimeSpan.FromHours(1), d.RetryDelay(8));
        Assert.Equal(TimeSpan.FromHours(1), d.RetryDelay(50));
    }

    [Fact]
    public async Task After_a_long_outage_staff_retry_every_failed_message_at_once()
    {
        app.Smtp.Reject = true;
        var rows = new[] { await app.EnqueueAsync("tous1@exemple.fr"), await app.EnqueueAsync("tous2@exemple.fr") };
        for (var i = 0; i < 3; i++)
        {
            await app.Dispatcher.DispatchOnceAsync();
            app.Clock.Advance(TimeSpan.FromHours(1));
        }
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Failed, app.RowAsync(r.Id).GetAwaiter().GetResult().Status));

        app.Smtp.Reject = false;
        using var admin = await app.SignedInAsync(Roles.Admin);
        Assert.Contains("Réessayer les 2 messages en échec", await admin.GetPageAsync("/gestion/emails"), StringComparison.Ordinal);
        using var retry = await admin.PostFormAsync("/gestion/emails", "/gestion/emails/reessayer-les-echecs", Array.Empty<KeyValuePair<string, string>>());
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Contains("2 messages remis en file d'envoi.", await admin.GetPageAsync("/gestion/emails"), StringComparison.Ordinal);

        Assert.Equal(2, (await app.Dispatcher.DispatchOnceAsync()).Sent);
        Assert.Single(app.Smtp.ReceivedBy("tous1@exemple.fr"));
        Assert.Single(app.Smtp.ReceivedBy("tous2@exemple.fr"));
    }

    [Theory]
    [InlineData("/gestion/emails")]
    [InlineData("/gestion/emails/00000000-0000-0000-0000-000000000001")]
    public async Task The_outbox_page_is_for_administrators_only(string url)
    {
        using (var anonymous = app.NewClient())
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/compte/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var sales = await app.SignedInAsync(Roles.Sales);
        using var refused = await sales.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/compte/acces-refuse", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_shows_the_html_in_a_sandbox_the_text_and_the_attachment()
    {
        var row = await EnqueueWithPdfAsync("apercu@exemple.fr");
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await admin.GetAsync($"/gestion/emails/{row.Id}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("sandbox=\"\" srcdoc=\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var page = TestClient.Readable(html);
        Assert.Contains("Version texte", page, StringComparison.Ordinal);
        Assert.Contains("document.pdf", page, StringComparison.Ordinal);
        Assert.Contains("En attente", page, StringComparison.Ordinal);

        using var file = await admin.GetAsync($"/gestion/emails/{row.Id}/pieces/0");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("%PDF-1.4 test"u8.ToArray(), await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task The_list_pages_25_messages_at_a_time()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
            for (var i = 0; i < 30; i++)
                outbox.Enqueue(new EmailRecipient($"page{i:00}@exemple.fr"), new EmailContent($"Paginé {i:00}", "<p>x</p>", "x"), "test");
            await db.SaveChangesAsync();
        }
        using var admin = await app.SignedInAsync(Roles.Admin);
        var first = await admin.GetPageAsync("/gestion/emails");
        Assert.Contains("30 messages", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 2", first, StringComparison.Ordinal);
        Assert.Equal(25, CountOf(first, "Paginé "));
        var second = await admin.GetPageAsync("/gestion/emails?page=2");
        Assert.Equal(5, CountOf(second, "Paginé "));

        static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
    }

    private async Task<OutboxMessage> EnqueueWithPdfAsync(string to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(new EmailRecipient(to),
            new EmailContent("Avec pièce jointe", "<p>Bonjour</p><script>alert(1)</script>", "Bonjour, texte seul",
                [EmailAttachment.Pdf("document.pdf", "%PDF-1.4 test"u8.ToArray())]), "test");
        await db.SaveChangesAsync();
        return row;
    }
}
