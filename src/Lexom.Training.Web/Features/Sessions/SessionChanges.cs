using Lexom.Training.Domain;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.OrderChanges;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Sessions;

/// <summary>What a session move or cancellation does to one of its orders, as the preview shows it.</summary>
public sealed record SessionOrderChange(Guid OrderId, string OrderNumber, string ClientName, IReadOnlyList<string> Participants, string Outcome,
    IReadOnlyList<string> RuleIds, string Explanation, Money Refund, Money DueNow, bool Refused);

/// <summary>The preview of a move or a cancellation: per order what the rules decide, or why the session cannot change.</summary>
public sealed record SessionChangePreview(SessionRow Session, bool Cancel, string ReasonLabel, DateOnly? NewStartsOn, DateOnly? NewEndsOn,
    IReadOnlyList<SessionOrderChange> Orders, string? Error, MoveSessionForm? Move, CancelSessionForm? CancelForm)
{
    public bool CanConfirm => Error is null && Orders.All(o => !o.Refused);
}

/// <summary>
/// Moving a session and LEXOM's cancellation (issue 8, R1–R4, X4), each a preview then a confirmation. Every order of the
/// session goes through the order's own rules and code: <see cref="Order.PreviewPostponement"/> /
/// <see cref="Order.PreviewCancellation"/> for the preview, <see cref="OrderChangeDesk.ApplyPostponementAsync"/> /
/// <see cref="OrderChangeDesk.ApplyCancellationAsync"/> for the confirmation (the decision, LW4's credit notes and invoices,
/// the client's e-mail). A confirmation is one transaction: the session's row locked first, its <see cref="CourseSession.Version"/>
/// compared with the previewed one (a double submit waits, then finds a new version and does nothing), the orders' rows locked
/// in id order, the session moved (the trainer's overlap checked in the domain and by the exclusion constraint) or cancelled,
/// then the convocations: re-sent with a higher SEQUENCE to those already convened, or the calendar's CANCEL.
/// </summary>
public sealed class SessionChanges(
    AppDbContext db,
    SessionDesk desk,
    SessionQueries queries,
    OrderChangeDesk orderChanges,
    SessionConvocations convocations,
    TimeProvider clock,
    ILogger<SessionChanges> logger)
{
    public const string StaleMessage = "La session a changé depuis cet aperçu : rien n'a été appliqué. Refaites l'aperçu.";

    public async Task<SessionChangePreview?> PreviewMoveAsync(Guid sessionId, MoveSessionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var row = await queries.RowAsync(sessionId, ct);
        if (row is null) return null;
        var session = await db.CourseSessions.AsNoTracking().Include(s => s.Enrolments).SingleAsync(s => s.Id == sessionId, ct);
        var (newStart, newEnd) = (form.NewStartsOn!.Value, form.NewEndsOn!.Value);
        form.Version = session.Version;
        string? error = null;
        try
        {
            session.Move(newStart, newEnd, await TrainersOtherSessionsAsync(session, newStart, newEnd, ct), clock.Today()); // a copy, never saved
        }
        catch (DomainException e)
        {
            error = e.Message;
        }

        var notice = Notice(session, form.Reason, form.EmailReference);
        var changes = new List<SessionOrderChange>();
        foreach (var (order, names, clientName) in await OrdersAsync(session, tracked: false, ct))
        {
            if (order.Status is not (OrderStatus.Confirmed or OrderStatus.Postponed))
            {
                changes.Add(new(order.Id, order.ProposalNumber.ToString(), clientName, names, "Commande non confirmée : places libérées", [], 
                    "La commande n'est pas confirmée (C2) : ses participants sont désinscrits de la session et pourront être inscrits à ses nouvelles dates une fois la commande confirmée.",
                    Money.Zero, Money.Zero, false));
                continue;
            }
            var decision = order.PreviewPostponement(ChangeText.PostponementReasonOf(form.Reason)!.Value, notice, newStart); // R1–R4, X4
            changes.Add(new(order.Id, order.ProposalNumber.ToString(), clientName, names, ChangeText.Outcome(decision.Outcome), decision.RuleIds, decision.Explanation,
                decision.Settlement?.Refund ?? Money.Zero, decision.Settlement?.DueNow ?? Money.Zero, !decision.IsAccepted));
        }
        return new SessionChangePreview(row, false, SessionText.MoveReasons.First(r => r.Key == form.Reason).Label, newStart, newEnd, changes, error, form, null);
    }

    public async Task<SessionChangePreview?> PreviewCancelAsync(Guid sessionId, CancelSessionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var row = await queries.RowAsync(sessionId, ct);
        if (row is null) return null;
        var session = await db.CourseSessions.AsNoTracking().Include(s => s.Enrolments).SingleAsync(s => s.Id == sessionId, ct);
        form.Version = session.Version;
        var orders = await OrdersAsync(session, tracked: false, ct); // before the copy's seats are freed
        string? error = null;
        try
        {
            session.Cancel(clock.Today()); // a copy, never saved
        }
        catch (DomainException e)
        {
            error = e.Message;
        }

        var notice = Notice(session, form.Reason, null);
        var changes = new List<SessionOrderChange>();
        foreach (var (order, names, clientName) in orders)
        {
            var decision = order.PreviewCancellation(ChangeText.CancellationReasonOf(form.Reason)!.Value, notice); // X4
            changes.Add(new(order.Id, order.ProposalNumber.ToString(), clientName, names, ChangeText.Outcome(decision.Outcome), decision.RuleIds, decision.Explanation,
                decision.Settlement?.Refund ?? Money.Zero, decision.Settlement?.DueNow ?? Money.Zero, !decision.IsAccepted));
        }
        return new SessionChangePreview(row, true, SessionText.CancelReasons.First(r => r.Key == form.Reason).Label, null, null, changes, error, null, form);
    }

    /// <summary>Moves the session: each confirmed order postponed through R1–R4/X4, the others' seats freed, convocations re-sent.</summary>
    public async Task<SessionResult> MoveAsync(Guid sessionId, MoveSessionForm form, Guid? staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (session, refusal) = await LockVersionAsync(sessionId, form.Version, ct);
        if (session is null) return refusal!;
        var (newStart, newEnd) = (form.NewStartsOn!.Value, form.NewEndsOn!.Value);
        var (oldStart, oldEnd) = (session.StartsOn, session.EndsOn);
        try
        {
            var notice = Notice(session, form.Reason, form.EmailReference);
            session.Move(newStart, newEnd, await TrainersOtherSessionsAsync(session, newStart, newEnd, ct), clock.Today());
            int postponed = 0;
            var freed = new List<string>();
            foreach (var (order, names, _) in await OrdersAsync(session, tracked: true, ct))
            {
                var seats = session.Enrolments.Where(e => e.OrderId == order.Id).Select(e => e.ParticipantId).ToList();
                if (order.Status is OrderStatus.Confirmed or OrderStatus.Postponed)
                {
                    var (decision, _) = await orderChanges.ApplyPostponementAsync(order, form.Reason, notice, newStart, newEnd, staffId, ct); // R1–R4, X4
                    if (decision.Outcome != PostponementOutcome.WholePriceDue)
                    {
                        postponed++;
                        continue;
                    }
                }
                // C2 (not confirmed) or R2 (the order ended): the seats are freed.
                foreach (var participantId in seats) session.Unenrol(participantId);
                freed.AddRange(names);
            }

            await db.SaveChangesAsync(ct);
            var round = await convocations.SendDueAsync(session, onlyConvenedBefore: true, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Session {SessionId} déplacée du {OldStart} au {NewStart} : {Postponed} commande(s) reportée(s), {Convened} convocation(s) renvoyée(s)",
                session.Id, oldStart, newStart, postponed, round.Convened);
            var message = $"Session déplacée du {oldStart.Written()} – {oldEnd.Written()} au {newStart.Written()} – {newEnd.Written()} : {postponed} commande(s) reportée(s), clients prévenus par e-mail ; {round.Convened} convocation(s) renvoyée(s) aux nouvelles dates.";
            if (freed.Count > 0) message += $" Places libérées : {string.Join(", ", freed)}.";
            return SessionResult.Ok(session.Id, message);
        }
        catch (DomainException e)
        {
            return SessionResult.Refused(e.Message);
        }
        catch (DbUpdateException e) when (SessionDesk.IsTrainerClash(e))
        {
            return SessionResult.Refused(SessionDesk.TrainerClash);
        }
    }

    /// <summary>X4: LEXOM cancels the session; every order cancelled with everything paid to refund, the calendar's CANCEL to those convened.</summary>
    public async Task<SessionResult> CancelAsync(Guid sessionId, CancelSessionForm form, Guid? staffId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (session, refusal) = await LockVersionAsync(sessionId, form.Version, ct);
        if (session is null) return refusal!;
        try
        {
            var notice = Notice(session, form.Reason, null);
            var refund = Money.Zero;
            var orders = await OrdersAsync(session, tracked: true, ct);
            foreach (var (order, _, _) in orders)
            {
                var (decision, _) = await orderChanges.ApplyCancellationAsync(order, form.Reason, notice, staffId, ct); // X4
                refund += decision.Settlement?.Refund ?? Money.Zero;
            }
            session.Cancel(clock.Today());
            var cause = form.Reason == "formateur-absent" ? "l'absence du formateur" : "l'indisponibilité du lieu";
            var cancelled = await convocations.SendCancellationsAsync(session, cause, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Session {SessionId} annulée par LEXOM (X4) : {Orders} commande(s), {Refund} à rembourser", session.Id, orders.Count, refund.Amount);
            return SessionResult.Ok(session.Id,
                $"Session annulée (X4) : {orders.Count} commande(s) annulée(s), {French.Amount(refund)} à rembourser aux clients (à enregistrer sur chaque commande une fois versés), clients prévenus par e-mail ; {cancelled} convocation(s) retirée(s) des agendas.");
        }
        catch (DomainException e)
        {
            return SessionResult.Refused(e.Message);
        }
    }

    /// <summary>The session's row locked, if it is still the version the preview was computed from (else missing or stale).</summary>
    private async Task<(CourseSession? Session, SessionResult? Refusal)> LockVersionAsync(Guid id, int version, CancellationToken ct)
    {
        var session = await desk.LockAndLoadAsync(id, ct);
        if (session is null) return (null, SessionResult.Missing);
        return session.Version == version ? (session, null) : (null, SessionResult.Refused(StaleMessage));
    }

    /// <summary>
    /// The written decision behind the orders' change (X1, R1): LEXOM's own, referenced by the session and its version; or the
    /// client's written request whose reference the staff typed.
    /// </summary>
    private WrittenNotice Notice(CourseSession session, string? reason, string? emailReference) =>
        reason == "client"
            ? new WrittenNotice(clock.Today(), French.CollapseSpaces(emailReference ?? ""))
            : new WrittenNotice(clock.Today(), $"décision LEXOM, session {session.CourseReference} du {session.StartsOn:yyyy-MM-dd} ({session.Id:N}, version {session.Version})");

    private async Task<List<CourseSession>> TrainersOtherSessionsAsync(CourseSession session, DateOnly start, DateOnly end, CancellationToken ct) =>
        session.TrainerId is not { } trainer
            ? []
            : await db.CourseSessions.AsNoTracking()
                .Where(s => s.TrainerId == trainer && s.Id != session.Id && s.StartsOn <= end && s.EndsOn >= start).ToListAsync(ct);

    /// <summary>The session's orders (seats and waiting list) with the names of their participants in it; locked in id order when tracked.</summary>
    private async Task<List<(Order Order, IReadOnlyList<string> Names, string ClientName)>> OrdersAsync(CourseSession session, bool tracked, CancellationToken ct)
    {
        var ids = session.Enrolments.Select(e => e.OrderId).Distinct().OrderBy(id => id).ToArray();
        List<Order> orders;
        if (tracked)
        {
            await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM orders WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(ct);
            orders = [];
            foreach (var id in ids) orders.Add((await OrderDesk.LoadAsync(db, id, ct))!);
        }
        else
        {
            orders = await db.Orders.AsNoTracking().Include(o => o.Invoices).AsSplitQuery().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct);
        }
        var clientIds = orders.Select(o => o.ClientId).OfType<Guid>().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return orders.Select(o => (o, (IReadOnlyList<string>)session.Enrolments.Where(e => e.OrderId == o.Id).Select(e => e.ParticipantName).ToList(),
            clients.GetValueOrDefault(o.ClientId ?? Guid.Empty, "—"))).ToList();
    }
}
