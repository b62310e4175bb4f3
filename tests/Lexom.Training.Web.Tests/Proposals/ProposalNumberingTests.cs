using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Web.Tests.Proposals;

/// <summary>LW4 across app instances: two hosts over one database share the counter rows of document_counters.</summary>
public sealed class ProposalNumberingTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task LW4_two_app_instances_issuing_40_proposals_at_once_number_them_DEV_2026_000001_to_000040_without_gap_or_duplicate()
    {
        var ids = await SeedDraftsAsync(40);
        await using var second = new SecondHost(app);
        await second.InitializeAsync();

        var results = await Task.WhenAll(ids.Select((id, i) => Task.Run(async () =>
        {
            var host = i % 2 == 0 ? (LexomApp)app : second;
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProposalIssuer>().IssueAsync(id, CancellationToken.None);
        })));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));

        await using var db = app.OpenDb();
        var numbers = (await db.Proposals.Where(p => ids.Contains(p.Id)).Select(p => p.Number).ToListAsync()).Select(n => n!).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"DEV-2026-{i:D6}"), numbers.Select(n => n.ToString()).Order(StringComparer.Ordinal));
        Assert.Empty(DocumentNumber.GapsIn(numbers));
        Assert.Equal(40, (await db.DocumentCounters.SingleAsync(c => c.Kind == DocumentKind.Proposal && c.Year == 2026)).Last);
        Assert.Equal(40, await db.OutboxMessages.CountAsync(m => m.Kind == "proposition-emise"));
    }

    [Fact]
    public async Task LW4_a_number_taken_in_a_rolled_back_transaction_is_given_again()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var numbering = scope.ServiceProvider.GetRequiredService<DocumentNumbering>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => numbering.NextAsync(DocumentKind.CreditNote, 2026));

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal("AV-2026-000001", (await numbering.NextAsync(DocumentKind.CreditNote, 2026)).ToString());
            await rolledBack.RollbackAsync();
        }
        await using (var kept = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal("AV-2026-000001", (await numbering.NextAsync(DocumentKind.CreditNote, 2026)).ToString());
            Assert.Equal("AV-2026-000002", (await numbering.NextAsync(DocumentKind.CreditNote, 2026)).ToString());
            Assert.Equal("AV-2027-000001", (await numbering.NextAsync(DocumentKind.CreditNote, 2027)).ToString());
            await kept.CommitAsync();
        }
    }

    /// <summary>Complete drafts (RCL-RCL-02, 3 × 1 190,00 €) written straight to the database.</summary>
    private async Task<List<Guid>> SeedDraftsAsync(int count)
    {
        await using var db = app.OpenDb();
        var client = Client.Company(Guid.NewGuid(), "Numérotation SA", "73282932000074", null, "Camille Numéro", "numerotation@exemple.test", null,
            new PostalAddress("1 rue de l'Exemple", null, "07200", "Aubenas"), app.Clock.GetUtcNow());
        db.Clients.Add(client);
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Reference == "RCL-RCL-02");
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var draft = Proposal.Draft(Guid.NewGuid(), PayerKind.Company, SalesChannel.Staff, TrainingKind.Inter, ProposalDrafts.Snapshot(course),
                Percentage.Of(30m), new DateOnly(2026, 3, 2), client.Id);
            draft.AddParticipant(Guid.NewGuid(), null);
            draft.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", 1, Money.Euros(1190m));
            draft.AddSession(new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 14));
            draft.SetPlace("LEXOM, Aubenas");
            draft.SetBillingAddress(client.BillingAddress.ToString());
            db.Proposals.Add(draft);
            db.Entry(draft).Property<string>(ProposalConfiguration.CourseReference).CurrentValue = course.Reference;
            ids.Add(draft.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }
}
