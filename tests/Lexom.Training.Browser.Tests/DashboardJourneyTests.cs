using System.Runtime.CompilerServices;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lexom.Training.Browser.Tests;

/// <summary>An admin opens /gestion: the figures, the two charts drawn by the vendored Chart.js under the strict CSP, their tables.</summary>
public sealed class DashboardJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{

    [Fact]
    public async Task An_admin_reads_the_dashboard_with_its_charts_drawn_and_their_tables_without_any_csp_violation()
    {
        await SeedAsync();
        var (email, password) = await app.CreateUserAsync(Roles.Admin);
        var page = await app.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") problems.Add(message.Text);
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync("/compte/connexion", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForPageAsync(url => url.EndsWith("/gestion", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("canvas[data-drawn=true]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Acomptes en attente : 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Factures à payer : 1" })).ToBeVisibleAsync();
        // Something was drawn: the canvas of the invoiced HT has coloured pixels.
        var painted = await page.EvaluateAsync<int>(
            "() => { const c = document.getElementById('graphique-facture'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }");
        Assert.True(painted > 1000, $"Le graphique semble vide ({painted} pixels peints).");
        await page.ScreenshotAsync("staff-dashboard");
        await page.AssertAccessibleAsync();

        // The tables that stand for the charts.
        await page.GetByText("Tableau du chiffre d'affaires facturé par mois").ClickAsync();
        await page.GetByText("Tableau des encaissements par mois").ClickAsync();
        await Assertions.Expect(page.Locator("#tableau-facture")).ToContainTextAsync("février 2026");
        await Assertions.Expect(page.Locator("#tableau-encaisse")).ToContainTextAsync("1\u202f428,00\u00a0€");
        await page.ScreenshotAsync("staff-dashboard-tables");
        await page.AssertAccessibleAsync();

        Assert.True(problems.Count == 0, "Erreurs dans la console : " + string.Join(" | ", problems));
    }

    [Fact]
    public async Task The_dashboard_reads_well_on_a_phone()
    {
        await SeedAsync();
        var (email, password) = await app.CreateUserAsync(Roles.Sales);
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/compte/connexion", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForPageAsync(url => url.EndsWith("/gestion", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("canvas[data-drawn=true]")).ToHaveCountAsync(2);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"La page déborde de {overflow} px sur un téléphone");
        await page.ScreenshotAsync("staff-dashboard-phone");
        await page.AssertAccessibleAsync();
    }

    /// <summary>The orders below, once per fixture (xunit makes a new instance of the class for each test).</summary>
    private static readonly ConditionalWeakTable<BrowserApp, Task> Seeds = [];

    private Task SeedAsync() => Seeds.GetValue(app, SeedOrdersAsync);

    /// <summary>
    /// Orders of RCL-RCL-02 (1 428,00 € TTC, deposit 428,40 €) over several months of 2025 and 2026, one of them pending without
    /// its deposit, one with its final invoice unpaid. Today is 2 March 2026.
    /// </summary>
    private static async Task SeedOrdersAsync(BrowserApp app)
    {
        await using var db = app.OpenDb();
        var client = Client.Company(Guid.NewGuid(), "Coteaux de l'Ardèche SCA", "73282932000074", null, "Marie Dupont", "marie@coteaux.example", null,
            new PostalAddress("1245 route départementale 579", null, "07150", "Vallon-Pont-d'Arc"), app.Clock.GetUtcNow());
        db.Clients.Add(client);
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Reference == "RCL-RCL-02");
        var vatRates = await VatRates.TableAsync(db, CancellationToken.None);
        var n = 0;
        // The shadow properties of the mapping (ProposalConfiguration and OrderConfiguration are internal to the web project).
        const string courseReference = "CourseReference", position = "Position";

        Order NewOrder(DateOnly orderedOn, DateOnly startsOn)
        {
            n++;
            var proposal = Proposal.Draft(Guid.NewGuid(), PayerKind.Company, SalesChannel.Staff, TrainingKind.Inter, ProposalDrafts.Snapshot(course),
                Percentage.Of(30m), orderedOn, client.Id);
            proposal.AddParticipant(Guid.NewGuid(), "Lucie Martin");
            proposal.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", 1, Money.Euros(1190m));
            proposal.AddSession(startsOn, startsOn.AddDays(1));
            proposal.SetPlace("LEXOM, Aubenas");
            proposal.SetBillingAddress(client.BillingAddress.ToString());
            db.Proposals.Add(proposal);
            db.Entry(proposal).Property<string>(courseReference).CurrentValue = course.Reference;
            ProposalDrafts.KeepOrder(db, proposal);
            proposal.Issue(orderedOn, "CGV LEXOM 2026-01", vatRates, DocumentNumber.Create(DocumentKind.Proposal, 2026, n));
            proposal.Accept(orderedOn);
            var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, orderedOn);
            db.Orders.Add(order);
            db.Entry(order).Property<string>(courseReference).CurrentValue = course.Reference;
            for (var i = 0; i < order.Participants.Count; i++)
                db.Entry(order.Participants[i]).Property<int>(position).CurrentValue = i;
            return order;
        }

        void Completed(DateOnly orderedOn, DateOnly startsOn, DateOnly? finalPaidOn)
        {
            var order = NewOrder(orderedOn, startsOn);
            foreach (var kind in order.RequiredDocuments) order.RecordSignedDocument(kind, orderedOn, "scan signé");
            order.RecordDeposit(Guid.NewGuid(), DocumentNumber.Create(DocumentKind.DepositInvoice, 2026, n), orderedOn, Guid.NewGuid(),
                order.DepositAmount, orderedOn.AddDays(3), $"VIR-ACP-{n}", PaymentMethod.Transfer);
            order.Complete(order.EndsOn);
            var final = order.IssueFinalInvoice(Guid.NewGuid(), DocumentNumber.Create(DocumentKind.Invoice, 2026, n), order.EndsOn.AddDays(1));
            if (finalPaidOn is { } paidOn)
                order.RecordPayment(final.Id, Guid.NewGuid(), final.Ttc, paidOn, $"VIR-FAC-{n}");
        }

        Completed(new DateOnly(2025, 5, 5), new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 20));
        Completed(new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 6), new DateOnly(2025, 10, 30));
        Completed(new DateOnly(2025, 10, 13), new DateOnly(2025, 11, 17), new DateOnly(2025, 12, 10));
        Completed(new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 12), new DateOnly(2026, 2, 2));
        Completed(new DateOnly(2026, 1, 12), new DateOnly(2026, 2, 9), null);
        NewOrder(new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 16));
        await db.SaveChangesAsync();
    }
}
