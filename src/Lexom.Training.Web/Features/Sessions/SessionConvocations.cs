using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Features.Sessions;

/// <summary>What a round of convocations did: participants convened, and seats not convened because their order is not confirmed (C2).</summary>
public sealed record ConvocationRound(int Convened, int NotConvened);

/// <summary>
/// Convocations (issue 8, C2). Inside the caller's transaction, on a session whose row the caller locked: every seat of a
/// confirmed order whose convocation was not sent for the session's current <see cref="CourseSession.Version"/> gets one —
/// to the participant's own address with the client's contact in copy, or to the contact alone listing the participants of
/// the order without an address — with the practical details and an RFC 5545 <c>.ics</c> (METHOD:REQUEST, one event per
/// half-day, UID stable per session and participant, SEQUENCE one more at each version). Seats of orders not confirmed are
/// never convened (C2). A cancelled session (X4) sends the calendar's CANCEL to those convened. The e-mails go through the
/// outbox, in the caller's <c>SaveChanges</c>.
/// </summary>
public sealed class SessionConvocations(
    AppDbContext db,
    SessionDesk desk,
    IEmailOutbox outbox,
    ISellerIdentityProvider seller,
    TimeProvider clock,
    IOptions<LexomOptions> options,
    ILogger<SessionConvocations> logger)
{
    /// <summary>The half-days' hours in Paris (the one place that says them): 9 h 00 – 12 h 30 and 14 h 00 – 17 h 30.</summary>
    public static readonly (TimeOnly Start, TimeOnly End) Morning = (new(9, 0), new(12, 30));

    public static readonly (TimeOnly Start, TimeOnly End) Afternoon = (new(14, 0), new(17, 30));

    /// <summary>What a trainee brings (the convocation says it).</summary>
    public const string Bring = "de quoi prendre des notes et, si vous en avez un, un ordinateur portable ; les supports de formation sont fournis. Le déjeuner et les déplacements restent à la charge des stagiaires (M2).";

    /// <summary>Each day's morning and afternoon, Paris local time.</summary>
    public static IReadOnlyList<CalendarSlot> Slots(DateOnly startsOn, DateOnly endsOn)
    {
        var slots = new List<CalendarSlot>();
        for (var d = startsOn; d <= endsOn; d = d.AddDays(1))
        {
            slots.Add(new CalendarSlot(d.ToDateTime(Morning.Start), d.ToDateTime(Morning.End)));
            slots.Add(new CalendarSlot(d.ToDateTime(Afternoon.Start), d.ToDateTime(Afternoon.End)));
        }
        return slots;
    }

    public static string ParticipantUid(Guid sessionId, Guid participantId) => $"convocation-{sessionId:N}-{participantId:N}@lexom.fr";

    public static string ContactUid(Guid sessionId, Guid orderId) => $"convocation-{sessionId:N}-commande-{orderId:N}@lexom.fr";

    /// <summary>« Envoyer les convocations maintenant » (staff): what is due now, whatever the date.</summary>
    public async Task<SessionResult> SendNowAsync(Guid sessionId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = await desk.LockAndLoadAsync(sessionId, ct);
        if (session is null) return SessionResult.Missing;
        if (session.Status != SessionStatus.Planned)
            return SessionResult.Refused("La session n'est plus planifiée : aucune convocation n'est envoyée.");
        var round = await SendDueAsync(session, onlyConvenedBefore: false, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var message = round.Convened == 0
            ? "Aucune convocation à envoyer : chaque participant convoqué l'a déjà été pour ces dates."
            : $"{round.Convened} convocation{(round.Convened > 1 ? "s" : "")} envoyée{(round.Convened > 1 ? "s" : "")}.";
        if (round.NotConvened > 0)
            message += $" {round.NotConvened} place{(round.NotConvened > 1 ? "s" : "")} de commande non confirmée : non convoqué{(round.NotConvened > 1 ? "s" : "")} (C2).";
        return SessionResult.Ok(session.Id, message);
    }

    /// <summary>
    /// The convocations due on a locked session, for its current version; <paramref name="onlyConvenedBefore"/>: only the
    /// participants already convened for an earlier version (a move re-sends theirs at once; the others wait for the job).
    /// </summary>
    internal async Task<ConvocationRound> SendDueAsync(CourseSession session, bool onlyConvenedBefore, CancellationToken ct)
    {
        var rows = await db.SessionConvocations.Where(c => c.SessionId == session.Id).ToListAsync(ct);
        var seats = session.Enrolments.Where(e => e.Status == EnrolmentStatus.Enrolled).ToList();
        var orderIds = seats.Select(e => e.OrderId).Distinct().ToList();
        var orders = await db.Orders.Include(o => o.Participants).Include(o => o.Invoices).AsSplitQuery()
            .Where(o => orderIds.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct);
        var details = await DetailsAsync(session, orders, ct);
        var now = clock.GetUtcNow();
        int convened = 0, notConvened = 0;
        foreach (var order in orders)
        {
            var ofOrder = seats.Where(e => e.OrderId == order.Id).ToList();
            if (order.Status is not (OrderStatus.Confirmed or OrderStatus.Postponed) || !order.Convocation().MayConvene)
            {
                notConvened += ofOrder.Count; // C2: a participant of an unconfirmed order is not convened
                continue;
            }

            var due = ofOrder
                .Select(e => (Participant: order.Participants.First(p => p.Id == e.ParticipantId), Row: rows.Find(r => r.ParticipantId == e.ParticipantId)))
                .Where(x => !x.Participant.Removed && (x.Row is null ? !onlyConvenedBefore : x.Row.SessionVersion < session.Version))
                .ToList();
            if (due.Count == 0) continue;
            var client = details.Clients[order.ClientId!.Value];
            var contact = new EmailRecipient(client.Email, client.ContactName);

            foreach (var (participant, existing) in due.Where(x => x.Participant.Email is not null))
            {
                var row = existing ?? Add(session, order, participant);
                var uid = ParticipantUid(session.Id, participant.Id);
                var model = Model(session, details, order, participant.Name, toContact: false, [participant.Name], uid, row.NextSequence,
                    [new CalendarAttendee(participant.Email!, participant.Name)], CalendarAttachment.Request, update: row.SessionVersion > 0);
                var mail = outbox.Enqueue(new EmailRecipient(participant.Email!, participant.Name), [contact], ConvocationEmail.Compose(model, details.Seller), ConvocationEmail.Kind);
                row.Sent(session.Version, row.NextSequence, participant.Email!, uid, mail.Id, now);
                convened++;
            }

            var withoutAddress = due.Where(x => x.Participant.Email is null).ToList();
            if (withoutAddress.Count > 0)
            {
                var group = withoutAddress.Select(x => x.Row ?? Add(session, order, x.Participant)).ToList();
                var sequence = group.Max(r => r.NextSequence);
                var uid = ContactUid(session.Id, order.Id);
                var model = Model(session, details, order, client.ContactName, toContact: true, [.. withoutAddress.Select(x => x.Participant.Name)], uid, sequence,
                    [new CalendarAttendee(client.Email, client.ContactName)], CalendarAttachment.Request, update: group.Exists(r => r.SessionVersion > 0));
                var mail = outbox.Enqueue(contact, ConvocationEmail.Compose(model, details.Seller), ConvocationEmail.Kind);
                foreach (var row in group) row.Sent(session.Version, sequence, client.Email, uid, mail.Id, now);
                convened += group.Count;
            }
        }

        if (convened > 0)
            logger.LogInformation("Session {SessionId} (version {Version}) : {Convened} convocation(s), {NotConvened} place(s) non convoquée(s) (C2)",
                session.Id, session.Version, convened, notConvened);
        return new ConvocationRound(convened, notConvened);
    }

    /// <summary>
    /// X4: the session is cancelled; everyone convened gets the calendar's CANCEL (same UIDs, a higher SEQUENCE), grouped as
    /// their convocations were. <paramref name="seats"/> are the session's enrolments before the cancellation freed them.
    /// </summary>
    internal async Task<int> SendCancellationsAsync(CourseSession session, string cause, CancellationToken ct)
    {
        var rows = await db.SessionConvocations.Where(c => c.SessionId == session.Id && c.Sends > 0 && c.CancelledAt == null).ToListAsync(ct);
        if (rows.Count == 0) return 0;
        var orderIds = rows.Select(r => r.OrderId).Distinct().ToList();
        var orders = await db.Orders.Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
        var details = await DetailsAsync(session, orders, ct);
        var now = clock.GetUtcNow();
        foreach (var group in rows.GroupBy(r => (r.OrderId, r.Uid)))
        {
            var order = orders.Single(o => o.Id == group.Key.OrderId);
            var client = details.Clients[order.ClientId!.Value];
            var first = group.First();
            var toContact = string.Equals(first.Recipient, client.Email, StringComparison.OrdinalIgnoreCase) && group.Key.Uid.Contains("-commande-", StringComparison.Ordinal);
            var names = group.Select(r => r.ParticipantName).ToList();
            var sequence = group.Max(r => r.NextSequence);
            var greeting = toContact ? client.ContactName : first.ParticipantName;
            var model = Model(session, details, order, greeting, toContact, names, group.Key.Uid, sequence,
                [new CalendarAttendee(first.Recipient, greeting)], CalendarAttachment.Cancel, update: false);
            var to = new EmailRecipient(first.Recipient, greeting);
            var mail = toContact
                ? outbox.Enqueue(to, ConvocationEmail.Cancelled(model, cause, details.Seller), ConvocationEmail.CancelKind)
                : outbox.Enqueue(to, [new EmailRecipient(client.Email, client.ContactName)], ConvocationEmail.Cancelled(model, cause, details.Seller), ConvocationEmail.CancelKind);
            foreach (var row in group) row.Cancelled(sequence, mail.Id, now);
        }
        return rows.Count;
    }

    private SessionConvocation Add(CourseSession session, Order order, Participant participant)
    {
        var row = new SessionConvocation(Guid.NewGuid(), session.Id, order.Id, participant.Id, participant.Name);
        db.SessionConvocations.Add(row);
        return row;
    }

    private sealed record Details(Course Course, string? Trainer, Dictionary<Guid, Domain.Clients.Client> Clients, Documents.SellerIdentity Seller);

    private async Task<Details> DetailsAsync(CourseSession session, IEnumerable<Order> orders, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == session.CourseId, ct);
        var trainer = session.TrainerId is { } t ? await db.Users.Where(u => u.Id == t).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        var clientIds = orders.Select(o => o.ClientId).OfType<Guid>().Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return new Details(course, trainer, clients, seller.Current());
    }

    private ConvocationEmailModel Model(CourseSession session, Details details, Order order, string greeting, bool toContact, IReadOnlyList<string> participants,
        string uid, int sequence, IReadOnlyList<CalendarAttendee> attendees, string method, bool update)
    {
        var slots = Slots(session.StartsOn, session.EndsOn);
        var identity = details.Seller;
        var summary = $"Formation {details.Course.Title} ({details.Course.Reference})";
        var contact = string.IsNullOrWhiteSpace(details.Course.Contact) ? $"{identity.Email}, {identity.Phone}" : details.Course.Contact;
        var description = $"Convocation de {string.Join(", ", participants)}. Lieu : {session.Place}. Formateur : {details.Trainer ?? "communiqué avant la session"}. À apporter : {Bring} Contact : {contact}";
        var invite = new CalendarInvite(uid, summary, session.Place, description, slots, identity.Email, identity.LegalName, method, sequence, attendees);
        return new ConvocationEmailModel(greeting, toContact, participants, details.Course.Reference, details.Course.Title, session.StartsOn, session.EndsOn, slots,
            session.Place, details.Trainer, Bring, contact, update, invite,
            toContact ? $"{options.Value.PublicBaseUrl.TrimEnd('/')}/espace-client/commandes/{order.Id}" : null);
    }
}
