using System.Net;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Orders;

/// <summary>
/// P3 at the acceptance: issued on 2 March, valid up to 1 April inclusive, refused on day 31. The clock moves,
/// so this class has its own host.
/// </summary>
public sealed class AcceptanceValidityTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task P3_accepted_on_day_30_refused_on_day_31_with_a_new_version_offered_that_reaches_the_staff_queue_once()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var onTime = await OrderSteps.IssuedProposalAsync(app, sales, "jour30@exemple.test", "94701201961406");
        var late = await OrderSteps.IssuedProposalAsync(app, sales, "jour31@exemple.test", "72541898230467");

        // Day 30: 1 April 2026 at 23:50, Paris time.
        app.Clock.SetUtcNow(Paris(2026, 4, 1, 23, 50));
        using (var client = await OrderSteps.ClientSignedInAsync(app, "jour30@exemple.test"))
        using (var accepted = await OrderSteps.AcceptOnlineAsync(app, client, onTime))
            Assert.StartsWith("/espace-client/commandes/", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Day 31: 2 April 2026, the proposal not yet marked expired by the nightly job: refused all the same.
        app.Clock.SetUtcNow(Paris(2026, 4, 2, 0, 10));
        using var lateClient = await OrderSteps.ClientSignedInAsync(app, "jour31@exemple.test");
        var page = TestClient.Readable(await lateClient.GetPageAsync($"/espace-client/propositions/{late}"));
        Assert.Contains("Cette offre a expiré", page, StringComparison.Ordinal);
        Assert.Contains("1er avril 2026 inclus", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Accepter la proposition", page, StringComparison.Ordinal);
        using (var refused = await lateClient.PostFormAsync($"/espace-client/propositions/{late}", $"/espace-client/propositions/{late}/accepter",
                   ("SignatoryName", "Marie-Christine Dupont"), ("Mention", "Bon pour accord"), ("CgvAccepted", "true")))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("a expiré le 01/04/2026 au soir ; elle ne peut plus être acceptée", await TestClient.BodyAsync(refused), StringComparison.Ordinal);
        }

        // The staff cannot record a paper acceptance received on day 31 either (P3) — only one received by 1 April.
        using var salesLater = await app.SignedInAsync(Roles.Sales); // the morning's session has ended
        using (var paperLate = await OrderSteps.PaperAcceptanceAsync(salesLater, late, "2026-04-02", ("SignedDocument", "signee.pdf", "application/pdf", OrderSteps.Pdf)))
            Assert.Equal($"/gestion/propositions/{late}", paperLate.Headers.Location!.OriginalString);
        await using (var db = app.OpenDb())
        {
            Assert.True(await db.Orders.AnyAsync(o => o.ProposalId == onTime));
            Assert.False(await db.Orders.AnyAsync(o => o.ProposalId == late));
            Assert.Equal(ProposalStatus.Issued, (await db.Proposals.SingleAsync(p => p.Id == late)).Status);
        }

        // « Demander une nouvelle version »: a request in the staff queue, handed to the sales person; twice = once.
        for (var i = 0; i < 2; i++)
        {
            using var asked = await lateClient.PostFormAsync($"/espace-client/propositions/{late}", $"/espace-client/propositions/{late}/nouvelle-version");
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }
        await using (var db = app.OpenDb())
        {
            var clientId = (await db.Proposals.SingleAsync(p => p.Id == late)).ClientId;
            var requests = await db.ProposalRequests.Where(r => r.ClientId == clientId).OrderBy(r => r.ReceivedAt).ToListAsync();
            Assert.Equal(2, requests.Count); // the original request and the new-version one
            var again = requests[^1];
            Assert.Equal(RequestStatus.InProgress, again.Status);
            Assert.NotNull(again.HandledBy);
            Assert.Contains("Nouvelle version demandée", again.Training.Message, StringComparison.Ordinal);
        }
        Assert.Contains("Votre demande de nouvelle version est transmise", TestClient.Readable(await lateClient.GetPageAsync($"/espace-client/propositions/{late}")), StringComparison.Ordinal);
    }

    private static DateTimeOffset Paris(int year, int month, int day, int hour, int minute) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), FrenchCulture.Paris), TimeSpan.Zero);
}
