using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Proposals;

/// <summary>
/// The staff proposal list counts what it found up to <see cref="ProposalQueries.CountAheadPages"/> pages past the page shown
/// (issue 10: counting a large history at every page cost more than the page), and says "plus de" beyond.
/// </summary>
public sealed class ProposalListCountTests(LexomApp app) : IClassFixture<LexomApp>
{
    private const int Drafts = 290; // more than (1 + 10) pages of 25: 12 pages, the last with 15

    [Fact]
    public async Task A_long_list_is_counted_10_pages_ahead_says_more_than_and_every_page_stays_reachable()
    {
        await SeedAsync();
        using var sales = await app.SignedInAsync(Roles.Sales);
        var bound = (1 + ProposalQueries.CountAheadPages) * ProposalQueries.PageSize; // 275

        var first = await sales.GetPageAsync("/gestion/propositions?statut=brouillon");
        Assert.Contains($"Plus de {bound} propositions", first, StringComparison.Ordinal);
        Assert.Contains($"Page 1 sur plus de {1 + ProposalQueries.CountAheadPages}", first, StringComparison.Ordinal);

        // Further on, the count reaches the end: exact again, and the last page has what is left.
        var last = await sales.GetPageAsync("/gestion/propositions?statut=brouillon&page=12");
        Assert.Contains($"{Drafts} propositions", last, StringComparison.Ordinal);
        Assert.DoesNotContain("Plus de", last, StringComparison.Ordinal);
        Assert.Contains("Page 12 sur 12", last, StringComparison.Ordinal);
        Assert.DoesNotContain("Page suivante", last, StringComparison.Ordinal);
        Assert.Equal(Drafts - 11 * ProposalQueries.PageSize, CountOf(last, "Liste Longue SAS"));

        // A page past the end shows the last one.
        Assert.Contains("Page 12 sur 12", await sales.GetPageAsync("/gestion/propositions?statut=brouillon&page=900"), StringComparison.Ordinal);
    }

    private static int CountOf(string page, string text) => (page.Length - page.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;

    private async Task SeedAsync()
    {
        await using var db = app.OpenDb();
        var client = Client.Company(Guid.NewGuid(), "Liste Longue SAS", "73282932000074", null, "Marie Dupont", "marie@liste.example", null,
            new PostalAddress("1 rue de la Liste", null, "07200", "Aubenas"), app.Clock.GetUtcNow());
        db.Clients.Add(client);
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Reference == "RCL-RCL-02");
        for (var i = 0; i < Drafts; i++)
        {
            var draft = Proposal.Draft(Guid.NewGuid(), PayerKind.Company, SalesChannel.Staff, TrainingKind.Inter, ProposalDrafts.Snapshot(course),
                Percentage.Of(30m), new DateOnly(2026, 1, 1).AddDays(i % 60), client.Id);
            db.Proposals.Add(draft);
            db.Entry(draft).Property<string>(ProposalConfiguration.CourseReference).CurrentValue = course.Reference;
        }
        await db.SaveChangesAsync();
    }
}
