using System.Net;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Billing;

/// <summary>Billing actions in a wrong state or by the wrong person: the rule's message or a refusal, never an error page, never a number taken.</summary>
public sealed class BillingStateTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task O2_M5_wrong_states_answer_the_rules_message_never_an_error_page()
    {
        var future = await BillingSteps.SeedOrderAsync(app, new OrderPlan("Brasserie du Tanargue", "avenir@tanargue.example",
            new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 2)));
        var ended = await BillingSteps.SeedOrderAsync(app, BillingSteps.Past("sans-opco@tanargue.example", clientName: "Brasserie du Tanargue bis"));
        using var sales = await app.SignedInAsync(Roles.Sales);

        async Task<string> RefusedAsync(Task<HttpResponseMessage> post)
        {
            using var response = await post;
            var (ok, text) = BillingSteps.Flash(await BillingSteps.FollowAsync(sales, response));
            Assert.False(ok, text);
            return text;
        }

        Assert.Equal("La formation se termine le 17/03/2026 : elle ne peut pas être close avant.", await RefusedAsync(BillingSteps.CloseAsync(sales, future.Id)));
        Assert.Equal("Impossible de émettre la facture finale : la commande est confirmée.", await RefusedAsync(BillingSteps.FinalInvoiceAsync(sales, future.Id)));
        Assert.Equal("Impossible de facturer l'OPCO : la commande est confirmée.", await RefusedAsync(BillingSteps.OpcoInvoiceAsync(sales, future.Id)));
        using (var close = await BillingSteps.CloseAsync(sales, ended.Id))
            Assert.True(BillingSteps.Flash(await BillingSteps.FollowAsync(sales, close)).Ok);
        using (var twice = await BillingSteps.CloseAsync(sales, ended.Id))
            Assert.Equal("La formation est déjà close depuis le 2 mars 2026.", BillingSteps.Flash(await BillingSteps.FollowAsync(sales, twice)).Text);
        Assert.Equal("Sans subrogation, LEXOM ne facture pas l'OPCO.", await RefusedAsync(BillingSteps.OpcoInvoiceAsync(sales, ended.Id)));
        Assert.DoesNotContain("Facturer l'OPCO", BillingSteps.BillingSection(await sales.GetPageAsync(BillingSteps.OrderPage(ended.Id))), StringComparison.Ordinal);

        // LW4: none of the refusals took a number.
        await using (var db = app.OpenDb())
            Assert.False(await db.DocumentCounters.AnyAsync(c => c.Kind == DocumentKind.Invoice || c.Kind == DocumentKind.CreditNote));

        // An order or an invoice that does not exist is a 404; a paid deposit has no remainder to pay.
        using (var missing = await BillingSteps.PostAsync(sales, ended.Id, "factures/" + Guid.NewGuid() + "/paiement",
                   ("Amount", "10"), ("ReceivedOn", "2026-03-02"), ("Method", "virement"), ("Reference", "X-404"), ("Version", "1")))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using (var noOrder = await sales.PostFormAsync(BillingSteps.OrderPage(ended.Id), $"/gestion/commandes/{Guid.NewGuid()}/facture-finale"))
            Assert.Equal(HttpStatusCode.NotFound, noOrder.StatusCode);
        var deposit = (await BillingSteps.OrderAsync(app, ended.Id)).DepositInvoice!;
        Assert.Equal($"Le paiement de 1,00 € dépasse le reste dû sur {deposit.Number} (0,00 €).",
            await RefusedAsync(BillingSteps.PayAsync(sales, ended.Id, deposit.Id, "1,00", "VIR-TROP", version: 1)));
    }


    [Fact]
    public async Task The_billing_actions_are_for_the_staff_only()
    {
        var order = await BillingSteps.SeedOrderAsync(app, BillingSteps.Past("acces@gorges.example", clientName: "Gorges SARL"));
        using var client = await app.SignedInAsync(Roles.Client);
        using var anonymous = app.NewClient();
        foreach (var who in new[] { client, anonymous })
        {
            // A client account cannot even read the order page, nor its token: post with a token of a public form.
            using var response = await who.PostFormAsync("/compte/connexion", $"/gestion/commandes/{order.Id}/facture-finale");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Matches("^/compte/(connexion|acces-refuse)", response.Headers.Location!.Relative());
        }
        Assert.DoesNotContain((await BillingSteps.OrderAsync(app, order.Id)).Invoices, i => i.Kind == InvoiceKind.Final);
    }
}
