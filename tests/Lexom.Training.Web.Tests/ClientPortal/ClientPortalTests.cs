using System.Net;
using System.Text.RegularExpressions;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lexom.Training.Web.Tests.ClientPortal;

/// <summary>Issue 6 item 4 (thin slice): the invitation sent with the issued proposal, and the client space.</summary>
public sealed partial class ClientPortalTests(LexomApp app) : IClassFixture<LexomApp>
{
    private const string GoodPassword = "les vignes de l'Ardèche en automne";

    [Fact]
    public async Task Issuing_invites_the_contact_who_chooses_a_password_sees_the_proposal_with_its_TTC_and_downloads_its_PDF()
    {
        const string email = "invitation@coteaux.example";
        using var sales = await app.SignedInAsync(Roles.Sales);
        var id = await IssueAsync(sales, email, "73282932000074");

        // One account, role Client, tied to the client, no password, e-mail not confirmed.
        await using (var db = app.OpenDb())
        {
            var account = Assert.Single(await db.Users.Where(u => u.Email == email).ToListAsync());
            var clientId = await db.Clients.Where(c => c.Email == email).Select(c => c.Id).SingleAsync();
            Assert.Equal(clientId, account.ClientId);
            Assert.Null(account.PasswordHash);
            Assert.False(account.EmailConfirmed);
            var roleId = await db.Roles.Where(r => r.Name == Roles.Client).Select(r => r.Id).SingleAsync();
            Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == account.Id && ur.RoleId == roleId));
        }

        var link = await InvitationLinkAsync(email);
        Assert.StartsWith("http://127.0.0.1:5080/compte/invitation?email=", link, StringComparison.Ordinal);

        using var client = app.NewClient();
        using (var accepted = await AcceptAsync(client, link, GoodPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            Assert.Equal("/espace-client", accepted.Headers.Location!.OriginalString);
        }
        await using (var db = app.OpenDb())
            Assert.True((await db.Users.SingleAsync(u => u.Email == email)).EmailConfirmed);

        string number;
        await using (var db = app.OpenDb())
            number = (await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id)).Number!.ToString();
        var space = await client.GetPageAsync("/espace-client");
        Assert.Contains("Mon espace", space, StringComparison.Ordinal);
        Assert.Contains(number, space, StringComparison.Ordinal);
        Assert.Contains("CRM - fondamentaux et enjeux (RCL-RCL-02)", space, StringComparison.Ordinal);
        Assert.Contains("02/03/2026", space, StringComparison.Ordinal);
        Assert.Contains("01/04/2026", space, StringComparison.Ordinal);
        Assert.Contains("Émise", space, StringComparison.Ordinal);
        Assert.Contains("4 284,00 €", space, StringComparison.Ordinal);
        Assert.Contains("1 285,20 €", space, StringComparison.Ordinal);

        using (var pdf = await client.GetAsync($"/espace-client/propositions/{id}/pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.Contains(number, ProposalSteps.PdfText(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }

        // The link has served: a second use is refused in French, without an error page.
        using var other = app.NewClient();
        var used = await other.GetPageAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Ce lien d'invitation n'est pas valable ou a déjà servi", used, StringComparison.Ordinal);

        // The staff pages still refuse a client.
        using (var staff = await client.GetAsync("/gestion"))
        {
            Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
            Assert.StartsWith("/compte/acces-refuse", staff.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }
        using (var staffPdf = await client.GetAsync($"/gestion/propositions/{id}/pdf"))
            Assert.Equal(HttpStatusCode.Redirect, staffPdf.StatusCode);

        // A second proposal for the same contact: no second account, the e-mail asks to sign in.
        var second = await IssueAsync(sales, email, "73282932000074");
        await using (var db = app.OpenDb())
        {
            Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email));
            var latest = await db.OutboxMessages.Where(m => m.Kind == "proposition-emise" && m.Recipient == email).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).ToListAsync();
            Assert.Equal(2, latest.Count);
            var bodies = await Task.WhenAll(latest.Select(m => TextAsync(m.Mime)));
            Assert.Single(bodies, b => b.Contains("/compte/invitation?", StringComparison.Ordinal));
            Assert.Single(bodies, b => b.Contains("en vous connectant :\nhttp://127.0.0.1:5080/compte/connexion", StringComparison.Ordinal));
        }
        Assert.Contains(second.ToString(), await client.GetPageAsync("/espace-client"), StringComparison.Ordinal);

        // Signing in again lands on the client space.
        using var again = app.NewClient();
        using var login = await again.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", email), ("Password", GoodPassword));
        Assert.Equal("/espace-client", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_client_never_sees_another_clients_proposal_and_gets_404_on_its_PDF_or_on_a_draft()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var a = await IssueAsync(sales, "client-a@isolation.example", "44306184100047");
        var b = await IssueAsync(sales, "client-b@isolation.example", "73282932000074", requestEmail: "client-b@isolation.example");
        using var clientA = app.NewClient();
        using (var accepted = await AcceptAsync(clientA, await InvitationLinkAsync("client-a@isolation.example"), GoodPassword))
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        string numberB;
        Guid draftA;
        await using (var db = app.OpenDb())
        {
            numberB = (await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == b)).Number!.ToString();
            var clientAId = (await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == a)).ClientId;
            var requestA = await ProposalSteps.RequestAsync(app, 1, "Une Personne", "client-a@isolation.example", "44306184100047");
            draftA = await ProposalSteps.PrepareAsync(sales, requestA);
            Assert.Equal(clientAId, (await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == draftA)).ClientId);
        }

        var space = await clientA.GetPageAsync("/espace-client");
        Assert.Contains($"/espace-client/propositions/{a}/pdf", space, StringComparison.Ordinal);
        Assert.DoesNotContain(numberB, space, StringComparison.Ordinal);
        Assert.DoesNotContain(b.ToString(), space, StringComparison.Ordinal);
        Assert.DoesNotContain(draftA.ToString(), space, StringComparison.Ordinal);

        using (var own = await clientA.GetAsync($"/espace-client/propositions/{a}/pdf"))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        foreach (var id in new[] { b, draftA, Guid.NewGuid() })
        {
            using var refused = await clientA.GetAsync($"/espace-client/propositions/{id}/pdf");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // Anonymous: sent to the sign-in page; staff: not a client, refused.
        using var anonymous = app.NewClient();
        using (var r = await anonymous.GetAsync($"/espace-client/propositions/{a}/pdf"))
            Assert.StartsWith("/compte/connexion", r.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        using (var r = await sales.GetAsync("/espace-client"))
            Assert.StartsWith("/compte/acces-refuse", r.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_common_password_and_a_tampered_token_are_refused_in_French_and_the_link_still_works_after()
    {
        const string email = "refus@mots-de-passe.example";
        using var sales = await app.SignedInAsync(Roles.Sales);
        await IssueAsync(sales, email, "44306184100047");
        var link = await InvitationLinkAsync(email);

        using var client = app.NewClient();
        using (var common = await AcceptAsync(client, link, "012345678910"))
        {
            Assert.Equal(HttpStatusCode.OK, common.StatusCode);
            Assert.Contains("Ce mot de passe figure parmi les plus courants", await TestClient.BodyAsync(common), StringComparison.Ordinal);
        }
        using (var shortOne = await AcceptAsync(client, link, "court"))
            Assert.Contains("au moins 12 caractères", await TestClient.BodyAsync(shortOne), StringComparison.Ordinal);

        var query = QueryHelpers.ParseQuery(new Uri(link).Query);
        var token = query["jeton"].ToString();
        var tampered = link.Replace(Uri.EscapeDataString(token), Uri.EscapeDataString("A" + token[1..] + "x"), StringComparison.Ordinal);
        Assert.NotEqual(link, tampered);
        Assert.Contains("Ce lien d'invitation n'est pas valable", await client.GetPageAsync(new Uri(tampered).PathAndQuery), StringComparison.Ordinal);
        using (var forged = await client.Http.PostAsync("/compte/invitation", new FormUrlEncodedContent([
            new("Email", email), new("Jeton", "A" + token[1..] + "x"), new("Password", GoodPassword), new("ConfirmPassword", GoodPassword),
            new("__RequestVerificationToken", TokenOf(await client.GetPageAsync(new Uri(link).PathAndQuery)))])))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("Ce lien d'invitation n'est pas valable", await TestClient.BodyAsync(forged), StringComparison.Ordinal);
        }
        await using (var db = app.OpenDb())
            Assert.Null((await db.Users.SingleAsync(u => u.Email == email)).PasswordHash);

        using (var good = await AcceptAsync(client, link, GoodPassword))
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
    }

    [Fact]
    public void The_invitation_link_lives_as_long_as_the_proposal_it_comes_with()
    {
        // Identity's tokens read the system clock, not the app's TimeProvider: the lifespan is checked as a setting.
        var options = app.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value;
        Assert.Equal(TimeSpan.FromDays(31), options.TokenLifespan);
    }

    [Fact]
    public async Task A_client_account_tied_to_no_client_sees_an_empty_space_with_a_sentence()
    {
        using var client = await app.SignedInAsync(Roles.Client);
        var space = await client.GetPageAsync("/espace-client");
        Assert.Contains("Votre compte n'est encore rattaché à aucun client", space, StringComparison.Ordinal);
        Assert.Contains("href=\"/espace-client\">Mon espace", space, StringComparison.Ordinal);
        using var pdf = await client.GetAsync($"/espace-client/propositions/{Guid.NewGuid()}/pdf");
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
    }

    /// <summary>A request from <paramref name="email"/>, prepared, given a place and issued by the sales person.</summary>
    private async Task<Guid> IssueAsync(TestClient sales, string email, string siret, string? requestEmail = null)
    {
        var requestId = await ProposalSteps.RequestAsync(app, 3, "Marie-Christine Dupont", requestEmail ?? email, siret);
        var id = await ProposalSteps.PrepareAsync(sales, requestId);
        var form = await ProposalSteps.FormOfAsync(sales, id);
        form["Place"] = "LEXOM, salle Tanargue, Aubenas (07)";
        using (var saved = await ProposalSteps.SaveAsync(sales, id, form))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var issued = await ProposalSteps.IssueAsync(sales, id))
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        return id;
    }

    /// <summary>The invitation link of the latest issued-proposal e-mail to <paramref name="email"/>.</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        await using var db = app.OpenDb();
        var messages = await db.OutboxMessages.Where(m => m.Kind == "proposition-emise" && m.Recipient == email).ToListAsync();
        foreach (var message in messages)
        {
            var match = LinkPattern().Match(await TextAsync(message.Mime));
            if (match.Success) return match.Value;
        }
        Assert.Fail($"Pas de lien d'invitation dans les e-mails à {email}");
        return "";
    }

    private static async Task<HttpResponseMessage> AcceptAsync(TestClient client, string link, string password)
    {
        var query = QueryHelpers.ParseQuery(new Uri(link).Query);
        return await client.PostFormAsync(new Uri(link).PathAndQuery, "/compte/invitation",
            ("Email", query["email"].ToString()), ("Jeton", query["jeton"].ToString()), ("Password", password), ("ConfirmPassword", password));
    }

    private static async Task<string> TextAsync(byte[] raw)
    {
        using var stream = new MemoryStream(raw);
        var mime = await MimeMessage.LoadAsync(stream);
        return TestClient.Readable(mime.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string TokenOf(string page) => TokenPattern().Match(page).Groups[1].Value;

    [GeneratedRegex(@"http://\S+/compte/invitation\?email=\S+&jeton=\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

internal static class UriExtensions
{
    /// <summary>The path and query of a Location header, relative or absolute.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
