using System.Net;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;

namespace Lexom.Training.Web.Tests.Performance;

/// <summary>One staff page at a time, two waiting: the limit of Lexom:RateLimits:StaffPages made small enough to see.</summary>
public sealed class OneStaffPageAtATimeApp : LexomApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lexom:RateLimits:StaffPages:PermitLimit"] = "1",
        ["Lexom:RateLimits:StaffPages:QueueLimit"] = "2",
    };
}

/// <summary>
/// Issue 10: the staff pages (/gestion) run a few at a time per instance, the others queued oldest first (docs/performance.md);
/// beyond the queue, the French 429 page. The public pages are not limited.
/// </summary>
public sealed class StaffPagesLimitTests(OneStaffPageAtATimeApp app) : IClassFixture<OneStaffPageAtATimeApp>
{
    [Fact]
    public async Task Staff_pages_beyond_the_one_running_and_the_two_queued_get_the_French_429_public_pages_are_not_limited()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => sales.Http.GetAsync("/gestion/propositions")));
        try
        {
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, a.StatusCode.ToString()));
            Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
            var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
            Assert.Contains("Trop de demandes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var answer in answers) answer.Dispose();
        }

        using var visitor = app.NewClient();
        var pages = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => visitor.Http.GetAsync($"/formations?page={i % 3 + 1}")));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        foreach (var page in pages) page.Dispose();
    }
}
