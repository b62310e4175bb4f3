using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Lexom.Training.Web.Features.EmailAdmin;

public sealed record OutboxRow(
    Guid Id, DateTimeOffset CreatedAt, string Recipient, string Subject, string Kind, OutboxStatus Status,
    int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

public sealed record OutboxCounts(int Pending, int Sending, int Sent, int Failed);

public sealed record OutboxPage(IReadOnlyList<OutboxRow> Rows, OutboxStatus? Status, int Page, int Total, OutboxCounts Counts, string Transport)
{
    public const int PageSize = 25;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record OutboxAttachment(int Index, string FileName, string ContentType, long Size);

public sealed record OutboxPreview(OutboxRow Row, string MessageId, string From, string To, string? Text, string? Html, IReadOnlyList<OutboxAttachment> Attachments);

/// <summary>/gestion/emails: the outbox for administrators: status, attempts, errors, a preview, and retry.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("/gestion/emails")]
public sealed class EmailAdminController(AppDbContext db, OutboxSignal signal, TimeProvider clock, Email.Transport.IEmailTransport transport) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? etat, string? page, CancellationToken ct)
    {
        OutboxStatus? status = Enum.TryParse<OutboxStatus>(etat, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        var p = int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100_000 ? n : 1;

        var counts = await db.OutboxMessages.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(OutboxStatus st) => counts.FirstOrDefault(c => c.Key == st)?.Count ?? 0;

        var query = db.OutboxMessages.AsNoTracking();
        if (status is { } only) query = query.Where(m => m.Status == only);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip((p - 1) * OutboxPage.PageSize).Take(OutboxPage.PageSize)
            .Select(Row).ToListAsync(ct);
        return View(new OutboxPage(rows, status, p, total,
            new OutboxCounts(Count(OutboxStatus.Pending), Count(OutboxStatus.Sending), Count(OutboxStatus.Sent), Count(OutboxStatus.Failed)),
            transport.Description));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var found = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { Row = new OutboxRow(m.Id, m.CreatedAt, m.Recipient, m.Subject, m.Kind, m.Status, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError), m.Mime })
            .SingleOrDefaultAsync(ct);
        if (found is null) return NotFound();
        using var message = Load(found.Mime);
        var attachments = message.Attachments.OfType<MimePart>()
            .Select((a, i) => new OutboxAttachment(i, a.FileName ?? $"piece-{i + 1}", a.ContentType.MimeType, Size(a)))
            .ToList();
        return View(new OutboxPreview(found.Row, message.MessageId ?? "", message.From.ToString(), message.To.ToString(),
            message.TextBody, message.HtmlBody, attachments));
    }

    [HttpGet("{id:guid}/pieces/{index:int}")]
    public async Task<IActionResult> Attachment(Guid id, int index, CancellationToken ct)
    {
        var mime = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => m.Mime).SingleOrDefaultAsync(ct);
        if (mime is null) return NotFound();
        using var message = Load(mime);
        var part = message.Attachments.OfType<MimePart>().ElementAtOrDefault(index);
        if (part?.Content is null) return NotFound();
        using var content = new MemoryStream();
        await part.Content.DecodeToAsync(content, ct);
        // Served as a download, never rendered in the app's origin.
        return File(content.ToArray(), "application/octet-stream", part.FileName ?? $"piece-{index + 1}");
    }

    [HttpPost("{id:guid}/reessayer")]
    public async Task<IActionResult> Retry(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Failed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAt, now), ct);
        if (changed == 1)
        {
            signal.Nudge();
            TempData["Flash"] = "Le message est remis en file d'envoi : il part dans un instant.";
        }
        else
        {
            TempData["FlashError"] = "Ce message n'est pas en échec : rien à réessayer.";
        }
        return Redirect($"/gestion/emails/{id}");
    }

    [HttpPost("reessayer-les-echecs")]
    public async Task<IActionResult> RetryAllFailed(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAt, now), ct);
        if (changed > 0) signal.Nudge();
        TempData["Flash"] = changed switch
        {
            0 => "Aucun message en échec.",
            1 => "1 message remis en file d'envoi.",
            _ => $"{changed} messages remis en file d'envoi.",
        };
        return Redirect("/gestion/emails");
    }

    private static readonly System.Linq.Expressions.Expression<Func<OutboxMessage, OutboxRow>> Row = m =>
        new OutboxRow(m.Id, m.CreatedAt, m.Recipient, m.Subject, m.Kind, m.Status, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError);

    private static MimeMessage Load(byte[] mime)
    {
        using var stream = new MemoryStream(mime, writable: false);
        return MimeMessage.Load(stream);
    }

    private static long Size(MimePart part)
    {
        using var counter = new MemoryStream();
        part.Content?.DecodeTo(counter);
        return counter.Length;
    }
}

/// <summary>Labels of the outbox states, in French.</summary>
public static class OutboxLabels
{
    public static string Label(this OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "En attente",
        OutboxStatus.Sending => "En cours d'envoi",
        OutboxStatus.Sent => "Envoyé",
        OutboxStatus.Failed => "Échec",
        _ => status.ToString(),
    };

    /// <summary>"2 mars 2026 à 10:05", Paris time.</summary>
    public static string Paris(this DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, FrenchCulture.Paris).ToString("d MMMM yyyy 'à' HH:mm", FrenchCulture.Culture);
}
