using System.Net;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using static Lexom.Training.Web.Tests.Sessions.SessionSteps;

namespace Lexom.Training.Web.Tests.Performance;

/// <summary>
/// Two app instances over one database (docs/performance.md, production topology): enrolments posted at once through both
/// never take more seats than the session has (the session's row is locked, whichever instance asks); the others wait.
/// </summary>
public sealed class ScaleOutTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task Fourteen_enrolments_through_two_instances_at_once_fill_the_ten_seats_and_put_four_on_the_waiting_list()
    {
        var orders = await OrdersAsync(app, 14, participants: 1, clientName: "Deux Instances SAS", siret: "73282932000074");
        await using var second = new SecondHost(app);
        await second.InitializeAsync();
        using var staffA = await app.SignedInAsync(Roles.Admin);
        using var staffB = await second.SignedInAsync(Roles.Admin);
        var session = await PlannedAsync(staffA, Start, End);
        using var visitor = second.NewClient();
        Assert.Contains("10 places disponibles", await visitor.GetPageAsync("/formations/RCL-RCL-02"), StringComparison.Ordinal);

        var posts = orders.Select((order, i) => Task.Run(async () =>
        {
            using var response = await EnrolAsync(i % 2 == 0 ? staffA : staffB, session, order.Participants[0].Id);
            return response.StatusCode;
        }));
        Assert.All(await Task.WhenAll(posts), status => Assert.Equal(HttpStatusCode.Redirect, status));

        var seats = await SessionAsync(app, session);
        Assert.Equal(10, seats.Capacity);
        Assert.Equal(10, seats.SeatsTaken);
        Assert.Equal(10, seats.Enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled));
        Assert.Equal(4, seats.Enrolments.Count(e => e.Status == EnrolmentStatus.Waiting));
        // Each instance's course-page cache was emptied by the enrolments it saved itself: both show the session full.
        Assert.Contains("Complet", await visitor.GetPageAsync("/formations/RCL-RCL-02"), StringComparison.Ordinal);
        Assert.Contains("Complet", await app.NewClient().GetPageAsync("/formations/RCL-RCL-02"), StringComparison.Ordinal);
    }
}
