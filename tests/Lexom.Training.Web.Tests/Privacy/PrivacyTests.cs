using System.Net;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Audit;
using Lexom.Training.Web.Features.Privacy;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Opco;
using Lexom.Training.Web.Tests.Orders;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lexom.Training.Web.Tests.Privacy;

/// <summary>G2 (audit trail) and G3 (the person's rights) through the pages, over one app whose clock does not move.</summary>
public sealed class PrivacyTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task G2_a_change_is_audited_with_its_before_and_after_and_the_table_refuses_update_delete_and_truncate()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var requestId = await ProposalSteps.RequestAsync(app, 2, "Lucie Martin\nPaul Durand", "audit.change@client.example", PrivacySteps.Siret());
        using (var taken = await sales.PostFormAsync($"/gestion/demandes/{requestId}", $"/gestion/demandes/{requestId}/prendre"))
            Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);

        var created = Assert.Single(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.EntityType == "ProposalRequest" && e.EntityId == requestId.ToString() && e.Action == AuditAction.Created)));
        Assert.Null(created.UserId); // the public form: nobody signed in
        Assert.Contains("Lucie Martin", created.Changes, StringComparison.Ordinal);
        var changed = Assert.Single(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.EntityType == "ProposalRequest" && e.EntityId == requestId.ToString() && e.Action == AuditAction.Changed)));
        Assert.Equal(("Commercial", app.Clock.GetUtcNow()), (changed.UserRole, changed.At));
        Assert.StartsWith("sales-", changed.UserEmail, StringComparison.Ordinal);
        Assert.NotNull(changed.ClientId);
        using (var json = System.Text.Json.JsonDocument.Parse(changed.Changes!))
        {
            var status = json.RootElement.GetProperty("Status");
            Assert.Equal(("New", "InProgress"), (status.GetProperty("avant").GetString(), status.GetProperty("après").GetString()));
            Assert.False(json.RootElement.TryGetProperty("CourseId", out _)); // only the changed fields
        }

        // Never stored: password hashes and security stamps (the accounts), file bytes (the issued PDFs).
        using (var issuer = await app.SignedInAsync(Roles.Sales))
            await PrivacySteps.ClientWithProposalAsync(app, issuer, "secrets");
        var accounts = await PrivacySteps.AuditAsync(app, q => q.Where(e => e.EntityType == "AppUser"));
        Assert.NotEmpty(accounts);
        Assert.All(accounts, e => Assert.DoesNotContain("PasswordHash", e.Changes ?? "", StringComparison.Ordinal));
        Assert.All(accounts, e => Assert.DoesNotContain("SecurityStamp", e.Changes ?? "", StringComparison.Ordinal));
        var files = await PrivacySteps.AuditAsync(app, q => q.Where(e => e.EntityType == "StoredFile" && e.Action == AuditAction.Created));
        Assert.NotEmpty(files);
        Assert.All(files, e => Assert.Contains("Sha256", e.Changes, StringComparison.Ordinal));
        Assert.All(files, e => Assert.DoesNotContain("\"Content\"", e.Changes, StringComparison.Ordinal));

        // Append-only in the database: whatever the code, UPDATE, DELETE and TRUNCATE fail.
        await using var db = app.OpenDb();
        foreach (var sql in new[] { "UPDATE audit_entries SET detail = 'effacé'", "DELETE FROM audit_entries", "TRUNCATE audit_entries" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        Assert.Null(Assert.Single(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.Id == changed.Id))).Detail);
    }

    [Fact]
    public async Task G2_staff_views_and_downloads_are_audited_and_the_admin_searches_and_exports_them()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var person = await PrivacySteps.ClientWithProposalAsync(app, sales, "vue");
        await sales.GetPageAsync($"/gestion/clients/{person.ClientId}");
        using (var pdf = await sales.GetAsync($"/gestion/propositions/{person.ProposalId}/pdf"))
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var missing = Guid.NewGuid();
        await sales.GetPageAsync($"/gestion/clients/{missing}", HttpStatusCode.NotFound);

        var viewed = Assert.Single(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.Action == AuditAction.Viewed && e.EntityType == "Client" && e.EntityId == person.ClientId.ToString())));
        Assert.Equal((person.ClientId, "Commercial"), (viewed.ClientId!.Value, viewed.UserRole));
        var downloaded = Assert.Single(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.Action == AuditAction.Downloaded && e.EntityId == person.ProposalId.ToString())));
        Assert.Equal(("Proposal", person.ClientId), (downloaded.EntityType, downloaded.ClientId!.Value));
        Assert.Empty(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.EntityId == missing.ToString())));

        // The admin's search: by client and action, by person; paging; CSV.
        using var admin = await app.SignedInAsync(Roles.Admin);
        var page = await admin.GetPageAsync($"/gestion/audit?client={person.ClientId}&entite=Client&action=Viewed");
        Assert.Contains("1 ligne", page, StringComparison.Ordinal);
        Assert.Contains(viewed.UserEmail!, page, StringComparison.Ordinal);
        Assert.Contains("consultation", page, StringComparison.Ordinal);
        Assert.Contains("0 ligne", await admin.GetPageAsync("/gestion/audit?personne=personne-inconnue"), StringComparison.Ordinal);
        var byPerson = await admin.GetPageAsync($"/gestion/audit?personne={Uri.EscapeDataString(viewed.UserEmail!)}&entite=Proposal&action=Downloaded");
        Assert.Contains("1 ligne", byPerson, StringComparison.Ordinal);
        Assert.Contains("0 ligne", await admin.GetPageAsync($"/gestion/audit?client={person.ClientId}&du=2026-03-03"), StringComparison.Ordinal);
        Assert.Contains("1 ligne", await admin.GetPageAsync($"/gestion/audit?client={person.ClientId}&entite=Client&action=Viewed&du=2026-03-02&au=2026-03-02&page=abc"), StringComparison.Ordinal);
        using (var csv = await admin.GetAsync($"/gestion/audit/export.csv?client={person.ClientId}&entite=Client&action=Viewed"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("Date;Heure (Paris);Utilisateur", lines[0], StringComparison.Ordinal);
            Assert.Contains($";consultation;Client;{person.ClientId};", lines[1], StringComparison.Ordinal);
        }

        // Administrators only.
        using var forbidden = await sales.GetAsync("/gestion/audit");
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("/compte/acces-refuse", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task G3_the_export_is_a_zip_of_json_and_csv_with_the_clients_own_data_and_never_another_clients()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var a = await PrivacySteps.ClientWithProposalAsync(app, sales, "alpha");
        var b = await PrivacySteps.ClientWithProposalAsync(app, sales, "beta");
        string numberA, numberB;
        await using (var db = app.OpenDb())
        {
            numberA = (await db.Proposals.SingleAsync(p => p.Id == a.ProposalId)).Number!.ToString();
            numberB = (await db.Proposals.SingleAsync(p => p.Id == b.ProposalId)).Number!.ToString();
        }
        using var clientA = await OrderSteps.ClientSignedInAsync(app, a.Email);
        Assert.Contains("Télécharger mes données", await clientA.GetPageAsync("/espace-client/mes-donnees"), StringComparison.Ordinal);
        var files = await PrivacySteps.ZipAsync(clientA, "/espace-client/mes-donnees/export.zip");

        foreach (var name in new[] { "donnees.json", "client.csv", "comptes.csv", "demandes.csv", "propositions.csv", "participants.csv", "commandes.csv", "factures.csv", "paiements.csv", "consentements.csv", "demandes_rgpd.csv", "journal.csv" })
            Assert.True(files.ContainsKey(name), name);
        using (var json = System.Text.Json.JsonDocument.Parse(files["donnees.json"]))
        {
            var client = Assert.Single(json.RootElement.GetProperty("client").EnumerateArray().ToList());
            Assert.Equal((a.Siret, a.Email), (client.GetProperty("siret").GetString(), client.GetProperty("email").GetString()));
            Assert.Equal(numberA, Assert.Single(json.RootElement.GetProperty("propositions").EnumerateArray().ToList()).GetProperty("numero").GetString());
        }
        Assert.Contains(a.Email, files["comptes.csv"], StringComparison.Ordinal);
        Assert.Contains("Marie-Christine Dupont", files["participants.csv"], StringComparison.Ordinal);
        Assert.Contains(numberA, files["propositions.csv"], StringComparison.Ordinal);
        Assert.StartsWith("type;nom;siret", files["client.csv"], StringComparison.Ordinal);
        var everything = string.Concat(files.Values);
        foreach (var other in new[] { b.Email, b.Siret, numberB, b.ClientId.ToString(), b.ProposalId.ToString() })
            Assert.DoesNotContain(other, everything, StringComparison.Ordinal);

        // Logged as an access request answered at once, and audited as an export.
        await using (var db = app.OpenDb())
        {
            var request = await db.Set<PrivacyRequest>().SingleAsync(r => r.ClientId == a.ClientId);
            Assert.Equal((PrivacyRequestKind.Access, PrivacyRequestStatus.Done, new DateOnly(2026, 3, 2)), (request.Kind, request.Status, request.AnsweredOn!.Value));
        }
        Assert.Single(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.ClientId == a.ClientId && e.Action == AuditAction.Exported)));

        // The admin's export of B: B's data only.
        using var admin = await app.SignedInAsync(Roles.Admin);
        var adminFiles = await PrivacySteps.ZipAsync(admin, $"/gestion/rgpd/clients/{b.ClientId}/export.zip");
        Assert.Contains(b.Email, adminFiles["client.csv"], StringComparison.Ordinal);
        Assert.DoesNotContain(a.Email, string.Concat(adminFiles.Values), StringComparison.Ordinal);
        // A client never reaches the staff export.
        using var refused = await clientA.GetAsync($"/gestion/rgpd/clients/{b.ClientId}/export.zip");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task G3_rectification_by_the_client_is_saved_with_its_before_and_after_and_bad_input_gets_a_french_message()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var person = await PrivacySteps.ClientWithProposalAsync(app, sales, "rectif");
        using var client = await OrderSteps.ClientSignedInAsync(app, person.Email);
        (string, string)[] form = [("ContactName", "Marie Dupont-Fontaine"), ("Phone", "04 75 99 99 99"), ("AddressLine1", "2 rue Neuve"), ("AddressLine2", ""), ("PostalCode", "07200"), ("City", "Aubenas")];
        using (var saved = await client.PostFormAsync("/espace-client/mes-donnees", "/espace-client/mes-donnees/coordonnees", form))
            Assert.Equal("/espace-client/mes-donnees", saved.Headers.Location!.OriginalString);
        await using (var db = app.OpenDb())
        {
            var c = await db.Clients.SingleAsync(x => x.Id == person.ClientId);
            Assert.Equal(("Marie Dupont-Fontaine", "04 75 99 99 99", "2 rue Neuve", "Aubenas", person.Siret), (c.ContactName, c.Phone!, c.BillingAddress.Line1, c.BillingAddress.City, c.Siret!));
        }
        var change = Assert.Single(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.EntityType == "Client" && e.ClientId == person.ClientId && e.Action == AuditAction.Changed)));
        Assert.Equal("Client", change.UserRole);
        using (var json = System.Text.Json.JsonDocument.Parse(change.Changes!))
        {
            var phone = json.RootElement.GetProperty("Phone");
            Assert.Equal(("04 75 00 00 01", "04 75 99 99 99"), (phone.GetProperty("avant").GetString(), phone.GetProperty("après").GetString()));
            Assert.Equal("Aubenas", json.RootElement.GetProperty("BillingAddress.City").GetProperty("après").GetString());
        }

        form[4] = ("PostalCode", "ABC");
        using (var bad = await client.PostFormAsync("/espace-client/mes-donnees", "/espace-client/mes-donnees/coordonnees", form))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Le code postal n'est pas valide", await TestClient.BodyAsync(bad), StringComparison.Ordinal);
        }
        await using (var db = app.OpenDb())
            Assert.Equal("07200", (await db.Clients.SingleAsync(x => x.Id == person.ClientId)).BillingAddress.PostalCode);
    }

    [Fact]
    public async Task G3_restriction_freezes_the_clients_data_with_a_banner_on_the_staff_pages_until_it_is_lifted()
    {
        var requestId = await ProposalSteps.RequestAsync(app, 1, "Lucie Martin", "gel@client.example", PrivacySteps.Siret());
        var other = await ProposalSteps.RequestAsync(app, 1, "Paul Durand", "libre@client.example", PrivacySteps.Siret());
        Guid clientId;
        await using (var db = app.OpenDb())
            clientId = await db.ProposalRequests.Where(r => r.Id == requestId).Select(r => r.ClientId).SingleAsync();
        using var admin = await app.SignedInAsync(Roles.Admin);
        using (var restricted = await admin.PostFormAsync($"/gestion/rgpd/clients/{clientId}", $"/gestion/rgpd/clients/{clientId}/limitation", ("limiter", "true"), ("motif", "Exactitude contestée")))
            Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);

        using var sales = await app.SignedInAsync(Roles.Sales);
        const string banner = "Traitement limité (RGPD)";
        Assert.Contains(banner, await sales.GetPageAsync($"/gestion/clients/{clientId}"), StringComparison.Ordinal);
        Assert.Contains(banner, await sales.GetPageAsync($"/gestion/demandes/{requestId}"), StringComparison.Ordinal);
        Assert.DoesNotContain(banner, await sales.GetPageAsync($"/gestion/demandes/{other}"), StringComparison.Ordinal);

        // A write is refused with the French sentence, nothing changes.
        using (var refused = await sales.PostFormAsync($"/gestion/demandes/{requestId}", $"/gestion/demandes/{requestId}/prendre"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains(PrivacyGuard.RestrictedMessage, await sales.GetPageAsync(refused.Headers.Location!.OriginalString), StringComparison.Ordinal);
        }
        await using (var db = app.OpenDb())
            Assert.Equal(Domain.Requests.RequestStatus.New, (await db.ProposalRequests.SingleAsync(r => r.Id == requestId)).Status);
        Assert.Single(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.ClientId == clientId && e.Action == AuditAction.Restricted)));

        // Lifted: the same write goes through, the banner is gone.
        using (await admin.PostFormAsync($"/gestion/rgpd/clients/{clientId}", $"/gestion/rgpd/clients/{clientId}/limitation", ("limiter", "false"))) { }
        using (var taken = await sales.PostFormAsync($"/gestion/demandes/{requestId}", $"/gestion/demandes/{requestId}/prendre"))
            Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        await using (var db = app.OpenDb())
            Assert.Equal(Domain.Requests.RequestStatus.InProgress, (await db.ProposalRequests.SingleAsync(r => r.Id == requestId)).Status);
        Assert.DoesNotContain(banner, await sales.GetPageAsync($"/gestion/clients/{clientId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task G3_LW5_erasure_is_refused_while_money_is_due_then_anonymises_and_the_invoices_keep_their_numbers_amounts_and_pdf()
    {
        var s = await MoneySeeds.OrderAsync(app, new(2026, 2, 2), new(2026, 2, 23), new(2026, 2, 24),
            async (o, n) => await MoneySeeds.CompleteWithFinalInvoiceAsync(o, n, new(2026, 2, 25)), clientName: "Effacement SARL");
        using var admin = await app.SignedInAsync(Roles.Admin);
        var page = $"/gestion/rgpd/clients/{s.ClientId}";
        Assert.Contains("Une somme reste due (2 998,80 €)", await admin.GetPageAsync(page), StringComparison.Ordinal);
        using (var refused = await admin.PostFormAsync("/gestion/rgpd", $"{page}/effacement"))
            Assert.Contains("Une somme reste due", await admin.GetPageAsync(refused.Headers.Location!.OriginalString), StringComparison.Ordinal);
        await using (var db = app.OpenDb())
            Assert.Equal(s.Email, (await db.Clients.SingleAsync(c => c.Id == s.ClientId)).Email);

        await MoneySeeds.PayAsync(app, s.OrderId, o => o.Invoices.Single(i => i.Kind == InvoiceKind.Final), 2998.80m, new(2026, 3, 1));
        var before = await MoneySeeds.LoadAsync(app, s.OrderId);
        using (var erased = await admin.PostFormAsync(page, $"{page}/effacement"))
            Assert.Contains("Données anonymisées", await admin.GetPageAsync(erased.Headers.Location!.OriginalString), StringComparison.Ordinal);

        await using (var db = app.OpenDb())
        {
            var c = await db.Clients.SingleAsync(x => x.Id == s.ClientId);
            Assert.Equal(("Effacement SARL", Anonymiser.ContactName, Anonymiser.EmailOf(s.ClientId), (string?)null), (c.Name, c.ContactName, c.Email, c.Phone));
            Assert.NotNull(c.Siret); // the company's legal identity stays (LW5)
            Assert.Empty(await db.Clients.Where(x => x.Email == s.Email).ToListAsync());
        }
        var after = await MoneySeeds.LoadAsync(app, s.OrderId);
        Assert.All(after.Participants, p => Assert.Equal(Anonymiser.ParticipantName, p.Name));
        Assert.Equal(before.Invoices.Select(i => (i.Number.ToString(), i.Ttc.Amount, i.Paid.Amount)).OrderBy(x => x.Item1),
            after.Invoices.Select(i => (i.Number.ToString(), i.Ttc.Amount, i.Paid.Amount)).OrderBy(x => x.Item1));
        var final = after.Invoices.Single(i => i.Kind == InvoiceKind.Final);
        using (var pdf = await admin.GetAsync($"/gestion/factures/{final.Id}/pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            var text = ProposalSteps.PdfText(await pdf.Content.ReadAsByteArrayAsync());
            Assert.Contains(final.Number.ToString(), text, StringComparison.Ordinal);
            Assert.Contains("2 998,80", text, StringComparison.Ordinal);
            Assert.Contains("Effacement SARL", text, StringComparison.Ordinal);
        }
        var line = Assert.Single(await PrivacySteps.AuditAsync(app, q => q.Where(e => e.ClientId == s.ClientId && e.Action == AuditAction.Anonymised)));
        Assert.Equal("Administrateur", line.UserRole);
    }

    [Fact]
    public async Task G3_a_request_from_the_client_space_is_listed_with_its_one_month_deadline_and_answered_by_an_admin()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var person = await PrivacySteps.ClientWithProposalAsync(app, sales, "demande");
        using var client = await OrderSteps.ClientSignedInAsync(app, person.Email);
        using (var bad = await client.PostFormAsync("/espace-client/mes-donnees", "/espace-client/mes-donnees/demande", ("Type", "autre"), ("Details", "")))
            Assert.Contains("Choisissez le type de demande.", await client.GetPageAsync(bad.Headers.Location!.OriginalString), StringComparison.Ordinal);
        using (var asked = await client.PostFormAsync("/espace-client/mes-donnees", "/espace-client/mes-donnees/demande", ("Type", "effacement"), ("Details", "Merci d'effacer mes données.")))
            Assert.Contains("Votre demande est enregistrée", await client.GetPageAsync(asked.Headers.Location!.OriginalString), StringComparison.Ordinal);

        using var admin = await app.SignedInAsync(Roles.Admin);
        var list = await admin.GetPageAsync("/gestion/rgpd");
        Assert.Contains("Merci d'effacer mes données.", list, StringComparison.Ordinal);
        Assert.Contains("<td>02/03/2026</td><td>02/04/2026", list.Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        PrivacyRequest request;
        await using (var db = app.OpenDb())
            request = await db.Set<PrivacyRequest>().SingleAsync(r => r.ClientId == person.ClientId && r.Kind == PrivacyRequestKind.Erasure);
        Assert.Equal(new DateOnly(2026, 4, 2), request.DueOn);

        // An order is open (the proposal accepted): the admin refuses, with the reason.
        using (var answered = await admin.PostFormAsync("/gestion/rgpd", $"/gestion/rgpd/demandes/{request.Id}/reponse", ("Outcome", "Commande en cours : effacement après la formation."), ("Refused", "true")))
            Assert.Equal("/gestion/rgpd", answered.Headers.Location!.OriginalString);
        await using (var db = app.OpenDb())
        {
            var done = await db.Set<PrivacyRequest>().SingleAsync(r => r.Id == request.Id);
            Assert.Equal((PrivacyRequestStatus.Refused, new DateOnly(2026, 3, 2)), (done.Status, done.AnsweredOn!.Value));
            Assert.NotNull(done.AnsweredBy);
            Assert.Equal(person.Email, (await db.Clients.SingleAsync(c => c.Id == person.ClientId)).Email);
        }
        Assert.Contains("Commande en cours : effacement après la formation.", await client.GetPageAsync("/espace-client/mes-donnees"), StringComparison.Ordinal);
        using var forbidden = await client.GetAsync("/gestion/rgpd");
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }
}
