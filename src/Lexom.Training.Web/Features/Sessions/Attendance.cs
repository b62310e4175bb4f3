using Lexom.Training.Domain;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Sessions;

/// <summary>One participant's line of a day's attendance sheet: morning and afternoon, null when not recorded yet.</summary>
public sealed record AttendanceLine(Guid ParticipantId, string Name, string ClientName, bool? Morning, bool? Afternoon);

public sealed record AttendanceSheet(SessionRow Session, DateOnly Day, IReadOnlyList<DateOnly> Days, IReadOnlyList<AttendanceLine> Lines, bool Editable);

/// <summary>
/// A1: the émargement of a session, one day at a time (a morning and an afternoon per participant), by the trainer or the
/// staff. Only the seats of orders whose contract is concluded are on the sheet (C2: the others are not convened).
/// Recording attendance goes through <see cref="Order.RecordAttendance"/> and never touches an invoice.
/// </summary>
public sealed class SessionAttendance(AppDbContext db, SessionQueries queries, SessionDesk desk, Documents.IDocumentRenderer renderer, ISellerIdentityProvider seller)
{
    /// <summary>A1: the printable attendance sheet of the whole session (every day, the convened participants), with what is already recorded.</summary>
    public async Task<(string FileName, byte[] Pdf)?> SheetPdfAsync(Guid sessionId, Guid? trainerOnly, CancellationToken ct)
    {
        var view = await queries.ViewAsync(sessionId, trainerOnly, ct);
        if (view is null) return null;
        var s = view.Session;
        var hours = await db.Courses.AsNoTracking().Where(c => c.Reference == s.CourseReference).Select(c => c.DurationHours).SingleAsync(ct);
        var halfDays = (s.EndsOn.DayNumber - s.StartsOn.DayNumber + 1) * 2;
        var halfDayHours = Math.Round(hours / halfDays, 2, MidpointRounding.AwayFromZero);
        var ids = view.Convened.Select(e => e.ParticipantId).ToList();
        var entries = await db.Set<Participant>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Attendance, ct);
        var document = new Documents.AttendanceSheetDocument
        {
            Seller = seller.Current(),
            CourseTitle = s.CourseTitle,
            CourseReference = s.CourseReference,
            Place = s.Place,
            TrainerName = s.Trainer,
            Start = s.StartsOn,
            End = s.EndsOn,
            HalfDayHours = halfDayHours,
            Trainees = view.Convened.Select(e => new Documents.AttendanceSheetTrainee
            {
                Name = e.Name,
                CompanyName = e.ClientName,
                Recorded = (entries.GetValueOrDefault(e.ParticipantId) ?? []).Select(a => new Documents.HalfDayAttendance
                {
                    Date = a.Day,
                    HalfDay = a.HalfDay == HalfDay.Morning ? "Matin" : "Après-midi",
                    Present = a.Present,
                    Hours = halfDayHours,
                }).ToList(),
            }).ToList(),
        };
        return ($"emargement-{s.CourseReference}-{s.StartsOn:yyyy-MM-dd}.pdf", renderer.Render(document));
    }

    public async Task<AttendanceSheet?> SheetAsync(Guid sessionId, DateOnly? day, DateOnly today, Guid? trainerOnly, CancellationToken ct)
    {
        var view = await queries.ViewAsync(sessionId, trainerOnly, ct);
        if (view is null) return null;
        var s = view.Session;
        var days = Enumerable.Range(0, s.EndsOn.DayNumber - s.StartsOn.DayNumber + 1).Select(i => s.StartsOn.AddDays(i)).ToList();
        var chosen = day is { } d && days.Contains(d) ? d : days.Contains(today) ? today : s.StartsOn;
        var ids = view.Convened.Select(e => e.ParticipantId).ToList();
        var entries = await db.Set<Participant>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Attendance, ct);
        bool? At(Guid id, HalfDay half) => entries.GetValueOrDefault(id)?.FirstOrDefault(a => a.Day == chosen && a.HalfDay == half)?.Present;
        var lines = view.Convened.Select(e => new AttendanceLine(e.ParticipantId, e.Name, e.ClientName, At(e.ParticipantId, HalfDay.Morning), At(e.ParticipantId, HalfDay.Afternoon))).ToList();
        return new AttendanceSheet(s, chosen, days, lines, s.Status == SessionStatus.Planned);
    }

    /// <summary>Records a day's sheet: every line of the sheet, present when ticked, absent otherwise.</summary>
    public async Task<SessionResult> RecordAsync(Guid sessionId, DateOnly day, IReadOnlyCollection<string> present, DateOnly today, Guid? trainerOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(present);
        if (day > today) return SessionResult.Refused("L'émargement d'un jour se remplit ce jour-là ou après, pas avant.");
        var sheet = await SheetAsync(sessionId, day, today, trainerOnly, ct);
        if (sheet is null) return SessionResult.Missing;
        if (sheet.Day != day) return SessionResult.Refused("Ce jour n'est pas un jour de la session.");
        if (!sheet.Editable) return SessionResult.Refused("La session est clôturée : l'émargement ne change plus.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await desk.LockAndLoadAsync(sessionId, ct) is null) return SessionResult.Missing;
        var ids = sheet.Lines.Select(l => l.ParticipantId).ToList();
        var orderIds = await db.Set<Participant>().Where(p => ids.Contains(p.Id)).Select(p => EF.Property<Guid>(p, "OrderId")).Distinct().ToListAsync(ct);
        var orders = await db.Orders.Include(o => o.Participants).Include(o => o.Invoices).AsSplitQuery().Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
        try
        {
            foreach (var line in sheet.Lines)
            {
                var order = orders.Single(o => o.Participants.Any(p => p.Id == line.ParticipantId));
                order.RecordAttendance(line.ParticipantId, day, HalfDay.Morning, present.Contains($"{line.ParticipantId}:matin"));
                order.RecordAttendance(line.ParticipantId, day, HalfDay.Afternoon, present.Contains($"{line.ParticipantId}:apres-midi"));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return SessionResult.Ok(sessionId, $"Émargement du {day.Numeric()} enregistré.");
        }
        catch (DomainException e)
        {
            return SessionResult.Refused(e.Message);
        }
    }
}
