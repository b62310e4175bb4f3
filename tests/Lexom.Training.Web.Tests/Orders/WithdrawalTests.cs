using System.Net;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Orders;

/// <summary>
/// P6, P7, LW1: a private individual receives a training contract, signs it online (a website order), sees the
/// withdrawal period and the day the deposit may be asked, and can withdraw within it. The clock moves: own host.
/// </summary>
public sealed class WithdrawalTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task P6_P7_LW1_an_individual_signs_the_training_contract_online_is_asked_nothing_for_14_days_and_withdraws_on_day_8()
    {
        const string email = "lucie.martin@exemple.test";
        using var sales = await app.SignedInAsync(Roles.Sales);
        var proposalId = await OrderSteps.IssueFromRequestAsync(sales, await OrderSteps.IndividualRequestAsync(app, "Lucie Martin", email));

        // P6: the contract, not a proposal, is e-mailed and offered in the client space.
        var mail = await OrderSteps.SingleMailAsync(app, "proposition-emise", email);
        Assert.StartsWith("Contrat de formation DEV-2026-", mail.Subject, StringComparison.Ordinal);
        var contract = ProposalSteps.PdfText(await OrderSteps.AttachmentAsync(mail, mail.Attachments.OfType<MimeKit.MimePart>().Single().FileName!));
        Assert.Contains("Contrat de formation professionnelle", contract, StringComparison.Ordinal);
        Assert.Contains("rétractation", contract, StringComparison.Ordinal);
        Assert.Contains("quatorze (14) jours", contract, StringComparison.Ordinal); // P7: the request came from the website
        using var client = await OrderSteps.ClientSignedInAsync(app, email);
        Assert.Contains("Signer le contrat", await client.GetPageAsync($"/espace-client/propositions/{proposalId}"), StringComparison.Ordinal);

        using (var signed = await OrderSteps.AcceptOnlineAsync(app, client, proposalId, name: "Lucie Martin"))
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Guid orderId;
        await using (var db = app.OpenDb())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.ProposalId == proposalId);
            orderId = order.Id;
            Assert.Equal(PayerKind.PrivateIndividual, order.PayerKind);
            Assert.Equal(SalesChannel.Website, order.Channel);
            Assert.Equal([SignedDocumentKind.TrainingContract, SignedDocumentKind.Cgv], order.SignedDocuments.Select(d => d.Kind));
        }

        // P7 + LW1: ordered and signed on 2 March: withdrawal up to 16 March, deposit from 17 March — said to both.
        var clientPage = TestClient.Readable(await client.GetPageAsync($"/espace-client/commandes/{orderId}"));
        Assert.Contains("jusqu'au <strong>16 mars 2026</strong> inclus", clientPage, StringComparison.Ordinal);
        Assert.Contains("qu'à partir du <strong>17 mars 2026</strong>", clientPage, StringComparison.Ordinal);
        Assert.Contains("Je me rétracte", clientPage, StringComparison.Ordinal);
        var staffPage = TestClient.Readable(await sales.GetPageAsync($"/gestion/commandes/{orderId}"));
        Assert.Contains("L'acompte peut être demandé à partir du <strong>17 mars 2026</strong>", staffPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer l'acompte", staffPage, StringComparison.Ordinal);
        Assert.Contains("rétractation possible jusqu'au 16/03/2026", TestClient.Readable((await OrderSteps.SingleMailAsync(app, "commande-acceptation", email)).TextBody ?? ""), StringComparison.Ordinal);

        // No sum can be asked during the period: a deposit posted anyway is refused with the rule, and nothing is numbered.
        using (var early = await OrderSteps.RecordDepositAsync(sales, orderId, "428,40", "VIR-TROP-TOT"))
            Assert.Contains("aucune somme ne peut être demandée avant le 17/03/2026", await TestClient.BodyAsync(early), StringComparison.Ordinal);
        await using (var db = app.OpenDb())
            Assert.Empty((await db.Orders.AsNoTracking().Include(o => o.Invoices).SingleAsync(o => o.Id == orderId)).Invoices);

        // Day 8: « Je me rétracte »; a second click changes nothing; the acknowledgement leaves once.
        app.Clock.SetUtcNow(LexomApp.DefaultNow.AddDays(8));
        using var later = await OrderSteps.ClientSignedInAsync(app, email);
        using (var unconfirmed = await later.PostFormAsync($"/espace-client/commandes/{orderId}", $"/espace-client/commandes/{orderId}/retractation"))
            Assert.Contains("Cochez la case pour confirmer votre rétractation.", TestClient.Readable(await later.GetPageAsync(unconfirmed.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        await using (var db = app.OpenDb())
            Assert.Equal(OrderStatus.PendingSignatureAndDeposit, (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)).Status);
        for (var i = 0; i < 2; i++)
        {
            using var withdrawn = await later.PostFormAsync($"/espace-client/commandes/{orderId}", $"/espace-client/commandes/{orderId}/retractation", ("Confirm", "true"));
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }
        await using (var db = app.OpenDb())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            Assert.Equal(OrderStatus.Withdrawn, order.Status);
            Assert.Equal(new DateOnly(2026, 3, 10), order.ClosedOn);
            var decision = Assert.Single(order.Decisions);
            Assert.Equal(DecisionKind.Withdrawal, decision.Kind);
            Assert.True(decision.DueNow.IsZero);
        }
        Assert.Contains("aucune somme ne vous est due", TestClient.Readable((await OrderSteps.SingleMailAsync(app, "commande-retractation", email)).TextBody ?? ""), StringComparison.Ordinal);
        var after = TestClient.Readable(await later.GetPageAsync($"/espace-client/commandes/{orderId}"));
        Assert.Contains("Vous vous êtes rétracté(e) le 10 mars 2026", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Je me rétracte</button>", after, StringComparison.Ordinal);
    }
}

/// <summary>P7, LW1 once the period is over. The clock moves: own host.</summary>
public sealed class WithdrawalPeriodOverTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task P7_LW1_after_the_period_the_withdrawal_is_refused_and_the_deposit_may_be_recorded_from_day_15()
    {
        const string email = "hugo.bernard@exemple.test";
        using (var sales = await app.SignedInAsync(Roles.Sales))
        {
            var proposalId = await OrderSteps.IssueFromRequestAsync(sales, await OrderSteps.IndividualRequestAsync(app, "Hugo Bernard", email));
            using var client = await OrderSteps.ClientSignedInAsync(app, email);
            using var signed = await OrderSteps.AcceptOnlineAsync(app, client, proposalId, name: "Hugo Bernard");
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        }
        Guid orderId;
        await using (var db = app.OpenDb())
            orderId = await db.Orders.Where(o => o.ClientId == db.Clients.Where(c => c.NormalizedEmail == email).Select(c => c.Id).First()).Select(o => o.Id).SingleAsync();

        app.Clock.SetUtcNow(LexomApp.DefaultNow.AddDays(15)); // 17 March
        using var later = await OrderSteps.ClientSignedInAsync(app, email);
        var page = TestClient.Readable(await later.GetPageAsync($"/espace-client/commandes/{orderId}"));
        Assert.DoesNotContain("Je me rétracte</button>", page, StringComparison.Ordinal);
        using (var late = await later.PostFormAsync($"/espace-client/commandes/{orderId}", $"/espace-client/commandes/{orderId}/retractation", ("Confirm", "true")))
            Assert.Contains("Le délai de rétractation a pris fin le 16/03/2026",
                TestClient.Readable(await later.GetPageAsync(late.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        using var staff = await app.SignedInAsync(Roles.Sales);
        using (var deposit = await OrderSteps.RecordDepositAsync(staff, orderId, "428,40", "VIR-HUGO-17", receivedOn: "2026-03-17"))
            Assert.True(deposit.StatusCode == HttpStatusCode.Redirect, await TestClient.BodyAsync(deposit));
        await using (var db = app.OpenDb())
            Assert.Equal(OrderStatus.Confirmed, (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)).Status);
    }
}
