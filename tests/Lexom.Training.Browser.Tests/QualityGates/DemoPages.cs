using System.Globalization;
using System.Net;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Seed;
using Lexom.Training.Web.Tests.OrderChanges;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Lexom.Training.Browser.Tests.QualityGates;

/// <summary>
/// What the demo of <c>./lexom run</c> holds once its accounts have used it for a while, as ids to fill the pages' routes:
/// the demo draft issued by the demo sales person and accepted online by the demo client (an order with its deposit invoice),
/// a private individual's request and the draft prepared from it, an order whose session is closed (final invoice,
/// attestations), an order funded by an OPCO, the demo trainer on a planned and on the closed session, an invitation link.
/// </summary>
internal sealed record DemoData(
    Guid IssuedProposalId,
    Guid DraftProposalId,
    Guid DemoOrderId,
    Guid DemoClientId,
    Guid RequestId,
    Guid RequestClientId,
    Guid ClosedOrderId,
    Guid OpcoOrderId,
    Guid PlannedSessionId,
    Guid ClosedSessionId,
    Guid FinalInvoiceId,
    Guid StaffFileId,
    Guid ClientFileId,
    Guid EmailWithAttachmentId,
    string InvitationUrl)
{
    public static readonly DateOnly PastStart = new(2026, 2, 23);
    public static readonly DateOnly PastEnd = new(2026, 2, 24);

    /// <summary>Seeds the demo's life through its pages (the staff and the client posting their forms) and, for a past session,
    /// straight into the database (planning refuses past dates), then closes that session through its page.</summary>
    public static async Task<DemoData> SeedAsync(BrowserApp app)
    {
        var admin = DemoSeeder.Accounts.Single(a => a.Role == Roles.Admin);
        var salesAccount = DemoSeeder.Accounts.Single(a => a.Role == Roles.Sales);
        var clientAccount = DemoSeeder.Accounts.Single(a => a.Role == Roles.Client);
        var trainerAccount = DemoSeeder.Accounts.Single(a => a.Role == Roles.Trainer);

        using var sales = app.NewHttpClient();
        await sales.LoginAsync(salesAccount.Email, salesAccount.Password);
        using var staff = app.NewHttpClient();
        await staff.LoginAsync(admin.Email, admin.Password);

        // « Émettre » the demo draft, then the demo client accepts it online and the deposit arrives.
        Guid issuedId, demoClientId;
        await using (var db = app.OpenDb())
        {
            var draft = await db.Proposals.AsNoTracking().SingleAsync(p => p.Status == ProposalStatus.Draft);
            (issuedId, demoClientId) = (draft.Id, draft.ClientId!.Value);
        }
        Redirected(await sales.PostFormAsync($"/gestion/propositions/{issuedId}", $"/gestion/propositions/{issuedId}/emettre"));

        using var client = app.NewHttpClient();
        await client.LoginAsync(clientAccount.Email, clientAccount.Password);
        var acceptance = new List<KeyValuePair<string, string>> { new("SignatoryName", "Claire Cliente"), new("Mention", "Bon pour accord"), new("CgvAccepted", "true") };
        await using (var db = app.OpenDb())
        {
            var proposal = await db.Proposals.AsNoTracking().Include(p => p.Participants).SingleAsync(p => p.Id == issuedId);
            acceptance.AddRange(proposal.Participants.Where(p => p.IsPlaceholder).Select(p => new KeyValuePair<string, string>($"Participants[{p.Id}]", "Paul Participant")));
        }
        var demoOrderId = IdFrom(await client.PostFormAsync($"/espace-client/propositions/{issuedId}", $"/espace-client/propositions/{issuedId}/accepter", acceptance));
        Redirected(await sales.PostFormAsync($"/gestion/commandes/{demoOrderId}", $"/gestion/commandes/{demoOrderId}/acompte",
            ("Amount", "856,80"), ("ReceivedOn", "2026-03-02"), ("Method", "virement"), ("Reference", "VIR SEPA DEMO 2026-03-02")));

        // A private individual asks for a proposal through the public form; the sales person prepares the draft.
        const string individual = "jeanne.particuliere@exemple.demo";
        using (var anonymous = app.NewHttpClient())
        {
            Redirected(await anonymous.PostFormAsync("/demande-de-proposition?formation=RCL-RCL-02", "/demande-de-proposition", new Dictionary<string, string>
            {
                ["Formation"] = "RCL-RCL-02", ["ClientKind"] = "particulier", ["CompanyName"] = "", ["Siret"] = "", ["VatNumber"] = "",
                ["ContactName"] = "Jeanne Particulière", ["Email"] = individual, ["Phone"] = "06 12 34 56 78", ["AddressLine1"] = "3 place de la Paix",
                ["AddressLine2"] = "", ["PostalCode"] = "07200", ["City"] = "Aubenas", ["Format"] = "inter", ["WishedStart"] = "2026-04-13",
                ["WishedDates"] = "", ["Place"] = "", ["ParticipantCount"] = "1", ["ParticipantNames"] = "Jeanne Particulière", ["Message"] = "",
                ["Website"] = "", ["SubmissionKey"] = Guid.NewGuid().ToString(),
            }));
        }
        Guid requestId, requestClientId;
        await using (var db = app.OpenDb())
        {
            var normalized = Domain.Clients.Client.NormalizeEmail(individual);
            requestClientId = await db.Clients.Where(c => c.NormalizedEmail == normalized).Select(c => c.Id).SingleAsync();
            requestId = await db.ProposalRequests.Where(r => r.ClientId == requestClientId).Select(r => r.Id).SingleAsync();
        }
        var draftId = IdFrom(await sales.PostFormAsync($"/gestion/demandes/{requestId}", $"/gestion/demandes/{requestId}/proposition"));

        // An order of 23–24 February whose session the demo trainer led, closed by the admin: final invoice, attestations (K1, M5).
        var closed = await OrderSeeds.OrderAsync(app, PastStart, PastEnd, OrderSeeds.D("2026-02-02"));
        var opco = await OrderSeeds.OrderAsync(app, OrderSeeds.D("2026-04-13"), OrderSeeds.D("2026-04-14"), opco: (2000m, 1000m));
        Guid closedSessionId, plannedSessionId;
        await using (var db = app.OpenDb())
        {
            var trainerId = await db.Users.Where(u => u.Email == trainerAccount.Email).Select(u => u.Id).SingleAsync();
            var course = await db.Courses.SingleAsync(c => c.Reference == CatalogSeeder.CrmReference);
            var session = CourseSession.Plan(Guid.NewGuid(), course, SessionKind.Inter, null, PastStart, PastEnd, "LEXOM, salle Tanargue, Aubenas (07)", OrderSeeds.D("2026-02-02"));
            session.AssignTrainer(trainerId, []);
            db.CourseSessions.Add(session);
            var order = await db.Orders.Include(o => o.Participants).SingleAsync(o => o.Id == closed.Id);
            foreach (var participant in order.Participants)
            {
                session.Enrol(Guid.NewGuid(), order, participant.Id, OrderSeeds.D("2026-02-10"));
                foreach (var day in new[] { PastStart, PastEnd })
                {
                    order.RecordAttendance(participant.Id, day, HalfDay.Morning, true);
                    order.RecordAttendance(participant.Id, day, HalfDay.Afternoon, true);
                }
            }
            await db.SaveChangesAsync();
            closedSessionId = session.Id;
            plannedSessionId = await db.CourseSessions.Where(s => s.Status == SessionStatus.Planned && s.StartsOn > PastEnd).OrderBy(s => s.StartsOn).Select(s => s.Id).FirstAsync();
            Redirected(await staff.PostFormAsync($"/gestion/sessions/{plannedSessionId}", $"/gestion/sessions/{plannedSessionId}/formateur", ("trainerId", trainerId.ToString())));
        }
        Redirected(await staff.PostFormAsync($"/gestion/sessions/{closedSessionId}", $"/gestion/sessions/{closedSessionId}/cloture"));

        // An invitation link as the first issued proposal e-mails it (ClientInvitations): the individual's account, no password yet.
        string invitation;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                UserName = individual, Email = individual, EmailConfirmed = false, DisplayName = "Jeanne Particulière",
                CreatedAt = app.Clock.GetUtcNow(), ClientId = requestClientId,
            };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Client)).Succeeded);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            invitation = $"/compte/invitation?email={Uri.EscapeDataString(individual)}&jeton={Uri.EscapeDataString(token)}";
        }

        await using (var db = app.OpenDb())
        {
            var finalInvoiceId = await db.Invoices.Where(i => i.Kind == InvoiceKind.Final).Select(i => i.Id).FirstAsync();
            var staffFileId = await db.StoredFiles.Where(f => f.OrderId == closed.Id && f.ContentType == "application/pdf").Select(f => f.Id).FirstAsync();
            var clientFileId = await db.StoredFiles.Where(f => f.ClientId == demoClientId && f.ContentType == "application/pdf").Select(f => f.Id).FirstAsync();
            Guid? withAttachment = null;
            foreach (var message in await db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).Select(m => new { m.Id, m.Mime }).ToListAsync())
            {
                using var stream = new MemoryStream(message.Mime);
                using var mime = await MimeMessage.LoadAsync(stream);
                if (!mime.Attachments.Any()) continue;
                withAttachment = message.Id;
                break;
            }
            return new DemoData(issuedId, draftId, demoOrderId, demoClientId, requestId, requestClientId, closed.Id, opco.Id, plannedSessionId,
                closedSessionId, finalInvoiceId, staffFileId, clientFileId, withAttachment ?? throw new InvalidOperationException("Aucun e-mail avec pièce jointe."),
                invitation);
        }
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Redirected(HttpResponseMessage response)
    {
        using (response)
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}, attendu 302");
    }

    private static Guid IdFrom(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}, attendu 302");
            var location = response.Headers.Location!.OriginalString;
            return Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
        }
    }
}
