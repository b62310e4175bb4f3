using System.Net;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Lexom.Training.Web.Tests.Billing;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Web.Tests.Sessions;

/// <summary>The steps of the sessions' tests: orders written straight to the database, sessions planned through the pages.</summary>
internal static class SessionSteps
{
    public static readonly DateOnly Start = new(2026, 4, 13);
    public static readonly DateOnly End = new(2026, 4, 14);

    /// <summary><paramref name="count"/> INTER orders of RCL-RCL-02 on 13–14 April 2026, each with <paramref name="participants"/> participants; confirmed (C1) or not.</summary>
    public static async Task<List<Order>> OrdersAsync(LexomApp app, int count, int participants = 1, bool confirm = true, string clientName = "Coteaux de l'Ardèche SCA",
        string siret = "73282932000074")
    {
        var drafts = await ProposalSteps.SeedDraftsAsync(app, count, siret, clientName);
        await using var db = app.OpenDb();
        var vatRates = await VatRates.TableAsync(db, CancellationToken.None);
        var counter = await db.Orders.CountAsync() + 100;
        var orders = new List<Order>();
        foreach (var draftId in drafts)
        {
            var k = ++counter;
            var proposal = (await ProposalDrafts.LoadAsync(db, draftId, CancellationToken.None))!;
            for (var i = 1; i < participants; i++) proposal.AddParticipant(Guid.NewGuid(), $"Participant {k}-{i + 1}");
            proposal.RemoveLine(proposal.Lines[0].Id);
            proposal.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", participants, Money.Euros(1190m));
            ProposalDrafts.KeepOrder(db, proposal);
            var orderedOn = app.Clock.Today();
            proposal.Issue(orderedOn, "CGV LEXOM 2026-01", vatRates, DocumentNumber.Create(DocumentKind.Proposal, 2026, k));
            proposal.Accept(orderedOn);
            var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, orderedOn);
            if (confirm)
            {
                foreach (var kind in order.RequiredDocuments) order.RecordSignedDocument(kind, orderedOn, "x");
                order.RecordDeposit(Guid.NewGuid(), DocumentNumber.Create(DocumentKind.DepositInvoice, 2026, k), orderedOn, Guid.NewGuid(),
                    order.DepositAmount, orderedOn, $"VIR-{k}", PaymentMethod.Transfer);
                Assert.Equal(OrderStatus.Confirmed, order.Status);
            }
            db.Orders.Add(order);
            db.Entry(order).Property<string>(OrderConfiguration.CourseReference).CurrentValue = proposal.Course.Reference;
            for (var i = 0; i < order.Participants.Count; i++)
                db.Entry(order.Participants[i]).Property<int>(ProposalConfiguration.Position).CurrentValue = i;
            orders.Add(order);
        }
        await db.SaveChangesAsync();
        return orders;
    }

    /// <summary>A trainer's account; returns its id and credentials.</summary>
    public static async Task<(Guid Id, string Email, string Password)> TrainerAsync(LexomApp app, string email)
    {
        var (e, password) = await app.CreateUserAsync(Roles.Trainer, email);
        await using var db = app.OpenDb();
        return (await db.Users.Where(u => u.Email == e).Select(u => u.Id).SingleAsync(), e, password);
    }

    /// <summary>Plans an INTER session of RCL-RCL-02 through the form; returns the response.</summary>
    public static Task<HttpResponseMessage> PlanAsync(TestClient staff, DateOnly start, DateOnly end, Guid? trainer = null, string place = "LEXOM, salle Tanargue, Aubenas (07)") =>
        staff.PostFormAsync("/gestion/sessions/nouvelle", "/gestion/sessions/nouvelle",
            ("Course", "RCL-RCL-02"), ("Kind", "inter"), ("ClientId", ""), ("StartsOn", Iso(start)), ("EndsOn", Iso(end)), ("Place", place),
            ("TrainerId", trainer?.ToString() ?? ""));

    public static async Task<Guid> PlannedAsync(TestClient staff, DateOnly start, DateOnly end, Guid? trainer = null)
    {
        using var response = await PlanAsync(staff, start, end, trainer);
        return OrderSteps.IdFrom(response);
    }

    public static Task<HttpResponseMessage> EnrolAsync(TestClient staff, Guid sessionId, Guid participantId) =>
        staff.PostFormAsync($"/gestion/sessions/{sessionId}", $"/gestion/sessions/{sessionId}/inscriptions", ("participantId", participantId.ToString()));

    public static async Task<CourseSession> SessionAsync(LexomApp app, Guid id)
    {
        await using var db = app.OpenDb();
        return await db.CourseSessions.AsNoTracking().Include(s => s.Enrolments).SingleAsync(s => s.Id == id);
    }

    /// <summary>A session of RCL-RCL-02 seeded in the database (30 seats, past dates: planning refuses them), the 23–24 February with every participant enrolled and the émargement filled: each order's first participant missed the last afternoon.</summary>
    public static async Task<(Guid Id, IReadOnlyList<string> Objectives, HashSet<Guid> Absentees)> ClosableSessionAsync(LexomApp app, List<Guid> orderIds, Guid? unconfirmedId, Guid? trainerId)
    {
        await using var db = app.OpenDb();
        var course = await db.Courses.SingleAsync(c => c.Reference == "RCL-RCL-02");
        var session = CourseSession.Plan(Guid.NewGuid(), course, SessionKind.Inter, null, BillingSteps.PastStart, BillingSteps.PastEnd, "LEXOM, salle Tanargue, Aubenas (07)", BillingSteps.PastOrder);
        if (trainerId is not null) session.AssignTrainer(trainerId, []);
        db.CourseSessions.Add(session);
        db.Entry(session).Property(s => s.Capacity).CurrentValue = 30;
        var orders = await db.Orders.Include(o => o.Participants).Where(o => orderIds.Contains(o.Id)).ToListAsync();
        var absentees = new HashSet<Guid>();
        foreach (var id in orderIds)
        {
            var order = orders.Single(o => o.Id == id);
            foreach (var p in order.Participants)
            {
                session.Enrol(Guid.NewGuid(), order, p.Id, BillingSteps.PastOrder);
                if (id == unconfirmedId) continue;
                var absent = p.Id == order.Participants[0].Id;
                if (absent) absentees.Add(p.Id);
                order.RecordAttendance(p.Id, BillingSteps.PastStart, HalfDay.Morning, true);
                order.RecordAttendance(p.Id, BillingSteps.PastStart, HalfDay.Afternoon, true);
                order.RecordAttendance(p.Id, BillingSteps.PastEnd, HalfDay.Morning, true);
                order.RecordAttendance(p.Id, BillingSteps.PastEnd, HalfDay.Afternoon, !absent);
            }
        }
        await db.SaveChangesAsync();
        return (session.Id, course.Objectives, absentees);
    }

    /// <summary>A client account of <paramref name="clientId"/>, signed in.</summary>
    public static async Task<TestClient> ClientAccountAsync(LexomApp app, Guid clientId, string email)
    {
        var (e, password) = await app.CreateUserAsync(Roles.Client, email);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(e))!;
            user.ClientId = clientId;
            await users.UpdateAsync(user);
        }
        var client = app.NewClient();
        await client.LoginAsync(e, password);
        return client;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static void Redirected(HttpResponseMessage response, string location)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }
}
