using System.Diagnostics;
using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Billing;
using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using InvoiceKind = Lexom.Training.Domain.Orders.InvoiceKind;

namespace Lexom.Training.Web.Features.Sessions;

/// <summary>
/// « Clôturer la session » (issue 8, K1, LW2, A1, M5): in one transaction that first locks the session's row, then its
/// orders' rows (in id order), every convened participant gets their attestation (rendered, kept in <c>stored_files</c>
/// with the order and the client, e-mailed to the client's contact), every order is completed and gets its final invoice
/// through <see cref="FinalInvoicing"/> (the same path as the order page), and the session is closed. A second close finds
/// the session closed and does nothing; the unique (session, participant) index of <c>session_attestations</c> backs it.
/// « Renvoyer » queues a new e-mail with the kept PDF and points the tracking row at it.
/// </summary>
public sealed class SessionClosing(
    AppDbContext db,
    SessionDesk desk,
    FinalInvoicing finalInvoicing,
    IDocumentRenderer renderer,
    IEmailOutbox outbox,
    ISellerIdentityProvider seller,
    TimeProvider clock,
    IOptions<LexomOptions> options,
    ILogger<SessionClosing> logger)
{
    public async Task<SessionResult> CloseAsync(Guid sessionId, Guid? staffId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = await desk.LockAndLoadAsync(sessionId, ct);
        if (session is null) return SessionResult.Missing;
        if (session.Status == SessionStatus.Closed)
            return SessionResult.Ok(session.Id, $"La session est déjà clôturée depuis le {session.ClosedOn!.Value.Written()} : rien n'a été refait."); // a second click

        var today = clock.Today();
        try
        {
            session.Close(today);
            var enrolled = session.Enrolments.Where(e => e.Status == EnrolmentStatus.Enrolled).ToList();
            var orderIds = enrolled.Select(e => e.OrderId).Distinct().OrderBy(id => id).ToArray();
            // The orders' rows, always in the same order, so that two closings sharing an order cannot deadlock.
            await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM orders WHERE id = ANY({orderIds}) ORDER BY id FOR UPDATE").ToListAsync(ct);
            var done = (await db.SessionAttestations.Where(a => a.SessionId == sessionId).Select(a => a.ParticipantId).ToListAsync(ct)).ToHashSet();
            var identity = seller.Current();
            int attestations = 0, invoices = 0;
            var notConvened = new List<string>();
            foreach (var orderId in orderIds)
            {
                var order = (await OrderDesk.LoadAsync(db, orderId, ct))!;
                var ofOrder = enrolled.Where(e => e.OrderId == orderId).ToList();
                if (order.Status is OrderStatus.Confirmed or OrderStatus.Postponed)
                    order.Complete(today);
                if (order.Status != OrderStatus.Completed)
                {
                    // C2: a seat held by an order that was never confirmed (or was ended) gets no attestation nor invoice.
                    notConvened.AddRange(ofOrder.Select(e => e.ParticipantName));
                    continue;
                }

                Client client;
                if (order.Invoices.Any(i => i.Kind == InvoiceKind.Final))
                {
                    client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
                }
                else
                {
                    (_, client) = await finalInvoicing.IssueAsync(order, staffId, ct); // M5
                    invoices++;
                }

                foreach (var enrolment in ofOrder)
                {
                    var participant = order.Participants.First(p => p.Id == enrolment.ParticipantId);
                    if (participant.Removed || done.Contains(participant.Id)) continue;
                    var (file, pdf) = StoreAttestation(session, order, client, participant, identity, today, staffId);
                    var mail = outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
                        AttestationEmail.Compose(EmailModel(order, client, participant.Name, file.FileName, pdf), identity), AttestationEmail.Kind);
                    db.SessionAttestations.Add(new SessionAttestation(Guid.NewGuid(), session.Id, order.Id, participant.Id, participant.Name, file.Id, mail.Id,
                        clock.GetUtcNow()));
                    attestations++;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            logger.LogInformation("Session {SessionId} clôturée : {Attestations} attestations, {Invoices} factures finales en {Elapsed} ms",
                session.Id, attestations, invoices, (int)elapsed.TotalMilliseconds);
            var message = $"Session clôturée : {attestations} attestation{Plural(attestations)} générée{Plural(attestations)} et envoyée{Plural(attestations)} au contact du client, "
                + $"{invoices} facture{Plural(invoices)} finale{Plural(invoices)} émise{Plural(invoices)} (M5).";
            if (notConvened.Count > 0)
                message += $" Sans attestation ni facture, commande non confirmée (C2) : {string.Join(", ", notConvened)}.";
            return SessionResult.Ok(session.Id, message);
        }
        catch (DomainException e)
        {
            return SessionResult.Refused(e.Message);
        }
    }

    /// <summary>Queues the kept attestation again (a failed or lost e-mail); the tracking row follows the new e-mail.</summary>
    public async Task<SessionResult> ResendAsync(Guid sessionId, Guid attestationId, CancellationToken ct)
    {
        var attestation = await db.SessionAttestations.SingleOrDefaultAsync(a => a.Id == attestationId && a.SessionId == sessionId, ct);
        if (attestation is null) return SessionResult.Missing;
        var file = await db.StoredFiles.AsNoTracking().Where(f => f.Id == attestation.StoredFileId).Select(f => new { f.FileName, f.Content }).SingleAsync(ct);
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == attestation.OrderId, ct);
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
        var identity = seller.Current();
        var message = outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
            AttestationEmail.Compose(EmailModel(order, client, attestation.ParticipantName, file.FileName, file.Content), identity), AttestationEmail.Kind);
        attestation.Resent(message.Id);
        await db.SaveChangesAsync(ct);
        return SessionResult.Ok(sessionId, $"L'attestation de {attestation.ParticipantName} est renvoyée à {client.Email}.");
    }

    /// <summary>K1, LW2, A1: the attestation's PDF from <see cref="Order.Attestation"/>, kept with the order and its client.</summary>
    private (StoredFile File, byte[] Pdf) StoreAttestation(CourseSession session, Order order, Client client, Participant participant, SellerIdentity identity,
        DateOnly today, Guid? staffId)
    {
        var content = order.Attestation(participant.Id);
        var halfDayHours = HalfDayHours(content);
        var document = new AttestationDocument
        {
            Seller = identity,
            TraineeName = content.ParticipantName,
            CompanyName = client.Kind == PayerKind.Company ? client.Name : null,
            CourseTitle = content.CourseTitle,
            CourseReference = content.CourseReference,
            Objectives = content.Objectives,
            NatureOfAction = content.Nature,
            Start = content.StartsOn,
            End = content.EndsOn,
            DurationHours = content.DurationHours,
            AttendedHours = content.HalfDaysAttended * halfDayHours,
            Place = session.Place,
            EvaluationMethods = Lines(content.EvaluationMethods),
            // LW2 asks for the evaluation's results; the application does not record them yet: the attestation says so.
            EvaluationResult = "non saisis dans l'application à la clôture de la session",
            Attendance = participant.Attendance.OrderBy(a => a.Day).ThenBy(a => a.HalfDay).Select(a => new HalfDayAttendance
            {
                Date = a.Day,
                HalfDay = a.HalfDay == HalfDay.Morning ? "Matin" : "Après-midi",
                Present = a.Present,
                Hours = halfDayHours,
            }).ToList(),
            IssuedOn = today,
        };
        var pdf = renderer.Render(document);
        var file = new StoredFile(Guid.NewGuid(), StoredFileKind.Attestation, order.ClientId, FileName(content.CourseReference, content.ParticipantName),
            "application/pdf", pdf, clock.GetUtcNow(), staffId)
        {
            OrderId = order.Id,
        };
        db.StoredFiles.Add(file);
        return (file, pdf);
    }

    /// <summary>A1: the hours of one half-day: the course's duration spread over the morning and afternoon of each day.</summary>
    public static decimal HalfDayHours(AttestationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var halfDays = (content.EndsOn.DayNumber - content.StartsOn.DayNumber + 1) * 2;
        return Math.Round(content.DurationHours / halfDays, 2, MidpointRounding.AwayFromZero);
    }

    private static List<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? ["Non précisées dans le programme"]
            : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.TrimStart('-', '•', ' ')).ToList();

    private static string FileName(string reference, string participant)
    {
        var slug = new string(participant.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        if (slug.Length > 80) slug = slug[..80];
        return $"attestation-{reference}-{slug}.pdf";
    }

    private AttestationEmailModel EmailModel(Order order, Client client, string participantName, string fileName, byte[] pdf) =>
        new(client.ContactName, participantName, order.Course.Reference, order.Course.Title, order.StartsOn, order.EndsOn, fileName, pdf,
            $"{options.Value.PublicBaseUrl.TrimEnd('/')}/espace-client/commandes/{order.Id}");

    private static string Plural(int n) => n > 1 ? "s" : "";
}
