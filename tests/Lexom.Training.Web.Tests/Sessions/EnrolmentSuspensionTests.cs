using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Proposals;
using static Lexom.Training.Web.Tests.Sessions.SessionSteps;

namespace Lexom.Training.Web.Tests.Sessions;

/// <summary>L4 at enrolment: a client with an invoice unpaid after its due date is flagged where its trainees would be enrolled.</summary>
public sealed class EnrolmentSuspensionTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task L4_the_session_page_flags_a_suspended_client_among_those_to_enrol_and_not_a_client_who_owes_nothing()
    {
        // Ordered on 20 February; its deposit invoice, due that day, is still unpaid on 2 March.
        var late = (await ProposalSteps.SeedDraftsAsync(app, 1, "83548465047940", "Retardataire SARL"))[0];
        await using (var db = app.OpenDb())
        {
            var day = new DateOnly(2026, 2, 20);
            var proposal = (await ProposalDrafts.LoadAsync(db, late, CancellationToken.None))!;
            proposal.Issue(day, "CGV LEXOM 2026-01", await VatRates.TableAsync(db, CancellationToken.None), DocumentNumber.Create(DocumentKind.Proposal, 2026, 901));
            proposal.Accept(day);
            var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, day);
            order.IssueDepositInvoice(Guid.NewGuid(), DocumentNumber.Create(DocumentKind.DepositInvoice, 2026, 901), day);
            db.Orders.Add(order);
            db.Entry(order).Property<string>(OrderConfiguration.CourseReference).CurrentValue = "RCL-RCL-02";
            db.Entry(order.Participants[0]).Property<int>(ProposalConfiguration.Position).CurrentValue = 0;
            await db.SaveChangesAsync();
        }
        await OrdersAsync(app, 1, clientName: "Bon Payeur SA", siret: "28132524128112");

        using var staff = await app.SignedInAsync(Roles.Sales);
        var sessionId = await PlannedAsync(staff, Start, End);
        var page = TestClient.Readable(await staff.GetPageAsync($"/gestion/sessions/{sessionId}"));
        Assert.Contains("Retardataire SARL", page, StringComparison.Ordinal);
        Assert.Contains("Bon Payeur SA", page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "Client suspendu"));
        Assert.Contains("Facture(s) échue(s) impayée(s) : 428,40 € (L4)", page, StringComparison.Ordinal);
    }
}
