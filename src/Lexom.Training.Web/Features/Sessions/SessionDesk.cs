using Lexom.Training.Domain;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lexom.Training.Web.Features.Sessions;

/// <summary>The outcome of an action on a session: done, refused with a French sentence, or not found.</summary>
public sealed record SessionResult(bool Succeeded, string? Error, Guid? SessionId = null, bool NotFound = false, string? Message = null)
{
    public static readonly SessionResult Missing = new(false, null, NotFound: true);

    public static SessionResult Ok(Guid id, string? message = null) => new(true, null, id, Message: message);

    public static SessionResult Refused(string error) => new(false, error);
}

/// <summary>
/// The writes on sessions: plan, assign the trainer, enrol and unenrol. Each action is one transaction that first locks the
/// session row (<c>SELECT … FOR UPDATE</c>), so two staff enrolling at once are served one after the other and the seats
/// never exceed the capacity; the trainer's overlap is checked in the domain and, against a race, by the exclusion
/// constraint <see cref="CourseSessionConfiguration.TrainerExclusion"/>.
/// </summary>
public sealed class SessionDesk(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<SessionResult> PlanAsync(SessionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var reference = form.Course?.Trim().ToUpperInvariant();
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Reference == reference, ct);
        if (course is null) return SessionResult.Refused("Choisissez la formation.");
        var kind = form.Kind == "intra" ? SessionKind.Intra : SessionKind.Inter;
        if (kind == SessionKind.Intra && (form.ClientId is not { } clientId || !await db.Clients.AnyAsync(c => c.Id == clientId, ct)))
            return SessionResult.Refused("Une session INTRA est organisée pour un client : choisissez-le.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var session = CourseSession.Plan(Guid.NewGuid(), course, kind, form.ClientId, form.StartsOn!.Value, form.EndsOn!.Value, form.Place!, clock.Today());
            if (form.TrainerId is { } trainerId)
            {
                var error = await AssignTrainerAsync(session, trainerId, ct);
                if (error is not null) return SessionResult.Refused(error);
            }
            db.CourseSessions.Add(session);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return SessionResult.Ok(session.Id);
        }
        catch (DomainException e)
        {
            return SessionResult.Refused(e.Message);
        }
        catch (DbUpdateException e) when (IsTrainerClash(e))
        {
            return SessionResult.Refused(TrainerClash);
        }
    }

    public async Task<SessionResult> ChangeTrainerAsync(Guid sessionId, Guid? trainerId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = await LockAndLoadAsync(sessionId, ct);
        if (session is null) return SessionResult.Missing;
        try
        {
            if (trainerId is { } id)
            {
                var error = await AssignTrainerAsync(session, id, ct);
                if (error is not null) return SessionResult.Refused(error);
            }
            else
            {
                session.AssignTrainer(null, []);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return SessionResult.Ok(session.Id, trainerId is null ? "La session n'a plus de formateur." : "Formateur enregistré.");
        }
        catch (DomainException e)
        {
            return SessionResult.Refused(e.Message);
        }
        catch (DbUpdateException e) when (IsTrainerClash(e))
        {
            return SessionResult.Refused(TrainerClash);
        }
    }

    /// <summary>Enrols a participant of an order; a seat while there is one, else the waiting list.</summary>
    public async Task<SessionResult> EnrolAsync(Guid sessionId, Guid participantId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = await LockAndLoadAsync(sessionId, ct);
        if (session is null) return SessionResult.Missing;
        var orderId = await db.Set<Participant>().Where(p => p.Id == participantId).Select(p => EF.Property<Guid?>(p, "OrderId")).SingleOrDefaultAsync(ct);
        if (orderId is null) return SessionResult.Refused("Ce participant n'existe pas.");
        if (await db.Set<SessionEnrolment>().AnyAsync(e => e.ParticipantId == participantId && EF.Property<Guid>(e, "SessionId") != sessionId, ct))
            return SessionResult.Refused("Ce participant est déjà inscrit à une autre session.");
        var order = await db.Orders.Include(o => o.Participants).SingleAsync(o => o.Id == orderId, ct);
        try
        {
            var status = session.Enrol(Guid.NewGuid(), order, participantId, clock.Today());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var name = order.Participants.First(p => p.Id == participantId).Name;
            return SessionResult.Ok(session.Id, status == EnrolmentStatus.Enrolled
                ? $"{name} est inscrit(e) à la session."
                : $"La session est complète : {name} est sur la liste d'attente.");
        }
        catch (DomainException e)
        {
            return SessionResult.Refused(e.Message);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SessionResult.Refused("Ce participant est déjà inscrit à une session.");
        }
    }

    public async Task<SessionResult> UnenrolAsync(Guid sessionId, Guid participantId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = await LockAndLoadAsync(sessionId, ct);
        if (session is null) return SessionResult.Missing;
        try
        {
            var promoted = session.Unenrol(participantId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return SessionResult.Ok(session.Id, promoted is null
                ? "Participant désinscrit."
                : $"Participant désinscrit : la place libérée revient à {promoted.ParticipantName}, premier de la liste d'attente.");
        }
        catch (DomainException e)
        {
            return SessionResult.Refused(e.Message);
        }
    }

    /// <summary>A participant's own e-mail for their convocation (optional; empty removes it).</summary>
    public async Task<SessionResult> ChangeParticipantEmailAsync(Guid sessionId, Guid participantId, string? email, CancellationToken ct)
    {
        var orderId = await db.Set<SessionEnrolment>().Where(e => e.ParticipantId == participantId && EF.Property<Guid>(e, "SessionId") == sessionId)
            .Select(e => (Guid?)e.OrderId).SingleOrDefaultAsync(ct);
        if (orderId is null) return SessionResult.Missing;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await Orders.OrderDesk.LockAndLoadAsync(db, orderId.Value, ct);
        if (order is null) return SessionResult.Missing;
        try
        {
            order.ChangeParticipantEmail(participantId, email);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var participant = order.Participants.First(p => p.Id == participantId);
            return SessionResult.Ok(sessionId, participant.Email is null
                ? $"{participant.Name} n'a plus d'adresse : sa convocation ira au contact du client."
                : $"Adresse de {participant.Name} enregistrée : sa convocation lui sera envoyée, le contact du client en copie.");
        }
        catch (DomainException e)
        {
            return SessionResult.Refused(e.Message);
        }
    }

    internal const string TrainerClash = "Ce formateur anime déjà une session à ces dates : il ne peut pas être dans deux sessions à la fois.";

    private async Task<string?> AssignTrainerAsync(CourseSession session, Guid trainerId, CancellationToken ct)
    {
        var trainer = await users.FindByIdAsync(trainerId.ToString());
        if (trainer is null || !await users.IsInRoleAsync(trainer, Roles.Trainer))
            return "Choisissez un formateur (un compte qui a le rôle « Formateur »).";
        var others = await db.CourseSessions.AsNoTracking()
            .Where(s => s.TrainerId == trainerId && s.Id != session.Id && s.StartsOn <= session.EndsOn && s.EndsOn >= session.StartsOn)
            .ToListAsync(ct);
        session.AssignTrainer(trainerId, others);
        return null;
    }

    internal static bool IsTrainerClash(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation, ConstraintName: CourseSessionConfiguration.TrainerExclusion };

    /// <summary>Locks the session row for the transaction, then loads it with its enrolments.</summary>
    internal async Task<CourseSession?> LockAndLoadAsync(Guid id, CancellationToken ct)
    {
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM course_sessions WHERE id = {id} FOR UPDATE").ToListAsync(ct);
        return locked.Count == 0 ? null : await db.CourseSessions.Include(s => s.Enrolments).SingleAsync(s => s.Id == id, ct);
    }
}
