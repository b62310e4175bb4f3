using Lexom.Training.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lexom.Training.Browser.Tests;

/// <summary>
/// A client asks for a proposal from the course page; the sales person takes it on, prepares and issues the
/// proposal; the client accepts it online on a phone; the sales person records the deposit and the order is confirmed.
/// </summary>
public sealed class ProposalRequestJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{

    [Fact]
    public async Task P1_P3_P4_C1_a_company_asks_for_a_proposal_the_sales_person_issues_it_the_client_accepts_online_and_the_deposit_confirms_the_order()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/formations/RCL-RCL-02", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator(".course-header").GetByRole(AriaRole.Link, new() { Name = "Demander une proposition" }).ClickAsync();
        await page.WaitForPageAsync(url => url.EndsWith("/demande-de-proposition?formation=RCL-RCL-02", StringComparison.Ordinal));

        // First a mistake: the SIRET's key is wrong, and the page says so next to the field.
        await page.GetByLabel("Raison sociale (entreprise)").FillAsync("Vignobles du Vivarais");
        await page.GetByLabel("SIRET (entreprise)").FillAsync("732 829 320 00075");
        await page.GetByLabel("Nom et prénom *").FillAsync("Camille Roux");
        await page.GetByLabel("E-mail *").FillAsync("camille.roux@vivarais.example");
        await page.GetByLabel("Adresse *", new() { Exact = true }).FillAsync("12 avenue de la Gare");
        await page.GetByLabel("Code postal *").FillAsync("07200");
        await page.GetByLabel("Ville *").FillAsync("Aubenas");
        await page.GetByLabel("Date de début souhaitée").FillAsync("2026-04-13");
        await page.GetByLabel("Nombre de participants *").FillAsync("3");
        await page.GetByLabel("Noms des participants, si vous les connaissez (un par ligne)").FillAsync("Camille Roux\nLéa Martin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Siret-err")).ToContainTextAsync("Le numéro SIRET n'est pas valide");
        await page.ScreenshotAsync("request-form-error");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("SIRET (entreprise)").FillAsync("732 829 320 00074");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await page.WaitForPageAsync(url => url.EndsWith("/demande-de-proposition/merci", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Merci, votre demande est bien enregistrée");
        await page.ScreenshotAsync("request-sent");
        await page.AssertAccessibleAsync();

        var (email, password) = await app.CreateUserAsync(Roles.Sales);
        var staff = await app.NewPageAsync();
        await staff.GotoAsync("/compte/connexion", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await staff.GetByLabel("Adresse e-mail").FillAsync(email);
        await staff.GetByLabel("Mot de passe").FillAsync(password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await staff.WaitForPageAsync(url => url.EndsWith("/gestion", StringComparison.Ordinal));
        await staff.GetByRole(AriaRole.Link, new() { Name = "Demandes de proposition" }).ClickAsync();
        await Assertions.Expect(staff.Locator("table")).ToContainTextAsync("Vignobles du Vivarais");
        await staff.ScreenshotAsync("staff-request-queue");
        await staff.AssertAccessibleAsync();

        await staff.Locator("table a").First.ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Je m'en occupe" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".flash-ok")).ToHaveTextAsync("Vous prenez en charge cette demande.");
        await staff.ScreenshotAsync("staff-request");
        await staff.AssertAccessibleAsync();

        await using (var db = app.OpenDb())
        {
            var request = await db.ProposalRequests.SingleAsync(r => db.Clients.Any(c => c.Id == r.ClientId && c.Siret == "73282932000074"));
            Assert.Equal(["Camille Roux", "Léa Martin"], request.Training.ParticipantNames);
            Assert.NotNull(request.HandledBy);
        }

        // The sales person prepares the proposal from the request, reads the domain's totals and issues it.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Préparer la proposition" }).ClickAsync();
        await staff.WaitForPageAsync(url => url.Contains("/gestion/propositions/", StringComparison.Ordinal));
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("4\u202f284,00\u00a0€");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("1\u202f285,20\u00a0€");
        await staff.ScreenshotAsync("staff-proposal-draft");
        await staff.AssertAccessibleAsync();

        // P1: no place yet for an INTER request without a session; the page says so, the sales person adds it.
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("Avant d'émettre, il manque");
        await staff.GetByLabel("Lieu", new() { Exact = true }).FillAsync("LEXOM, Aubenas (07)");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Émettre" })).ToBeVisibleAsync();

        await staff.GetByRole(AriaRole.Button, new() { Name = "Émettre" }).ClickAsync();
        await Assertions.Expect(staff.Locator("h1")).ToContainTextAsync("DEV-2026-000001");
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Télécharger le PDF" })).ToBeVisibleAsync();
        await staff.ScreenshotAsync("staff-proposal-issued");
        await staff.AssertAccessibleAsync();

        // The client follows the invitation of the e-mail, chooses a password and finds the proposal.
        string link;
        await using (var db = app.OpenDb())
        {
            var mail = await db.OutboxMessages.SingleAsync(m => m.Kind == "proposition-emise" && m.Recipient == "camille.roux@vivarais.example");
            using var stream = new MemoryStream(mail.Mime);
            var text = MimeKit.MimeMessage.Load(stream).TextBody ?? "";
            link = System.Text.RegularExpressions.Regex.Match(text, @"https?://\S+/compte/invitation\?\S+").Value;
        }
        Assert.NotEmpty(link);
        var client = await app.NewPageAsync(390, 844);
        await client.GotoAsync(new Uri(link).PathAndQuery, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await client.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("les vignes du vivarais en automne");
        await client.GetByLabel("Confirmez le mot de passe").FillAsync("les vignes du vivarais en automne");
        await client.ScreenshotAsync("client-invitation");
        await client.AssertAccessibleAsync();
        await client.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et ouvrir mon espace" }).ClickAsync();
        await client.WaitForPageAsync(url => url.EndsWith("/espace-client", StringComparison.Ordinal));
        await Assertions.Expect(client.Locator("main")).ToContainTextAsync("DEV-2026-000001");
        var overflow = await client.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"L'espace client déborde de {overflow} px sur un téléphone");
        await client.ScreenshotAsync("client-space-phone");
        await client.AssertAccessibleAsync();
    
        // P4 online: the client opens the proposal, names the third participant (P1), types the mention and accepts the CGV.
        await client.GetByRole(AriaRole.Link, new() { Name = "Accepter en ligne la proposition DEV-2026-000001" }).ClickAsync();
        await client.WaitForPageAsync(url => url.Contains("/espace-client/propositions/", StringComparison.Ordinal));
        await Assertions.Expect(client.Locator("h2#accepter")).ToHaveTextAsync("Accepter en ligne");
        await client.GetByLabel("Nom du participant « à confirmer » n° 1").FillAsync("Hugo Marchand");
        await client.GetByLabel("Vos nom et prénom").FillAsync("Camille Roux");
        await client.GetByLabel("Recopiez la mention « Bon pour accord »").FillAsync("Bon pour accord");
        await client.GetByLabel("J'ai lu et j'accepte les conditions générales de vente").CheckAsync();
        await client.ScreenshotAsync("client-acceptance-form");
        await client.AssertAccessibleAsync();
        await client.GetByRole(AriaRole.Button, new() { Name = "Accepter la proposition" }).ClickAsync();
        await client.WaitForPageAsync(url => url.Contains("/espace-client/commandes/", StringComparison.Ordinal));
        await Assertions.Expect(client.Locator(".flash-ok")).ToContainTextAsync("votre acceptation est enregistrée");
        await Assertions.Expect(client.Locator("main")).ToContainTextAsync("Il nous manque : l'acompte de 1\u202f285,20\u00a0€");
        await client.ScreenshotAsync("client-order-pending");
        await client.AssertAccessibleAsync();

        // The sales person finds the order from the proposal and records the deposit: C1, the order is confirmed.
        await staff.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await staff.GetByRole(AriaRole.Link, new() { Name = "voir la commande" }).ClickAsync();
        await staff.WaitForPageAsync(url => url.Contains("/gestion/commandes/", StringComparison.Ordinal));
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("Acceptée en ligne par Camille Roux");
        await staff.GetByLabel("Référence bancaire").FillAsync("VIR SEPA VIVARAIS 0302");
        await staff.ScreenshotAsync("staff-order-deposit");
        await staff.AssertAccessibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'acompte" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".flash-ok")).ToHaveTextAsync("Paiement de l'acompte enregistré.");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("Commande confirmée le 2 mars 2026");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("ACP-2026-000001");
        await staff.ScreenshotAsync("staff-order-confirmed");
        await staff.AssertAccessibleAsync();

        await client.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(client.Locator("main")).ToContainTextAsync("Commande confirmée le 2 mars 2026");
        await client.ScreenshotAsync("client-order-confirmed");
        await client.AssertAccessibleAsync();
    }
}
