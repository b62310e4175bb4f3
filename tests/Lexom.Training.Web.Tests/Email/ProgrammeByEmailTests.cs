using System.Net;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Lexom.Training.Web.Tests.Email;

/// <summary>The business action that sends an e-mail today: a visitor asks for a course's programme.
/// The background dispatcher runs, woken by the save.</summary>
public sealed class ProgrammeByEmailTests(LiveMailApp app) : IClassFixture<LiveMailApp>
{
    private const string Course = "/formations/RCL-RCL-02";
    private const string Action = "/formations/RCL-RCL-02/programme-par-email";

    private async Task<int> RowsForAsync(string address)
    {
        await using var db = app.OpenDb();
        return await db.OutboxMessages.CountAsync(m => m.Recipient == address);
    }

    [Fact]
    public async Task The_course_page_offers_the_programme_by_email()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync(Course);
        Assert.Contains($"href=\"{Action}\">Recevoir le programme par e-mail</a>", page, StringComparison.Ordinal);
        var form = await client.GetPageAsync(Action);
        Assert.Contains($"action=\"{Action}\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_the_programme_sends_exactly_one_email_with_the_course_sheet_pdf()
    {
        const string address = "acheteuse.programme@exemple.fr";
        using var client = app.NewClient();

        using var response = await client.PostFormAsync(Action, Action, ("Email", address), ("Website", ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal(Action + "/envoye", location);
        var page = await client.GetPageAsync(location);
        Assert.Contains($"Le programme vous a été envoyé à {address}.", page, StringComparison.Ordinal);

        // Delivered by the background dispatcher, without waiting for a poll.
        var message = await app.Smtp.WaitForAsync(address);
        await using (var db = app.OpenDb())
        {
            var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == address);
            await WaitForStatusAsync(row.Id, OutboxStatus.Sent);
            Assert.Equal(row.MessageId, message.MessageId);
            Assert.Equal("programme", row.Kind);
        }

        Assert.Equal("Programme de la formation « CRM - fondamentaux et enjeux » (RCL-RCL-02)", message.Subject);
        Assert.Equal("formation@lexom.fr", message.From.Mailboxes.Single().Address);
        Assert.Contains("Vous avez demandé le programme de la formation « CRM - fondamentaux et enjeux » (référence RCL-RCL-02, 2 jours, 14 heures).", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://www.lexom.test/formations/RCL-RCL-02", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Déclaration d'activité n°", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vous avez demandé le programme de la formation « CRM - fondamentaux et enjeux »", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("LEXOM", message.HtmlBody, StringComparison.Ordinal);

        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("programme-RCL-RCL-02.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        Assert.True(pdf.Length > 1000);
        Assert.Equal("%PDF"u8.ToArray(), pdf.ToArray()[..4]);

        // Exactly one: nothing left to send, nothing else arrives.
        Assert.Equal(0, (await app.Dispatcher.DispatchOnceAsync()).Claimed);
        await Task.Delay(200);
        Assert.Single(app.Smtp.ReceivedBy(address));
        Assert.Equal(1, await RowsForAsync(address));
    }

    [Theory]
    [InlineData("", "Saisissez votre adresse e-mail.")]
    [InlineData("pas-une-adresse", "L'adresse e-mail n'est pas valide")]
    [InlineData("deux@adresses.fr, trois@adresses.fr", "L'adresse e-mail n'est pas valide")]
    [InlineData("nom@domaine", "L'adresse e-mail n'est pas valide")]
    public async Task An_invalid_address_is_refused_in_french_and_nothing_is_enqueued(string email, string expected)
    {
        using var client = app.NewClient();
        using var response = await client.PostFormAsync(Action, Action, ("Email", email), ("Website", ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.BodyAsync(response);
        Assert.Contains("Le formulaire n'a pas été enregistré", page, StringComparison.Ordinal);
        Assert.Contains(expected, page, StringComparison.Ordinal);
        Assert.Equal(0, await RowsForAsync(email));
        await using var db = app.OpenDb();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Recipient == email.Trim()));
    }

    [Fact]
    public async Task A_filled_honeypot_looks_sent_but_enqueues_nothing()
    {
        const string address = "robot@exemple.fr";
        using var client = app.NewClient();
        using var response = await client.PostFormAsync(Action, Action, ("Email", address), ("Website", "http://spam.example"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"Le programme vous a été envoyé à {address}.", page, StringComparison.Ordinal);
        Assert.Equal(0, await RowsForAsync(address));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = app.NewClient();
        using var response = await client.Http.PostAsync(Action, new FormUrlEncodedContent([new("Email", "sans-jeton@exemple.fr")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await RowsForAsync("sans-jeton@exemple.fr"));
    }

    [Fact]
    public async Task An_unknown_course_is_a_404()
    {
        using var client = app.NewClient();
        await client.GetPageAsync("/formations/XXX-000/programme-par-email", HttpStatusCode.NotFound);
    }

    private async Task WaitForStatusAsync(Guid id, OutboxStatus status)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await app.RowAsync(id)).Status == status) return;
            await Task.Delay(50);
        }
        Assert.Fail($"Le message {id} n'est jamais passé à l'état {status}");
    }
}

/// <summary>The rate limit of the public form, per IP address.</summary>
public sealed class ProgrammeByEmailRateLimitTests(RateLimitedMailApp app) : IClassFixture<RateLimitedMailApp>
{
    [Fact]
    public async Task Too_many_requests_from_one_address_get_the_french_429_page()
    {
        using var client = app.NewClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.PostFormAsync("/formations/RCL-RCL-02/programme-par-email", "/formations/RCL-RCL-02/programme-par-email", ("Email", $"limite{i}@exemple.fr"), ("Website", ""));
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        using var refused = await client.PostFormAsync("/formations/RCL-RCL-02/programme-par-email", "/formations/RCL-RCL-02/programme-par-email", ("Email", "limite2@exemple.fr"), ("Website", ""));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Trop de demandes", await TestClient.BodyAsync(refused), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null);
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.OutboxMessages.CountAsync());
    }
}
