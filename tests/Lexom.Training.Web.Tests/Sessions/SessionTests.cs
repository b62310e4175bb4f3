using System.Net;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lexom.Training.Web.Tests.Sessions.SessionSteps;

namespace Lexom.Training.Web.Tests.Sessions;

/// <summary>/gestion/sessions: planning INTER sessions with a trainer, the list and calendar, enrolment (C2, capacity, waiting list), the trainer's view.</summary>
public sealed class SessionTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task A_staff_plans_an_inter_session_seen_in_the_list_the_calendar_and_on_the_course_page_with_its_seats()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        var trainer = await TrainerAsync(app, "fabien.formateur@lexom.test");
        var id = await PlannedAsync(admin, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 5), trainer.Id);

        var session = await SessionAsync(app, id);
        Assert.Equal(SessionKind.Inter, session.Kind);
        Assert.Equal(10, session.Capacity); // RCL-RCL-02's maximum of participants
        Assert.Equal(trainer.Id, session.TrainerId);
        Assert.Equal("RCL-RCL-02", session.CourseReference);

        var list = await admin.GetPageAsync("/gestion/sessions?mois=2026-05");
        Assert.Contains($"href=\"/gestion/sessions/{id}\">04/05/2026 – 05/05/2026</a>", list, StringComparison.Ordinal);
        Assert.Contains("fabien.formateur@lexom.test", list, StringComparison.Ordinal);
        Assert.Contains("<td>0/10</td>", list, StringComparison.Ordinal);
        Assert.Contains("class=\"calendar\"", list, StringComparison.Ordinal);
        Assert.Equal(2, list.Split($"class=\"calendar-session\" href=\"/gestion/sessions/{id}\"").Length - 1); // two days in the calendar
        Assert.DoesNotContain($"/gestion/sessions/{id}", await admin.GetPageAsync("/gestion/sessions?mois=2026-06"), StringComparison.Ordinal);

        var course = await app.NewClient().GetPageAsync("/formations/RCL-RCL-02");
        Assert.Contains("10 places disponibles", course, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trainer_cannot_lead_two_sessions_sharing_a_day_and_the_database_refuses_it_too()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        var trainer = await TrainerAsync(app, "claire.formatrice@lexom.test");
        await PlannedAsync(admin, new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 9), trainer.Id);

        using var clash = await PlanAsync(admin, new DateOnly(2026, 6, 9), new DateOnly(2026, 6, 10), trainer.Id);
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("deux sessions à la fois", TestClient.Readable(await clash.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Without the domain's check (a race), the exclusion constraint still refuses the overlap.
        var other = await PlannedAsync(admin, new DateOnly(2026, 6, 9), new DateOnly(2026, 6, 10));
        await using var db = app.OpenDb();
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE course_sessions SET trainer_id = {trainer.Id} WHERE id = {other}"));
        Assert.Equal("ex_course_sessions_trainer_days", error.ConstraintName);
    }

    [Fact]
    public async Task C2_participants_of_unconfirmed_orders_are_shown_apart_and_not_convened()
    {
        using var sales = await app.SignedInAsync(Roles.Sales);
        var confirmed = (await OrdersAsync(app, 1, participants: 2, siret: "44306184100047", clientName: "Brasserie du Tanargue"))[0];
        var pending = (await OrdersAsync(app, 1, participants: 1, confirm: false, siret: "55208131766522", clientName: "Distillerie Vivaraise"))[0];
        var id = await PlannedAsync(sales, Start, End);

        var page = await sales.GetPageAsync($"/gestion/sessions/{id}");
        Assert.Contains("(non confirmée : ne sera pas convoqué, C2)", page, StringComparison.Ordinal);
        foreach (var p in confirmed.Participants.Concat(pending.Participants))
        {
            using var r = await EnrolAsync(sales, id, p.Id);
            Redirected(r, $"/gestion/sessions/{id}");
        }

        page = await sales.GetPageAsync($"/gestion/sessions/{id}");
        var convened = page[page.IndexOf("Participants convoqués (2)", StringComparison.Ordinal)..page.IndexOf("id=\"non-convoques\"", StringComparison.Ordinal)];
        Assert.Contains(confirmed.Participants[0].Name, convened, StringComparison.Ordinal);
        var apart = page[page.IndexOf("id=\"non-convoques\"", StringComparison.Ordinal)..];
        Assert.Contains("Distillerie Vivaraise", apart, StringComparison.Ordinal);
        Assert.Contains("C2", apart, StringComparison.Ordinal);
        Assert.Equal(3, (await SessionAsync(app, id)).SeatsTaken);

        // Enrolled twice: refused with a sentence.
        using var again = await EnrolAsync(sales, id, confirmed.Participants[0].Id);
        Redirected(again, $"/gestion/sessions/{id}");
        Assert.Contains("déjà inscrit", await sales.GetPageAsync($"/gestion/sessions/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_staff_enrolling_at_once_for_the_last_seat_fill_it_once_and_the_other_waits()
    {
        using var first = await app.SignedInAsync(Roles.Sales);
        using var second = await app.SignedInAsync(Roles.Admin);
        var orders = await OrdersAsync(app, 2, participants: 6, siret: "38347481400100", clientName: "Rappels SA"); // at most 10 per order (P2)
        var participants = orders.SelectMany(o => o.Participants).ToList();
        var id = await PlannedAsync(first, Start, End);
        for (var i = 0; i < 9; i++)
        {
            using var r = await EnrolAsync(first, id, participants[i].Id);
            Redirected(r, $"/gestion/sessions/{id}");
        }

        // Both forms are read first, then both posts go at once.
        var a = EnrolAsync(first, id, participants[9].Id);
        var b = EnrolAsync(second, id, participants[10].Id);
        foreach (var r in await Task.WhenAll(a, b))
        {
            Redirected(r, $"/gestion/sessions/{id}");
            r.Dispose();
        }

        var session = await SessionAsync(app, id);
        Assert.Equal(10, session.SeatsTaken);
        Assert.Equal(10, session.Enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled));
        Assert.Single(session.Enrolments, e => e.Status == EnrolmentStatus.Waiting);
        var page = await first.GetPageAsync($"/gestion/sessions/{id}");
        Assert.Contains("Liste d'attente (1)", page, StringComparison.Ordinal);

        // A freed seat goes to the first waiting.
        var waiting = session.Enrolments.Single(e => e.Status == EnrolmentStatus.Waiting).ParticipantId;
        using (var freed = await first.PostFormAsync($"/gestion/sessions/{id}", $"/gestion/sessions/{id}/desinscription", ("participantId", participants[0].Id.ToString())))
            Redirected(freed, $"/gestion/sessions/{id}");
        session = await SessionAsync(app, id);
        Assert.Equal(10, session.SeatsTaken);
        Assert.Equal(EnrolmentStatus.Enrolled, session.Enrolments.Single(e => e.ParticipantId == waiting).Status);
    }

    [Fact]
    public async Task A_trainer_sees_only_their_sessions_and_cannot_plan_or_enrol()
    {
        using var admin = await app.SignedInAsync(Roles.Admin);
        var mine = await TrainerAsync(app, "trainer.mine@lexom.test");
        var other = await TrainerAsync(app, "trainer.other@lexom.test");
        var my = await PlannedAsync(admin, new DateOnly(2026, 9, 7), new DateOnly(2026, 9, 8), mine.Id);
        var theirs = await PlannedAsync(admin, new DateOnly(2026, 9, 7), new DateOnly(2026, 9, 8), other.Id);

        using var trainer = app.NewClient();
        using (var login = await trainer.PostFormAsync("/compte/connexion", "/compte/connexion", ("Email", mine.Email), ("Password", mine.Password)))
            Redirected(login, "/gestion/sessions");
        var list = await trainer.GetPageAsync("/gestion/sessions?mois=2026-09");
        Assert.Contains($"/gestion/sessions/{my}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/gestion/sessions/{theirs}", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Planifier une session", list, StringComparison.Ordinal);
        await trainer.GetPageAsync($"/gestion/sessions/{theirs}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Inscrire", await trainer.GetPageAsync($"/gestion/sessions/{my}"), StringComparison.Ordinal);
        using var form = await trainer.GetAsync("/gestion/sessions/nouvelle");
        Assert.NotEqual(HttpStatusCode.OK, form.StatusCode);
        using var gestion = await trainer.GetAsync("/gestion");
        Assert.NotEqual(HttpStatusCode.OK, gestion.StatusCode);
    }
}
