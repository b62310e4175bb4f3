using System.Net;
using System.Text;
using Ical.Net;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Sessions;
using Lexom.Training.Web.Tests.Billing;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Lexom.Training.Web.Tests.Sessions.SessionSteps;

namespace Lexom.Training.Web.Tests.Sessions;

/// <summary>
/// Convocations (issue 8, C2), moving a session through the postponement rules (R1, X4) and LEXOM's cancellation (X4), on
/// sessions of 13–14 April 2026 (the fixtures' clock stays on 2 March 2026). The e-mails are read back from the outbox as
/// MIME and their <c>.ics</c> parsed with Ical.Net.
/// </summary>
public sealed class ConvocationTests(LexomApp app) : IClassFixture<LexomApp>
{
    private static readonly DateOnly OrderedOn = new(2026, 3, 2);

    [Fact]
    public async Task C2_R1_convocations_go_to_confirmed_orders_once_with_an_ics_and_again_with_a_higher_sequence_after_a_move()
    {
        var seeded = await BillingSteps.SeedOrdersAsync(app,
        [
            new OrderPlan("Convocations A SAS", "contact-a@convocations.example", Start, End, OrderedOn, 2),
            new OrderPlan("Convocations B SARL", "contact-b@convocations.example", Start, End, OrderedOn, 1),
            new OrderPlan("Convocations U SA", "contact-u@convocations.example", Start, End, OrderedOn, 1, Confirmed: false),
        ]);
        var (a, b, u) = (seeded[0], seeded[1], seeded[2]);
        var trainer = await TrainerAsync(app, "convocations.formateur@lexom.test");
        using var admin = await app.SignedInAsync(Roles.Admin);
        var sessionId = await PlannedAsync(admin, Start, End, trainer.Id);
        var participants = await ParticipantsAsync(seeded.Select(o => o.Id));
        foreach (var p in participants) (await EnrolAsync(admin, sessionId, p.Id)).Dispose();
        var lucie = participants.First(p => p.OrderId == a.Id);
        var page = $"/gestion/sessions/{sessionId}";

        // The participant's own e-mail is optional and checked.
        using (var bad = await admin.PostFormAsync(page, $"{page}/participants/{lucie.Id}/email", ("email", "pas-une-adresse")))
            Redirected(bad, page);
        Assert.Contains("« pas-une-adresse » n'est pas une adresse e-mail valide.", WebUtility.HtmlDecode(await admin.GetPageAsync(page)), StringComparison.Ordinal);
        using (var good = await admin.PostFormAsync(page, $"{page}/participants/{lucie.Id}/email", ("email", "lucie.martin@convocations.example")))
            Redirected(good, page);

        // « Envoyer les convocations maintenant »: the confirmed orders only (C2).
        using (var send = await admin.PostFormAsync(page, $"{page}/convocations"))
            Redirected(send, page);
        Assert.Contains("3 convocations envoyées. 1 place de commande non confirmée : non convoqué (C2).", WebUtility.HtmlDecode(await admin.GetPageAsync(page)), StringComparison.Ordinal);
        var mails = await ConvocationsAsync("@convocations.example");
        Assert.Equal(3, mails.Count);
        Assert.DoesNotContain(mails, m => m.Recipient == u.Email || m.Cc.Contains(u.Email));

        // To the participant, the client's contact in copy, with the practical details and the .ics.
        var toLucie = Assert.Single(mails, m => m.Recipient == "lucie.martin@convocations.example");
        Assert.Equal([a.Email], toLucie.Cc);
        Assert.Contains("13 avril 2026, 9 h 00 – 12 h 30 et 14 h 00 – 17 h 30", toLucie.Text, StringComparison.Ordinal);
        Assert.Contains("LEXOM, salle Tanargue, Aubenas (07)", toLucie.Text, StringComparison.Ordinal);
        Assert.Contains("Formateur : convocations.formateur@lexom.test", toLucie.Text, StringComparison.Ordinal);
        Assert.Contains("À apporter :", toLucie.Text, StringComparison.Ordinal);
        var uid = SessionConvocations.ParticipantUid(sessionId, lucie.Id);
        var calendar = AssertCalendar(toLucie.Ics, "REQUEST", uid, sequence: 0, Start, "lucie.martin@convocations.example");

        // To the contact alone, naming the participants without an address (one e-mail per order).
        var toA = Assert.Single(mails, m => m.Recipient == a.Email);
        Assert.Empty(toA.Cc);
        var other = participants.Single(p => p.OrderId == a.Id && p.Id != lucie.Id);
        Assert.Contains($"{other.Name} est convoqué(e) à la formation", toA.Text, StringComparison.Ordinal);
        AssertCalendar(toA.Ics, "REQUEST", SessionConvocations.ContactUid(sessionId, a.Id), 0, Start, a.Email);
        Assert.Single(mails, m => m.Recipient == b.Email);

        // Never twice for the same dates.
        using (var again = await admin.PostFormAsync(page, $"{page}/convocations"))
            Redirected(again, page);
        Assert.Contains("Aucune convocation à envoyer", WebUtility.HtmlDecode(await admin.GetPageAsync(page)), StringComparison.Ordinal);
        Assert.Equal(3, (await ConvocationsAsync("@convocations.example")).Count);

        // Bad input is a French message, never a 500: the client's request without its written reference (R1), another length.
        using (var unwritten = await admin.PostFormAsync(page, $"{page}/deplacement/apercu",
                   ("NewStartsOn", "2026-05-11"), ("NewEndsOn", "2026-05-12"), ("Reason", "client"), ("EmailReference", "")))
            Redirected(unwritten, page);
        Assert.Contains("Un report à la demande du client se fait par écrit", WebUtility.HtmlDecode(await admin.GetPageAsync(page)), StringComparison.Ordinal);
        var longer = WebUtility.HtmlDecode(await ReadAsync(await admin.PostFormAsync(page, $"{page}/deplacement/apercu",
            ("NewStartsOn", "2026-05-11"), ("NewEndsOn", "2026-05-13"), ("Reason", "formateur-absent"))));
        Assert.Contains("La session dure 2 jour(s) : elle est déplacée sur autant de jours", longer, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirmer le déplacement", longer, StringComparison.Ordinal);

        // A move onto days when the trainer leads another session is refused.
        var moved = new DateOnly(2026, 5, 11);
        (await PlanAsync(admin, new DateOnly(2026, 5, 18), new DateOnly(2026, 5, 19), trainer.Id)).Dispose();
        var clash = WebUtility.HtmlDecode(await ReadAsync(await admin.PostFormAsync(page, $"{page}/deplacement/apercu",
            ("NewStartsOn", "2026-05-18"), ("NewEndsOn", "2026-05-19"), ("Reason", "client"), ("EmailReference", "courriel du 1er mars"))));
        Assert.Contains("il ne peut pas être dans deux sessions à la fois", clash, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirmer le déplacement", clash, StringComparison.Ordinal);

        // The client asks in writing (R1): the preview gives each order's decision, nothing changes yet.
        var preview = WebUtility.HtmlDecode(await ReadAsync(await admin.PostFormAsync(page, $"{page}/deplacement/apercu",
            ("NewStartsOn", "2026-05-11"), ("NewEndsOn", "2026-05-12"), ("Reason", "client"), ("EmailReference", "courriel du 1er mars"))));
        Assert.Equal(2, CountOf(preview, "Report accepté (R1)"));
        Assert.Contains("Commande non confirmée : places libérées", preview, StringComparison.Ordinal);
        Assert.Equal(Start, (await SessionAsync(app, sessionId)).StartsOn);
        using (var confirm = await admin.PostFormAsync(page, $"{page}/deplacement",
                   ("NewStartsOn", "2026-05-11"), ("NewEndsOn", "2026-05-12"), ("Reason", "client"), ("EmailReference", "courriel du 1er mars"), ("Version", "1")))
            Redirected(confirm, page);
        var flash = WebUtility.HtmlDecode(await admin.GetPageAsync(page));
        Assert.Contains("Session déplacée du 13 avril 2026 – 14 avril 2026 au 11 mai 2026 – 12 mai 2026 : 2 commande(s) reportée(s)", flash, StringComparison.Ordinal);

        var session = await SessionAsync(app, sessionId);
        Assert.Equal((moved, moved.AddDays(1), 2), (session.StartsOn, session.EndsOn, session.Version));
        Assert.Equal(3, session.Enrolments.Count);
        Assert.DoesNotContain(session.Enrolments, e => e.OrderId == u.Id); // C2: the unconfirmed order's seat is freed
        foreach (var id in new[] { a.Id, b.Id })
        {
            var order = await BillingSteps.OrderAsync(app, id);
            Assert.Equal((OrderStatus.Postponed, moved), (order.Status, order.StartsOn));
            Assert.Equal("R1", order.Decisions[^1].RuleIds);
        }

        // Re-sent at once to those convened: same UID, SEQUENCE + 1, the new dates; the stale form does nothing twice.
        mails = await ConvocationsAsync("@convocations.example");
        Assert.Equal(6, mails.Count);
        var update = mails.Where(m => m.Recipient == "lucie.martin@convocations.example").OrderBy(m => m.CreatedAt).Last();
        Assert.StartsWith("Nouvelles dates : convocation", update.Subject, StringComparison.Ordinal);
        AssertCalendar(update.Ics, "REQUEST", uid, sequence: 1, moved, "lucie.martin@convocations.example");
        using (var twice = await admin.PostFormAsync(page, $"{page}/deplacement",
                   ("NewStartsOn", "2026-05-11"), ("NewEndsOn", "2026-05-12"), ("Reason", "client"), ("EmailReference", "courriel du 1er mars"), ("Version", "1")))
            Redirected(twice, page);
        Assert.Contains(SessionChanges.StaleMessage, WebUtility.HtmlDecode(await admin.GetPageAsync(page)), StringComparison.Ordinal);
        Assert.Equal(6, (await ConvocationsAsync("@convocations.example")).Count);
        Assert.Equal(4, calendar.Events.Count);
    }

    [Fact]
    public async Task X4_lexom_moves_a_session_without_indemnity_then_cancels_it_refunding_the_deposit_and_withdrawing_the_convocations()
    {
        var seeded = await BillingSteps.SeedOrdersAsync(app,
        [
            new OrderPlan("Annulation C SAS", "contact-c@annulation.example", Start, End, OrderedOn, 2),
            new OrderPlan("Annulation D SA", "contact-d@annulation.example", Start, End, OrderedOn, 1, Confirmed: false),
        ]);
        var (c, d) = (seeded[0], seeded[1]);
        using var admin = await app.SignedInAsync(Roles.Admin);
        var sessionId = await PlannedAsync(admin, Start, End);
        foreach (var p in await ParticipantsAsync(seeded.Select(o => o.Id))) (await EnrolAsync(admin, sessionId, p.Id)).Dispose();
        var page = $"/gestion/sessions/{sessionId}";
        using (var send = await admin.PostFormAsync(page, $"{page}/convocations")) Redirected(send, page);
        var convocation = Assert.Single(await ConvocationsAsync("@annulation.example"), m => m.Recipient == c.Email);
        var uid = SessionConvocations.ContactUid(sessionId, c.Id);
        AssertCalendar(convocation.Ics, "REQUEST", uid, 0, Start, c.Email);

        // X4 postponement: the trainer is absent, LEXOM moves the session, no indemnity and no written request from the client.
        var moved = new DateOnly(2026, 4, 20);
        var preview = WebUtility.HtmlDecode(await ReadAsync(await admin.PostFormAsync(page, $"{page}/deplacement/apercu",
            ("NewStartsOn", "2026-04-20"), ("NewEndsOn", "2026-04-21"), ("Reason", "formateur-absent"))));
        Assert.Contains("Report par LEXOM, sans indemnité (X4, R1)", preview, StringComparison.Ordinal);
        using (var move = await admin.PostFormAsync(page, $"{page}/deplacement",
                   ("NewStartsOn", "2026-04-20"), ("NewEndsOn", "2026-04-21"), ("Reason", "formateur-absent"), ("Version", "1")))
            Redirected(move, page);
        var order = await BillingSteps.OrderAsync(app, c.Id);
        Assert.Equal((OrderStatus.Postponed, moved, "X4,R1"), (order.Status, order.StartsOn, order.Decisions[^1].RuleIds));
        Assert.False(order.DepositNonRefundable);
        var afterMove = await SessionAsync(app, sessionId);
        Assert.Equal([c.Id, c.Id], afterMove.Enrolments.Select(e => e.OrderId)); // the unconfirmed order's seat freed (C2)
        var update = (await ConvocationsAsync("@annulation.example")).Where(m => m.Recipient == c.Email).OrderBy(m => m.CreatedAt).Last();
        AssertCalendar(update.Ics, "REQUEST", uid, 1, moved, c.Email);

        // X4 cancellation: the preview shows the refund, the confirmation cancels every order and withdraws the convocations.
        var deposit = order.DepositAmount;
        Assert.Equal(856.80m, deposit.Amount); // 2 × 1 190,00 HT, TTC 2 856,00, 30 %
        var cancelPreview = WebUtility.HtmlDecode(await ReadAsync(await admin.PostFormAsync(page, $"{page}/annulation/apercu", ("Reason", "formateur-absent"))));
        Assert.Contains("Annulation par LEXOM pour l'absence du formateur", cancelPreview, StringComparison.Ordinal);
        Assert.Contains("856,80", cancelPreview, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Planned, (await SessionAsync(app, sessionId)).Status);
        using (var cancel = await admin.PostFormAsync(page, $"{page}/annulation", ("Reason", "formateur-absent"), ("Version", "2")))
            Redirected(cancel, page);
        Assert.Contains("Session annulée (X4) : 1 commande(s) annulée(s), 856,80 € à rembourser",
            WebUtility.HtmlDecode(await admin.GetPageAsync(page)).Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);

        var session = await SessionAsync(app, sessionId);
        Assert.Equal((SessionStatus.Cancelled, 0, 3), (session.Status, session.SeatsTaken, session.Version));
        order = await BillingSteps.OrderAsync(app, c.Id);
        Assert.Equal((OrderStatus.Cancelled, "X4"), (order.Status, order.Decisions[^1].RuleIds));
        Assert.Equal(deposit, order.RefundDue);
        // The unconfirmed order left the session at the move (C2): the cancellation does not touch it.
        Assert.Equal(OrderStatus.PendingSignatureAndDeposit, (await BillingSteps.OrderAsync(app, d.Id)).Status);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == OrderChangeEmails.CancelledKind && m.Recipient == c.Email));
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Kind == OrderChangeEmails.CancelledKind && m.Recipient == d.Email));
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == OrderChangeEmails.PostponedKind && m.Recipient == c.Email));
        }

        // Those convened get the calendar's CANCEL: same UID, a higher SEQUENCE, STATUS:CANCELLED; the unconfirmed order never had one.
        var withdrawn = Assert.Single(await MailsAsync(ConvocationEmail.CancelKind, "@annulation.example"));
        Assert.Equal(c.Email, withdrawn.Recipient);
        var calendar = AssertCalendar(withdrawn.Ics, "CANCEL", uid, 2, moved, c.Email);
        Assert.All(calendar.Events, e => Assert.Equal("CANCELLED", e.Status));
        Assert.DoesNotContain(await ConvocationsAsync("@annulation.example"), m => m.Recipient == d.Email);

        // A cancelled session takes no more convocations.
        using (var after = await admin.PostFormAsync(page, $"{page}/convocations")) Redirected(after, page);
        Assert.Contains("La session n'est plus planifiée", WebUtility.HtmlDecode(await admin.GetPageAsync(page)), StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ helpers

    private sealed record Mail(string Recipient, IReadOnlyList<string> Cc, string Subject, string Text, string Ics, DateTimeOffset CreatedAt);

    /// <summary>The convocations of one test (its clients' domain: the tests of the class share the database).</summary>
    private Task<List<Mail>> ConvocationsAsync(string domain) => MailsAsync(ConvocationEmail.Kind, domain);

    private async Task<List<Mail>> MailsAsync(string kind, string domain)
    {
        await using var db = app.OpenDb();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind && m.Recipient.EndsWith(domain)).ToListAsync();
        var mails = new List<Mail>();
        foreach (var row in rows)
        {
            using var stream = new MemoryStream(row.Mime);
            var mime = await MimeMessage.LoadAsync(stream);
            var part = Assert.Single(mime.Attachments.OfType<MimePart>(), p => p.ContentType.MimeType == "text/calendar");
            using var bytes = new MemoryStream();
            await part.Content!.DecodeToAsync(bytes);
            mails.Add(new Mail(row.Recipient, [.. mime.Cc.Mailboxes.Select(m => m.Address)], mime.Subject ?? "", mime.TextBody ?? "", Encoding.UTF8.GetString(bytes.ToArray()), row.CreatedAt));
        }
        return mails;
    }

    /// <summary>RFC 5545: CRLF lines of at most 75 octets, a VTIMEZONE, one VEVENT per half-day in Europe/Paris with the UID, SEQUENCE and attendee.</summary>
    private static Calendar AssertCalendar(string ics, string method, string uid, int sequence, DateOnly start, string attendee)
    {
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"METHOD:{method}", unfolded, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", unfolded, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Paris", unfolded, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Europe/Paris:{start:yyyyMMdd}T090000", unfolded, StringComparison.Ordinal);
        Assert.Contains($"DTEND;TZID=Europe/Paris:{start.AddDays(1):yyyyMMdd}T173000", unfolded, StringComparison.Ordinal);

        var calendar = Calendar.Load(ics)!;
        Assert.Equal(method, calendar.Method);
        Assert.Equal(4, calendar.Events.Count); // two days, a morning and an afternoon each
        var events = calendar.Events.OrderBy(e => e.DtStart!.Value).ToList();
        Assert.Equal(new DateTime(start.Year, start.Month, start.Day, 9, 0, 0), events[0].DtStart!.Value);
        Assert.Equal("Europe/Paris", events[0].DtStart!.TzId);
        Assert.Equal(new DateTime(start.Year, start.Month, start.Day, 12, 30, 0), events[0].DtEnd!.Value);
        Assert.Equal(new DateTime(start.Year, start.Month, start.Day, 14, 0, 0), events[1].DtStart!.Value);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal($"{i + 1}-{uid}", events[i].Uid);
            Assert.Equal(sequence, events[i].Sequence);
            Assert.Equal($"mailto:{attendee}", Assert.Single(events[i].Attendees).Value!.ToString(), ignoreCase: true);
        }
        return calendar;
    }

    private async Task<List<(Guid Id, Guid OrderId, string Name)>> ParticipantsAsync(IEnumerable<Guid> orderIds)
    {
        var ids = orderIds.ToList();
        await using var db = app.OpenDb();
        return (await db.Orders.AsNoTracking().Include(o => o.Participants).Where(o => ids.Contains(o.Id)).ToListAsync())
            .OrderBy(o => ids.IndexOf(o.Id)).SelectMany(o => o.Participants.Select(p => (p.Id, o.Id, p.Name))).ToList();
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
