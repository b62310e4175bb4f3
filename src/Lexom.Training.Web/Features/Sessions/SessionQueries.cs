using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Sessions;

public sealed record SessionRow(Guid Id, string CourseReference, string CourseTitle, SessionKind Kind, string? ClientName, DateOnly StartsOn, DateOnly EndsOn,
    string Place, int Capacity, int SeatsTaken, int Waiting, string? Trainer, SessionStatus Status);

public sealed record SessionList(DateOnly Month, IReadOnlyList<SessionRow> Rows, IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks, bool TrainerOnly);

public sealed record CalendarDay(DateOnly Day, bool InMonth, IReadOnlyList<SessionRow> Sessions);

public sealed record Choice(string Value, string Label);

/// <summary>One enrolled participant, with its order and whether it may be convened (C2).</summary>
public sealed record EnrolledParticipant(Guid ParticipantId, string Name, Guid OrderId, string OrderNumber, string ClientName, EnrolmentStatus Status, int Rank,
    ConvocationDecision Convocation, string? Email = null, ConvocationRow? Convened = null);

/// <summary>A participant's convocation: for which version of the session, the calendar's SEQUENCE, when, to whom, and the state of its e-mail.</summary>
public sealed record ConvocationRow(Guid ParticipantId, int SessionVersion, int Sequence, string Recipient, DateTimeOffset SentAt, int Sends, DateTimeOffset? CancelledAt,
    Email.OutboxStatus? MailStatus);

/// <summary>A participant of a matching order, not yet in a session.</summary>
/// <summary>One participant's attestation and the state of its last e-mail (null when the outbox row is gone).</summary>
public sealed record AttestationRow(Guid Id, string ParticipantName, Guid OrderId, string ClientName, Guid FileId, string FileName, string? Recipient,
    Email.OutboxStatus? MailStatus, DateTimeOffset? SentAt, string? LastError, int Sends, DateTimeOffset IssuedAt, DateTimeOffset? OpenedAt = null);

public sealed record AttestationTracking(SessionRow Session, DateOnly? ClosedOn, IReadOnlyList<AttestationRow> Rows)
{
    public int Sent => Rows.Count(r => r.MailStatus == Email.OutboxStatus.Sent);

    public int Failed => Rows.Count(r => r.MailStatus == Email.OutboxStatus.Failed);

    /// <summary>Downloaded by the client from its space at least once (« ouverte »).</summary>
    public int Opened => Rows.Count(r => r.OpenedAt is not null);
}

public sealed record Candidate(Guid ParticipantId, string Name, Guid OrderId, string OrderNumber, string ClientName, bool Confirmed, Guid? ClientId = null);

public sealed record SessionView(SessionRow Session, Guid? TrainerId, IReadOnlyList<EnrolledParticipant> Enrolled, IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<Choice> Trainers, int Version = 1, int ConvocationDaysBefore = 10)
{
    /// <summary>The seats of confirmed orders: the participants who will be convened.</summary>
    public IEnumerable<EnrolledParticipant> Convened => Enrolled.Where(e => e.Status == EnrolmentStatus.Enrolled && e.Convocation.MayConvene);

    /// <summary>C2: seats held by orders not confirmed yet, shown apart and not convened.</summary>
    public IEnumerable<EnrolledParticipant> NotConvened => Enrolled.Where(e => e.Status == EnrolmentStatus.Enrolled && !e.Convocation.MayConvene);

    public IEnumerable<EnrolledParticipant> WaitingList => Enrolled.Where(e => e.Status == EnrolmentStatus.Waiting).OrderBy(e => e.Rank);
}

/// <summary>The sessions' reads: the list with its month calendar, a session's page, the choices of the forms.</summary>
public sealed class SessionQueries(AppDbContext db, UserManager<AppUser> users, Microsoft.Extensions.Options.IOptions<Jobs.JobOptions> jobs)
{
    /// <summary>The sessions of a month (those that share a day with it), for the list and the calendar; a trainer sees only theirs.</summary>
    public async Task<SessionList> ListAsync(DateOnly month, Guid? trainerOnly, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var rows = await Rows(db.CourseSessions.AsNoTracking().Where(s => s.StartsOn <= last && s.EndsOn >= first), trainerOnly).ToListAsync(ct);
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7)); // the Monday of the first week
        var weeks = new List<IReadOnlyList<CalendarDay>>();
        for (var monday = start; monday <= last; monday = monday.AddDays(7))
        {
            weeks.Add(Enumerable.Range(0, 7).Select(i => monday.AddDays(i))
                .Select(d => new CalendarDay(d, d.Month == first.Month, rows.Where(r => r.StartsOn <= d && r.EndsOn >= d).ToList())).ToList());
        }
        return new SessionList(first, rows, weeks, trainerOnly is not null);
    }

    private IQueryable<SessionRow> Rows(IQueryable<CourseSession> sessions, Guid? trainerOnly)
    {
        if (trainerOnly is { } trainer) sessions = sessions.Where(s => s.TrainerId == trainer);
        return from s in sessions
               join c in db.Courses on s.CourseId equals c.Id
               join cl in db.Clients on s.ClientId equals cl.Id into clients
               from cl in clients.DefaultIfEmpty()
               join u in db.Users on s.TrainerId equals u.Id into trainers
               from u in trainers.DefaultIfEmpty()
               orderby s.StartsOn, c.Reference
               select new SessionRow(s.Id, c.Reference, c.Title, s.Kind, cl == null ? null : cl.Name, s.StartsOn, s.EndsOn, s.Place, s.Capacity, s.SeatsTaken,
                   s.Enrolments.Count(e => e.Status == EnrolmentStatus.Waiting), u == null ? null : u.DisplayName, s.Status);
    }

    /// <summary>A session's row (staff), or null.</summary>
    public Task<SessionRow?> RowAsync(Guid id, CancellationToken ct) =>
        Rows(db.CourseSessions.AsNoTracking().Where(s => s.Id == id), null).SingleOrDefaultAsync(ct);

    /// <summary>A session's page; null when it does not exist or, for a trainer, is not theirs.</summary>
    public async Task<SessionView?> ViewAsync(Guid id, Guid? trainerOnly, CancellationToken ct)
    {
        var row = await Rows(db.CourseSessions.AsNoTracking().Where(s => s.Id == id), trainerOnly).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var session = await db.CourseSessions.AsNoTracking().Include(s => s.Enrolments).SingleAsync(s => s.Id == id, ct);

        var orderIds = session.Enrolments.Select(e => e.OrderId).Distinct().ToList();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Participants).Include(o => o.Invoices).AsSplitQuery()
            .Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
        var clientNames = await ClientNamesAsync(orders.Select(o => o.ClientId), ct);
        var convocations = await (
                from c in db.SessionConvocations.AsNoTracking()
                where c.SessionId == id
                join m in db.OutboxMessages on c.OutboxMessageId equals m.Id into mails
                from m in mails.DefaultIfEmpty()
                select new ConvocationRow(c.ParticipantId, c.SessionVersion, c.Sequence, c.Recipient, c.SentAt, c.Sends, c.CancelledAt, m == null ? null : m.Status))
            .ToDictionaryAsync(c => c.ParticipantId, ct);
        var enrolled = session.Enrolments.Select(e =>
        {
            var order = orders.Single(o => o.Id == e.OrderId);
            var participant = order.Participants.FirstOrDefault(p => p.Id == e.ParticipantId);
            return new EnrolledParticipant(e.ParticipantId, participant?.Name ?? e.ParticipantName, order.Id, order.ProposalNumber.ToString(),
                clientNames.GetValueOrDefault(order.ClientId ?? Guid.Empty, "—"), e.Status, e.Rank, order.Convocation(), participant?.Email,
                convocations.GetValueOrDefault(e.ParticipantId));
        }).OrderBy(e => e.Rank).ToList();

        var candidates = new List<Candidate>();
        if (session.Status == SessionStatus.Planned)
        {
            var kind = session.Kind == SessionKind.Inter ? Domain.TrainingKind.Inter : Domain.TrainingKind.Intra;
            var matching = await db.Orders.AsNoTracking().Include(o => o.Participants)
                .Where(o => EF.Property<string>(o, Data.Configurations.OrderConfiguration.CourseReference) == session.CourseReference
                            && o.StartsOn == session.StartsOn && o.EndsOn == session.EndsOn && o.TrainingKind == kind
                            && (session.ClientId == null || o.ClientId == session.ClientId)
                            && (o.Status == OrderStatus.PendingSignatureAndDeposit || o.Status == OrderStatus.Confirmed || o.Status == OrderStatus.Postponed))
                .OrderBy(o => o.OrderedOn).ToListAsync(ct);
            var participantIds = matching.SelectMany(o => o.Participants.Select(p => p.Id)).ToList();
            var taken = await db.Set<SessionEnrolment>().Where(e => participantIds.Contains(e.ParticipantId)).Select(e => e.ParticipantId).ToListAsync(ct);
            var names = await ClientNamesAsync(matching.Select(o => o.ClientId), ct);
            candidates = matching.SelectMany(o => o.Participants.Where(p => !p.Removed && !taken.Contains(p.Id))
                .Select(p => new Candidate(p.Id, p.Name, o.Id, o.ProposalNumber.ToString(), names.GetValueOrDefault(o.ClientId ?? Guid.Empty, "—"), o.IsContractConcluded, o.ClientId))).ToList();
        }
        return new SessionView(row, session.TrainerId, enrolled, candidates, await TrainersAsync(), session.Version, jobs.Value.ConvocationDaysBefore);
    }

    /// <summary>The tracking of a session's attestations (issue 8): the kept PDF and the state of the last e-mail that carried it.</summary>
    public async Task<AttestationTracking?> AttestationsAsync(Guid id, CancellationToken ct)
    {
        var row = await Rows(db.CourseSessions.AsNoTracking().Where(s => s.Id == id), null).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var closedOn = await db.CourseSessions.AsNoTracking().Where(s => s.Id == id).Select(s => s.ClosedOn).SingleAsync(ct);
        var rows = await (
                from a in db.SessionAttestations.AsNoTracking()
                where a.SessionId == id
                join f in db.StoredFiles on a.StoredFileId equals f.Id
                join m in db.OutboxMessages on a.OutboxMessageId equals m.Id into mails
                from m in mails.DefaultIfEmpty()
                join cl in db.Clients on f.ClientId equals cl.Id
                orderby cl.Name, a.ParticipantName
                select new AttestationRow(a.Id, a.ParticipantName, a.OrderId, cl.Name, f.Id, f.FileName, m == null ? null : m.Recipient,
                    m == null ? null : m.Status, m == null ? null : m.SentAt, m == null ? null : m.LastError, a.Sends, a.IssuedAt, a.OpenedAt))
            .ToListAsync(ct);
        return new AttestationTracking(row, closedOn, rows);
    }

    public async Task<IReadOnlyList<Choice>> TrainersAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Trainer)).OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id.ToString(), $"{u.DisplayName} ({u.Email})")).ToList();

    public async Task<IReadOnlyList<Choice>> CoursesAsync(CancellationToken ct) =>
        await db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published).OrderBy(c => c.Reference)
            .Select(c => new Choice(c.Reference, c.Reference + " – " + c.Title)).ToListAsync(ct);

    public async Task<IReadOnlyList<Choice>> ClientsAsync(CancellationToken ct) =>
        (await db.Clients.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).Take(500).ToListAsync(ct))
        .Select(c => new Choice(c.Id.ToString(), c.Name)).ToList();

    private async Task<Dictionary<Guid, string>> ClientNamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.OfType<Guid>().Distinct().ToList();
        return await db.Clients.AsNoTracking().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }
}
