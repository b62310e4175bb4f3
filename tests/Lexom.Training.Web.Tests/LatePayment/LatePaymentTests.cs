using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lexom.Training.Web.Tests.LatePayment.LatePaymentJobTests;
using static Lexom.Training.Web.Tests.Opco.MoneySeeds;

namespace Lexom.Training.Web.Tests.LatePayment;

/// <summary>L3 and L4 on Monday 2 March 2026: the 40 € for companies only, the client flagged « suspendu » while an invoice is late.</summary>
public sealed class LatePaymentTests(LexomApp app) : IClassFixture<LexomApp>
{
    /// <summary>Training 16–17 February, its final invoice of 2 998,80 € issued and due on 17 February: 13 days late today.</summary>
    private Task<Seeded> LateSinceFebruaryAsync(PayerKind payer = PayerKind.Company) =>
        OrderAsync(app, new(2026, 1, 5), new(2026, 2, 16), new(2026, 2, 17), (o, n) => CompleteWithFinalInvoiceAsync(o, n, new(2026, 2, 17)), payer);

    [Fact]
    public async Task L3_the_job_and_the_page_give_a_company_the_40_euro_indemnity_and_a_private_individual_none()
    {
        var company = await LateSinceFebruaryAsync();
        var individual = await LateSinceFebruaryAsync(PayerKind.PrivateIndividual);

        var run = await RunAsync(app);
        Assert.Equal(0, run.Failed);
        // round(2 998,80 × 12,15 % × 13 / 365) = 12,98 for both; 40 € for the company only.
        await using (var db = app.OpenDb())
        {
            var rows = await (from s in db.InvoiceLateStatuses
                              join i in db.Invoices on s.InvoiceId equals i.Id
                              where EF.Property<Guid>(i, "OrderId") == company.OrderId || EF.Property<Guid>(i, "OrderId") == individual.OrderId
                              select new { OrderId = EF.Property<Guid>(i, "OrderId"), s }).ToListAsync();
            var c = rows.Single(r => r.OrderId == company.OrderId).s;
            var p = rows.Single(r => r.OrderId == individual.OrderId).s;
            Assert.Equal((13, 2998.80m, 12.98m, 40.00m), (c.DaysLate, c.Unpaid.Amount, c.Interest.Amount, c.RecoveryIndemnity.Amount));
            Assert.Equal((13, 2998.80m, 12.98m, 0m), (p.DaysLate, p.Unpaid.Amount, p.Interest.Amount, p.RecoveryIndemnity.Amount));
            Assert.Contains("plus l'indemnité forfaitaire de recouvrement de 40,00", Plain(c.Explanation), StringComparison.Ordinal);
            Assert.Contains("(pas d'indemnité forfaitaire pour un particulier, L3)", p.Explanation, StringComparison.Ordinal);
        }

        using var sales = await app.SignedInAsync(Roles.Sales);
        Assert.Contains("<td>13</td><td>2 998,80 €</td><td>12,98 €</td><td>40,00 €</td><td>0,00 €</td><td>52,98 €",
            Squeezed(Late(await sales.GetPageAsync($"/gestion/commandes/{company.OrderId}"))), StringComparison.Ordinal);
        var person = Late(await sales.GetPageAsync($"/gestion/commandes/{individual.OrderId}"));
        Assert.Contains("<td>13</td><td>2 998,80 €</td><td>12,98 €</td><td>0,00 €</td><td>0,00 €</td><td>12,98 €", Squeezed(person), StringComparison.Ordinal);
        Assert.Contains("(pas d'indemnité forfaitaire pour un particulier, L3)", person, StringComparison.Ordinal);

        // The individual's penalty invoice bills the interest only.
        var invoiceId = (await LoadAsync(app, individual.OrderId)).Invoices.Single(i => i.Kind == InvoiceKind.Final).Id;
        using (await sales.PostFormAsync($"/gestion/commandes/{individual.OrderId}", $"/gestion/commandes/{individual.OrderId}/penalites/{invoiceId}")) { }
        var penalty = (await LoadAsync(app, individual.OrderId)).Invoices.Single(i => i.Kind == InvoiceKind.LatePenalty);
        Assert.Equal(12.98m, penalty.Ttc.Amount);
        Assert.DoesNotContain("indemnité forfaitaire", penalty.Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task L4_a_client_with_a_late_invoice_is_flagged_suspendu_on_its_page_its_new_proposal_and_its_order_until_it_has_paid_it_all()
    {
        var late = await LateSinceFebruaryAsync();
        // Another client's final invoice is due today: not late before tomorrow (Reading IsLate).
        var dueToday = await OrderAsync(app, new(2026, 1, 5), new(2026, 2, 26), new(2026, 2, 27), (o, n) => CompleteWithFinalInvoiceAsync(o, n, new(2026, 3, 2)));
        var draftId = await DraftForAsync(late.ClientId);
        using var sales = await app.SignedInAsync(Roles.Sales);

        var pages = new[] { $"/gestion/clients/{late.ClientId}", $"/gestion/propositions/{draftId}", $"/gestion/commandes/{late.OrderId}" };
        foreach (var url in pages)
        {
            var page = await sales.GetPageAsync(url);
            Assert.True(page.Contains("Client suspendu", StringComparison.Ordinal), $"{url} ne signale pas le client.");
            Assert.Contains("(échue le 17/02/2026, 2 998,80 € impayés), total 2 998,80 €", Plain(page), StringComparison.Ordinal);
            Assert.Contains("toute nouvelle proposition ou inscription doit être vérifiée (L4)", page, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Client suspendu", await sales.GetPageAsync($"/gestion/clients/{dueToday.ClientId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Client suspendu", await sales.GetPageAsync($"/gestion/commandes/{dueToday.OrderId}"), StringComparison.Ordinal);

        // Partly paid: still flagged, for what is left (L4: « même partiellement »).
        await PayAsync(app, late.OrderId, o => o.Invoices.Single(i => i.Kind == InvoiceKind.Final), 2000m, new(2026, 3, 2));
        Assert.Contains("(échue le 17/02/2026, 998,80 € impayés)", Plain(await sales.GetPageAsync($"/gestion/clients/{late.ClientId}")), StringComparison.Ordinal);

        // Paid in full: the flag is gone everywhere.
        await PayAsync(app, late.OrderId, o => o.Invoices.Single(i => i.Kind == InvoiceKind.Final), 998.80m, new(2026, 3, 2));
        foreach (var url in pages)
            Assert.DoesNotContain("Client suspendu", await sales.GetPageAsync(url), StringComparison.Ordinal);
    }

    /// <summary>A new proposal for the client, as a sales person prepares it.</summary>
    private async Task<Guid> DraftForAsync(Guid clientId)
    {
        await using var db = app.OpenDb();
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Reference == "RCL-RCL-02");
        var draft = Proposal.Draft(Guid.NewGuid(), PayerKind.Company, SalesChannel.Staff, TrainingKind.Inter, ProposalDrafts.Snapshot(course), Percentage.Of(30m),
            new DateOnly(2026, 3, 2), clientId);
        draft.AddParticipant(Guid.NewGuid(), "Lucie Martin");
        draft.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", 1, Money.Euros(1190m));
        db.Proposals.Add(draft);
        db.Entry(draft).Property<string>(ProposalConfiguration.CourseReference).CurrentValue = course.Reference;
        ProposalDrafts.KeepOrder(db, draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }
}
