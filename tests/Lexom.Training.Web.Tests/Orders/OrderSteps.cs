using System.Net;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Lexom.Training.Web.Tests.Orders;

/// <summary>The steps of the order tests, as the client and the staff do them through the pages.</summary>
internal static class OrderSteps
{
    public const string Password = "une phrase de passe de client assez longue";

    /// <summary>A request of <paramref name="participants"/> (two named), prepared, given a place and issued; returns the proposal's id.</summary>
    public static async Task<Guid> IssuedProposalAsync(LexomApp app, TestClient sales, string email, string siret, int participants = 3)
    {
        var requestId = await ProposalSteps.RequestAsync(app, participants, "Marie-Christine Dupont\nJean-Baptiste Fontaine", email, siret);
        var id = await ProposalSteps.PrepareAsync(sales, requestId);
        var form = await ProposalSteps.FormOfAsync(sales, id);
        form["Place"] = "LEXOM, salle Tanargue, Aubenas (07)";
        using (var saved = await ProposalSteps.SaveAsync(sales, id, form))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var issued = await ProposalSteps.IssueAsync(sales, id))
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        return id;
    }

    /// <summary>The client account the issue created for <paramref name="email"/>, given a password (as the invitation does), signed in.</summary>
    public static async Task<TestClient> ClientSignedInAsync(LexomApp app, string email)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            if (user.PasswordHash is null)
            {
                Assert.True((await users.AddPasswordAsync(user, Password)).Succeeded);
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
            }
        }
        var client = app.NewClient();
        await client.LoginAsync(email, Password);
        return client;
    }

    /// <summary>The ids of the placeholder participants of a proposal (P1), to name at acceptance.</summary>
    public static async Task<List<Guid>> PlaceholdersAsync(LexomApp app, Guid proposalId)
    {
        await using var db = app.OpenDb();
        var proposal = await db.Proposals.AsNoTracking().Include(p => p.Participants).SingleAsync(p => p.Id == proposalId);
        return proposal.Participants.Where(p => p.IsPlaceholder).Select(p => p.Id).ToList();
    }

    /// <summary>Posts the online acceptance form of the client space.</summary>
    public static async Task<HttpResponseMessage> AcceptOnlineAsync(LexomApp app, TestClient client, Guid proposalId, string name = "Marie-Christine Dupont",
        string mention = "Bon pour accord", bool cgv = true)
    {
        var fields = new List<KeyValuePair<string, string>> { new("SignatoryName", name), new("Mention", mention) };
        if (cgv) fields.Add(new("CgvAccepted", "true"));
        var n = 0;
        foreach (var id in await PlaceholdersAsync(app, proposalId)) fields.Add(new($"Participants[{id}]", $"Participant nommé {++n}"));
        return await client.PostFormAsync($"/espace-client/propositions/{proposalId}", $"/espace-client/propositions/{proposalId}/accepter", fields);
    }

    public static async Task<HttpResponseMessage> RecordDepositAsync(TestClient staff, Guid orderId, string amount, string reference, string receivedOn = "2026-03-02", string method = "virement") =>
        await staff.PostFormAsync($"/gestion/commandes/{orderId}", $"/gestion/commandes/{orderId}/acompte",
            ("Amount", amount), ("ReceivedOn", receivedOn), ("Method", method), ("Reference", reference));

    /// <summary>A private individual's request through the public form (P6); returns the request's id.</summary>
    public static async Task<Guid> IndividualRequestAsync(LexomApp app, string name, string email)
    {
        var fields = new Dictionary<string, string>
        {
            ["Formation"] = "RCL-RCL-02", ["ClientKind"] = "particulier", ["CompanyName"] = "", ["Siret"] = "",
            ["VatNumber"] = "", ["ContactName"] = name, ["Email"] = email, ["Phone"] = "06 12 34 56 78",
            ["AddressLine1"] = "3 place de la Paix", ["AddressLine2"] = "", ["PostalCode"] = "07200", ["City"] = "Aubenas",
            ["Format"] = "inter", ["WishedStart"] = "2026-04-13", ["WishedDates"] = "", ["Place"] = "", ["ParticipantCount"] = "1",
            ["ParticipantNames"] = name, ["Message"] = "", ["Website"] = "", ["SubmissionKey"] = Guid.NewGuid().ToString(),
        };
        using var client = app.NewClient();
        using var response = await client.PostFormAsync("/demande-de-proposition?formation=RCL-RCL-02", "/demande-de-proposition", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.OpenDb();
        var normalized = Domain.Clients.Client.NormalizeEmail(email);
        var clientId = await db.Clients.Where(c => c.NormalizedEmail == normalized).Select(c => c.Id).SingleAsync();
        return await db.ProposalRequests.Where(r => r.ClientId == clientId).OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).FirstAsync();
    }

    /// <summary>A request turned into an issued proposal by the sales person (place added); returns the proposal's id.</summary>
    public static async Task<Guid> IssueFromRequestAsync(TestClient sales, Guid requestId)
    {
        var id = await ProposalSteps.PrepareAsync(sales, requestId);
        var form = await ProposalSteps.FormOfAsync(sales, id);
        form["Place"] = "LEXOM, salle Tanargue, Aubenas (07)";
        using (var saved = await ProposalSteps.SaveAsync(sales, id, form))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var issued = await ProposalSteps.IssueAsync(sales, id))
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        return id;
    }

    /// <summary>The smallest files each type check accepts.</summary>
    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    /// <summary>Posts the staff's paper acceptance form of a proposal with its files.</summary>
    public static async Task<HttpResponseMessage> PaperAcceptanceAsync(TestClient staff, Guid proposalId, string receivedOn,
        params (string Field, string FileName, string ContentType, byte[] Content)[] files) =>
        await staff.PostMultipartAsync($"/gestion/propositions/{proposalId}", $"/gestion/propositions/{proposalId}/acceptation-papier",
            [new("ReceivedOn", receivedOn)], files);

    /// <summary>The location's last segment, as a guid (a redirect to /…/{id}).</summary>
    public static Guid IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
    }

    public static async Task<MimeMessage> SingleMailAsync(LexomApp app, string kind, string recipient)
    {
        await using var db = app.OpenDb();
        var message = Assert.Single(await db.OutboxMessages.Where(m => m.Kind == kind && m.Recipient == recipient).ToListAsync());
        using var stream = new MemoryStream(message.Mime);
        return await MimeMessage.LoadAsync(stream);
    }

    public static async Task<byte[]> AttachmentAsync(MimeMessage mime, string fileName)
    {
        var part = Assert.Single(mime.Attachments.OfType<MimePart>(), a => a.FileName == fileName);
        using var bytes = new MemoryStream();
        await part.Content!.DecodeToAsync(bytes);
        return bytes.ToArray();
    }
}
