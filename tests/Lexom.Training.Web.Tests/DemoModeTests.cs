using System.Net;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Seed;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests;

/// <summary>The app as ./lexom run starts it: demo accounts and a demo draft that goes from « Émettre » to the client's acceptance.</summary>
public sealed class DemoModeTests(DemoModeTests.DemoApp app) : IClassFixture<DemoModeTests.DemoApp>
{
    public sealed class DemoApp : LexomApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lexom:Demo"] = "true" };
    }

    [Fact]
    public async Task The_demo_sales_person_issues_the_demo_draft_and_the_demo_client_accepts_it_online()
    {
        Guid draftId;
        await using (var db = app.OpenDb())
        {
            var draft = await db.Proposals.SingleAsync();
            Assert.Equal(ProposalStatus.Draft, draft.Status);
            draftId = draft.Id;
        }

        using var sales = app.NewClient();
        await sales.LoginAsync(DemoSeeder.Accounts[1].Email, DemoSeeder.Accounts[1].Password);
        Assert.Contains("Émettre", await sales.GetPageAsync($"/gestion/propositions/{draftId}"), StringComparison.Ordinal);
        using (var issued = await sales.PostFormAsync($"/gestion/propositions/{draftId}", $"/gestion/propositions/{draftId}/emettre"))
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        using var client = app.NewClient();
        await client.LoginAsync(DemoSeeder.Accounts[2].Email, DemoSeeder.Accounts[2].Password);
        using var accepted = await Orders.OrderSteps.AcceptOnlineAsync(app, client, draftId, name: "Claire Cliente");
        Assert.StartsWith("/espace-client/commandes/", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using (var db = app.OpenDb())
            Assert.Equal(2856.00m, (await db.Orders.SingleAsync()).PriceTtc.Amount); // 2 × 1 190 € HT + 20 %
    }
}
