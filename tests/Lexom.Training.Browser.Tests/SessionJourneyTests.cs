using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.OrderChanges;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Lexom.Training.Browser.Tests;

/// <summary>
/// Issue 8 in a browser (A1, K1, LW2, M5): on Monday 2 March 2026, the day of a one-day session of RCL-RCL-02, its trainer
/// fills the émargement on a tablet, an admin closes the session, and the client downloads an attestation from its space,
/// which the tracking page then shows as « ouverte ».
/// </summary>
public sealed class SessionJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly PageGotoOptions Goto = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    [Fact]
    public async Task A1_K1_a_trainer_fills_the_attendance_on_a_tablet_an_admin_closes_the_session_and_the_client_downloads_the_attestation()
    {
        var day = OrderSeeds.D("2026-03-02");
        var order = await OrderSeeds.OrderAsync(app, day, day);
        var (trainerEmail, trainerPassword) = await app.CreateUserAsync(Roles.Trainer);
        var sessionId = await SessionAsync(order.Id, day, trainerEmail);

        // The trainer, on a tablet: the émargement of the day, Lucie Martin absent in the afternoon.
        var tablet = await app.NewPageAsync(768, 1024);
        await SignInAsync(tablet, trainerEmail, trainerPassword, "/gestion/sessions");
        await tablet.GotoAsync($"/gestion/sessions/{sessionId}/emargement?jour=2026-03-02", Goto);
        await Assertions.Expect(tablet.Locator("h1")).ToContainTextAsync("Émargement");
        foreach (var name in new[] { "Marie-Christine Dupont", "Jean-Baptiste Fontaine", "Lucie Martin" })
        {
            await tablet.GetByLabel($"{name} présent(e) le matin").CheckAsync();
            if (name != "Lucie Martin") await tablet.GetByLabel($"{name} présent(e) l'après-midi").CheckAsync();
        }
        await tablet.ScreenshotAsync("trainer-attendance-tablet");
        await tablet.AssertAccessibleAsync();
        // The form posts and comes back to the same address: wait for that navigation, registered before the click.
        var posted = tablet.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/emargement", StringComparison.Ordinal));
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'émargement du 02/03/2026" }).ClickAsync();
        await posted;
        // The flash message exists only on the page after the post: the assertions below wait on it, not on Playwright's load state.
        await Assertions.Expect(tablet.Locator(".flash-ok")).ToBeVisibleAsync();
        await Assertions.Expect(tablet.GetByLabel("Lucie Martin présent(e) l'après-midi")).Not.ToBeCheckedAsync();
        await Assertions.Expect(tablet.GetByLabel("Lucie Martin présent(e) le matin")).ToBeCheckedAsync();
        await Assertions.Expect(tablet.Locator("main")).ToContainTextAsync("absent(e)");

        // The admin closes the session: attestations, e-mails, final invoice; the tracking page.
        var admin = await app.NewPageAsync();
        var (adminEmail, adminPassword) = await app.CreateUserAsync(Roles.Admin);
        await SignInAsync(admin, adminEmail, adminPassword, "/gestion");
        await admin.GotoAsync($"/gestion/sessions/{sessionId}", Goto);
        await admin.ScreenshotAsync("staff-session-page");
        await admin.AssertAccessibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Clôturer la session" }).ClickAsync();
        await admin.WaitForPageAsync(url => url.EndsWith($"/gestion/sessions/{sessionId}/attestations", StringComparison.Ordinal));
        await Assertions.Expect(admin.Locator(".flash-ok")).ToContainTextAsync("Session clôturée : 3 attestations générées");
        await Assertions.Expect(admin.Locator("table.attestations tbody tr")).ToHaveCountAsync(3);
        await admin.ScreenshotAsync("staff-session-attestations");
        await admin.AssertAccessibleAsync();

        // The client downloads Lucie Martin's attestation from its space: a PDF with her name and her attended hours.
        var (clientEmail, clientPassword) = await ClientAccountAsync(order.ClientId);
        var client = await app.NewPageAsync();
        await SignInAsync(client, clientEmail, clientPassword, null);
        await client.GotoAsync($"/espace-client/commandes/{order.Id}", Goto);
        var link = client.Locator("a[href^='/espace-client/fichiers/']", new() { HasText = "lucie-martin" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await client.ScreenshotAsync("client-order-attestations");
        await client.AssertAccessibleAsync();
        var download = await client.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith("lucie-martin.pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Lucie Martin", text, StringComparison.Ordinal);
            Assert.Contains("RCL-RCL-02", text, StringComparison.Ordinal);
        }

        // The tracking page: Lucie Martin's attestation « ouverte ».
        await admin.GotoAsync($"/gestion/sessions/{sessionId}/attestations", Goto);
        await Assertions.Expect(admin.Locator("table.attestations tr", new() { HasText = "Lucie Martin" }).Locator("td.opened")).ToContainTextAsync("ouverte le 02/03/2026");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("ouvertes dans l'espace client : 1");
    }

    private static async Task SignInAsync(IPage page, string email, string password, string? landing)
    {
        await page.GotoAsync("/compte/connexion", Goto);
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        if (landing is not null) await page.WaitForPageAsync(url => url.EndsWith(landing, StringComparison.Ordinal));
        else await page.WaitForPageAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
    }

    /// <summary>A one-day INTER session of the order's dates, led by the trainer, with the order's three participants enrolled (written through the domain).</summary>
    private async Task<Guid> SessionAsync(Guid orderId, DateOnly day, string trainerEmail)
    {
        await using var db = app.OpenDb();
        var trainerId = await db.Users.Where(u => u.Email == trainerEmail).Select(u => u.Id).SingleAsync();
        var course = await db.Courses.SingleAsync(c => c.Reference == "RCL-RCL-02");
        var session = CourseSession.Plan(Guid.NewGuid(), course, SessionKind.Inter, null, day, day, "LEXOM, salle Tanargue, Aubenas (07)", day);
        session.AssignTrainer(trainerId, []);
        var order = await db.Orders.Include(o => o.Participants).SingleAsync(o => o.Id == orderId);
        foreach (var p in order.Participants) session.Enrol(Guid.NewGuid(), order, p.Id, day);
        db.CourseSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>The client's account (an invitation would give it), linked to its client.</summary>
    private async Task<(string Email, string Password)> ClientAccountAsync(Guid clientId)
    {
        var (email, password) = await app.CreateUserAsync(Roles.Client);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.ClientId = clientId;
        await users.UpdateAsync(user);
        return (email, password);
    }
}
