using System.Security.Claims;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.RequestsAdmin;

public sealed record RequestRow(Guid Id, DateTimeOffset ReceivedAt, string CourseReference, string ClientName, PayerKind ClientKind,
    TrainingKind Kind, int Participants, RequestStatus Status, string? HandledBy);

public sealed record RequestList(IReadOnlyList<RequestRow> Rows, string? Status, bool Mine, int NewCount);

public sealed record RequestDetail(ProposalRequest Request, Client Client, string CourseTitle, string? HandledBy, string? SessionText, bool HandledByMe);

public sealed record ClientDetail(Client Client, IReadOnlyList<RequestRow> Requests);

/// <summary>/gestion/demandes: the sales team's queue of requests for proposals, and the client records.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RequestsAdminController(AppDbContext db) : Controller
{
    private const int MaxRows = 200;

    [HttpGet("/gestion/demandes")]
    public async Task<IActionResult> Index(string? statut, string? mes, CancellationToken ct)
    {
        RequestStatus? status = statut switch
        {
            "nouvelles" => RequestStatus.New,
            "en-cours" => RequestStatus.InProgress,
            "traitees" => RequestStatus.ProposalIssued,
            "classees" => RequestStatus.Closed,
            _ => null,
        };
        var mine = mes == "1";
        var me = CurrentUserId();
        var rows = await RowsAsync(db.ProposalRequests.AsNoTracking()
            .Where(r => status == null ? r.Status == RequestStatus.New || r.Status == RequestStatus.InProgress : r.Status == status)
            .Where(r => !mine || r.HandledBy == me), ct);
        var newCount = await db.ProposalRequests.CountAsync(r => r.Status == RequestStatus.New, ct);
        return View(new RequestList(rows, statut, mine, newCount));
    }

    [HttpGet("/gestion/demandes/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var detail = await DetailAsync(id, ct);
        return detail is null ? NotFound() : View(detail);
    }

    [HttpPost("/gestion/demandes/{id:guid}/prendre")]
    public Task<IActionResult> TakeOn(Guid id, CancellationToken ct) =>
        ChangeAsync(id, r => r.TakeOn(CurrentUserId()), "Vous prenez en charge cette demande.", ct);

    [HttpPost("/gestion/demandes/{id:guid}/classer")]
    public Task<IActionResult> Close(Guid id, string? motif, CancellationToken ct) =>
        ChangeAsync(id, r => r.Close((motif ?? "").Length > 500 ? motif![..500] : motif ?? ""), "Demande classée.", ct);

    [HttpGet("/gestion/clients/{id:guid}")]
    public async Task<IActionResult> Client(Guid id, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return NotFound();
        var requests = await RowsAsync(db.ProposalRequests.AsNoTracking().Where(r => r.ClientId == id), ct);
        return View(new ClientDetail(client, requests));
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Action<ProposalRequest> change, string done, CancellationToken ct)
    {
        var request = await db.ProposalRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return NotFound();
        try
        {
            change(request);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = done;
        }
        catch (DomainException ex)
        {
            TempData["FlashError"] = ex.Message;
        }
        return Redirect($"/gestion/demandes/{id}");
    }

    private async Task<List<RequestRow>> RowsAsync(IQueryable<ProposalRequest> requests, CancellationToken ct)
    {
        var rows = await (
            from r in requests
            join c in db.Clients on r.ClientId equals c.Id
            join u in db.Users on r.HandledBy equals u.Id into handlers
            from u in handlers.DefaultIfEmpty()
            orderby r.ReceivedAt descending
            select new { r.Id, r.ReceivedAt, r.CourseReference, c.Name, c.Kind, r.Training, r.Status, Handler = u == null ? null : u.DisplayName })
            .Take(MaxRows).ToListAsync(ct);
        return rows.Select(r => new RequestRow(r.Id, r.ReceivedAt, r.CourseReference, r.Name, r.Kind, r.Training.Kind, r.Training.ParticipantCount, r.Status, r.Handler)).ToList();
    }

    private async Task<RequestDetail?> DetailAsync(Guid id, CancellationToken ct)
    {
        var request = await db.ProposalRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return null;
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == request.ClientId, ct);
        var title = await db.Courses.AsNoTracking().Where(c => c.Id == request.CourseId).Select(c => c.Title).SingleAsync(ct);
        var handler = request.HandledBy is { } h ? await db.Users.AsNoTracking().Where(u => u.Id == h).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        string? session = null;
        if (request.Training.SessionId is { } sid)
        {
            var s = await db.CourseSessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == sid, ct);
            if (s is not null) session = $"du {s.StartsOn.Written()} au {s.EndsOn.Written()}, {s.Place}";
        }
        return new RequestDetail(request, client, title, handler, session, request.HandledBy == CurrentUserId());
    }

    private Guid CurrentUserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
