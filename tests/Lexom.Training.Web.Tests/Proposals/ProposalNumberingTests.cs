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
        var ids = await ProposalSteps.SeedDraftsAsync(app, 40);
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
}
