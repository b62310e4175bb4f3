using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Jobs;
using Lexom.Training.Web.Tests.Billing;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lexom.Training.Web.Tests.Sessions.SessionSteps;

namespace Lexom.Training.Web.Tests.Sessions;

/// <summary>
/// The convocations' job (issue 8, C2): nothing before <c>ConvocationDaysBefore</c> (10) days before the start, then the
/// confirmed orders' participants once; a second run (or a second instance) sends nothing twice. Moves the clock: its own class.
/// </summary>
public sealed class ConvocationJobTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task C2_the_job_convenes_confirmed_orders_ten_days_before_the_start_and_never_twice()
    {
        var seeded = await BillingSteps.SeedOrdersAsync(app,
        [
            new OrderPlan("Travaux Job SAS", "contact-job@job.example", Start, End, new DateOnly(2026, 3, 2), 2),
            new OrderPlan("Attente Job SA", "attente-job@job.example", Start, End, new DateOnly(2026, 3, 2), 1, Confirmed: false),
        ]);
        using var admin = await app.SignedInAsync(Roles.Admin);
        var sessionId = await PlannedAsync(admin, Start, End);
        await using (var db = app.OpenDb())
        {
            var ids = seeded.Select(o => o.Id).ToList();
            foreach (var p in await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).SelectMany(o => o.Participants).Select(p => p.Id).ToListAsync())
                (await EnrolAsync(admin, sessionId, p)).Dispose();
        }
        var job = app.Services.GetRequiredService<ConvocationJob>();

        // 2 March: the start (13 April) is more than 10 days away.
        Assert.Equal(0, (await job.RunOnceAsync()).Convened);
        Assert.Equal(0, await CountAsync());

        // 3 April, 10 days before: the confirmed order's contact is convened for both participants (one e-mail), not the other order (C2).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 3, 6, 0, 0, TimeSpan.Zero));
        var run = await job.RunOnceAsync();
        Assert.Equal((1, 2, 1, 0), (run.Sessions, run.Convened, run.NotConvened, run.Failed));
        Assert.Equal(1, await CountAsync());
        await using (var db = app.OpenDb())
        {
            Assert.Equal("contact-job@job.example", (await db.OutboxMessages.SingleAsync(m => m.Kind == ConvocationEmail.Kind)).Recipient);
            var rows = await db.SessionConvocations.AsNoTracking().Where(c => c.SessionId == sessionId).ToListAsync();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.Equal((1, 0, new DateTimeOffset(2026, 4, 3, 6, 0, 0, TimeSpan.Zero)), (r.SessionVersion, r.Sequence, r.SentAt)));
        }

        // Every hour after: nothing twice.
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await job.RunOnceAsync()).Convened);
        Assert.Equal(1, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.OpenDb();
        return await db.OutboxMessages.CountAsync(m => m.Kind == ConvocationEmail.Kind);
    }
}
