using System.Net;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lexom.Training.Web.Tests.Sessions.SessionSteps;

namespace Lexom.Training.Web.Tests.Sessions;

/// <summary>A1: the trainer fills the émargement of their session on its first day (the clock moves: a class of its own).</summary>
public sealed class AttendanceTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task A1_the_trainer_records_attendance_per_half_day_and_no_invoice_changes()
    {
        var order = (await OrdersAsync(app, 1, participants: 2))[0];
        var trainer = await TrainerAsync(app, "emargement.formateur@lexom.test");
        var otherTrainer = await TrainerAsync(app, "autre.formateur@lexom.test");
        Guid id, other;
        using (var admin = await app.SignedInAsync(Roles.Admin))
        {
            id = await PlannedAsync(admin, Start, End, trainer.Id);
            other = await PlannedAsync(admin, Start, End, otherTrainer.Id);
            foreach (var p in order.Participants)
            {
                using var r = await EnrolAsync(admin, id, p.Id);
                Redirected(r, $"/gestion/sessions/{id}");
            }
        }
        List<(string Number, decimal Ttc)> Invoices(Order o) => o.Invoices.Select(i => (i.Number!.ToString(), i.Ttc.Amount)).ToList();
        var invoicesBefore = Invoices(await LoadAsync(order.Id));

        // A day before the session, nothing is recorded ahead of time.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 13, 8, 0, 0, TimeSpan.Zero));
        using var tablet = app.NewClient();
        await tablet.LoginAsync(trainer.Email, trainer.Password);
        var sheet = await tablet.GetPageAsync($"/gestion/sessions/{id}/emargement");
        Assert.Contains("Émargement", sheet, StringComparison.Ordinal);
        Assert.Contains(order.Participants[0].Name, sheet, StringComparison.Ordinal);
        await tablet.GetPageAsync($"/gestion/sessions/{other}/emargement", HttpStatusCode.NotFound);

        var p0 = order.Participants[0].Id;
        var p1 = order.Participants[1].Id;
        using (var saved = await tablet.PostFormAsync($"/gestion/sessions/{id}/emargement", $"/gestion/sessions/{id}/emargement",
                   ("Day", "2026-04-13"), ("Present", $"{p0}:matin"), ("Present", $"{p0}:apres-midi"), ("Present", $"{p1}:matin")))
            Redirected(saved, $"/gestion/sessions/{id}/emargement?jour=2026-04-13");
        using (var early = await tablet.PostFormAsync($"/gestion/sessions/{id}/emargement", $"/gestion/sessions/{id}/emargement",
                   ("Day", "2026-04-14"), ("Present", $"{p0}:matin")))
            Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);

        var loaded = await LoadAsync(order.Id);
        var first = loaded.Participants.Single(p => p.Id == p0).Attendance;
        Assert.Equal(2, first.Count);
        Assert.All(first, a => Assert.True(a.Present));
        var second = loaded.Participants.Single(p => p.Id == p1).Attendance;
        Assert.True(second.Single(a => a.HalfDay == HalfDay.Morning).Present);
        Assert.False(second.Single(a => a.HalfDay == HalfDay.Afternoon).Present);
        Assert.DoesNotContain(loaded.Participants.SelectMany(p => p.Attendance), a => a.Day == End); // the next day is not recorded ahead
        Assert.Equal(invoicesBefore, Invoices(loaded)); // A1: absences never change an invoice
        Assert.Equal(loaded.PriceTtc, loaded.Absence().PriceDue);

        var page = await tablet.GetPageAsync($"/gestion/sessions/{id}/emargement?jour=2026-04-13");
        Assert.Contains(" absent(e)", page, StringComparison.Ordinal);
    }

    private async Task<Order> LoadAsync(Guid id)
    {
        await using var db = app.OpenDb();
        return await db.Orders.AsNoTracking().Include(o => o.Participants).Include(o => o.Invoices).AsSplitQuery().SingleAsync(o => o.Id == id);
    }
}
