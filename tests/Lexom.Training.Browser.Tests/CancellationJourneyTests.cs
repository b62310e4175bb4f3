using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.OrderChanges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lexom.Training.Browser.Tests;

/// <summary>
/// X1, X3, LW4 in a browser: an admin records a client's written cancellation received on Monday 2 March 2026, 13 days before
/// a session starting on Sunday 15 March; the preview shows the whole price due with the clause cited; the confirmation
/// issues the indemnity invoice.
/// </summary>
public sealed class CancellationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{

    [Fact]
    public async Task X1_X3_LW4_an_admin_cancels_an_order_13_days_before_its_start_sees_the_whole_price_due_with_the_clause_and_the_indemnity_invoice()
    {
        var order = await OrderSeeds.OrderAsync(app, OrderSeeds.D("2026-03-15"), OrderSeeds.D("2026-03-16"));
        var (email, password) = await app.CreateUserAsync(Roles.Admin);
        var admin = await app.NewPageAsync();
        await admin.GotoAsync("/compte/connexion", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await admin.GetByLabel("Adresse e-mail").FillAsync(email);
        await admin.GetByLabel("Mot de passe").FillAsync(password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await admin.WaitForPageAsync(url => url.EndsWith("/gestion", StringComparison.Ordinal));

        // The order page: « Annuler la commande » opens the form of the written request (X1).
        await admin.GotoAsync($"/gestion/commandes/{order.Id}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(admin.Locator("h2#changements")).ToHaveTextAsync("Annulation, report et remboursements");
        await admin.Locator("summary", new() { HasText = "Annuler la commande" }).ClickAsync();
        var form = admin.Locator("form[action$='/annulation/apercu']");
        await form.GetByLabel("Motif", new() { Exact = true }).SelectOptionAsync("client");
        await form.GetByLabel("Demande écrite reçue le").FillAsync("2026-03-02");
        await form.GetByLabel("Lettre ou e-mail reçu (PDF, JPEG ou PNG, 10 Mo au plus)").SetInputFilesAsync(new FilePayload
        {
            Name = "lettre-annulation.pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
        });
        await admin.ScreenshotAsync("staff-order-cancellation-form");
        await admin.AssertAccessibleAsync();

        // The preview: the domain's decision, X3, with the amounts of worked example 1.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Voir les conséquences de l'annulation" }).ClickAsync();
        await admin.WaitForPageAsync(url => url.EndsWith("/annulation/apercu", StringComparison.Ordinal));
        var main = admin.Locator("main");
        await Assertions.Expect(admin.Locator("h2#decision")).ToHaveTextAsync("Décision : Le prix total est dû à titre d'indemnité");
        await Assertions.Expect(main).ToContainTextAsync("13 jours avant le début du 15/03/2026 (moins de 15 jours)");
        await Assertions.Expect(main).ToContainTextAsync("X3 (CGV 3.5, annulation)");
        var amounts = admin.Locator("#montants");
        await Assertions.Expect(amounts.Locator("tr", new() { HasText = "Dû au titre de la décision" })).ToContainTextAsync("4\u202f284,00\u00a0€");
        await Assertions.Expect(amounts.Locator("tr", new() { HasText = "Déjà versé par le client" })).ToContainTextAsync("1\u202f285,20\u00a0€");
        await Assertions.Expect(amounts.Locator("tr", new() { HasText = "À payer immédiatement" })).ToContainTextAsync("2\u202f998,80\u00a0€");
        await admin.ScreenshotAsync("staff-order-cancellation-preview");
        await admin.AssertAccessibleAsync();

        // « Confirmer »: the order is cancelled, the indemnity invoice FAC-2026-000001 is issued and listed.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'annulation" }).ClickAsync();
        await admin.WaitForPageAsync(url => url.EndsWith($"/gestion/commandes/{order.Id}", StringComparison.Ordinal));
        await Assertions.Expect(admin.Locator(".flash-ok")).ToContainTextAsync("Facture d'indemnité FAC-2026-000001 de 2\u202f998,80\u00a0€ émise.");
        await Assertions.Expect(admin.Locator(".status").First).ToHaveTextAsync("Annulée");
        await Assertions.Expect(admin.Locator("section#facturation tr", new() { HasText = "FAC-2026-000001" }))
            .ToContainTextAsync("2\u202f998,80\u00a0€");
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "facture-FAC-2026-000001.pdf" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#decisions")).ToContainTextAsync("X3 (CGV 3.5, annulation)");
        await admin.ScreenshotAsync("staff-order-cancelled");
        await admin.AssertAccessibleAsync();

        await using var db = app.OpenDb();
        var saved = await db.Orders.AsNoTracking().Include(o => o.Invoices).SingleAsync(o => o.Id == order.Id);
        Assert.Equal(OrderStatus.Cancelled, saved.Status);
        Assert.Equal(2998.80m, Assert.Single(saved.Invoices, i => i.Kind == InvoiceKind.Indemnity).Ttc.Amount);
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Recipient == order.Email && m.Kind == "commande-annulation"));
    }
}
