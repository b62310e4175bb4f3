using Lexom.Training.Domain.Clients;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Privacy;

public sealed record PrivacyRequestRow(Guid Id, Guid ClientId, string ClientName, PrivacyRequestKind Kind, DateOnly ReceivedOn, DateOnly DueOn,
    PrivacyRequestStatus Status, DateOnly? AnsweredOn, string? AnsweredBy, string Details, string? Outcome, bool Overdue);

/// <summary>The client space's page /espace-client/mes-donnees.</summary>
public sealed record MyDataPage(Client Client, string AccountEmail, ClientPrivacy State, IReadOnlyList<PrivacyRequestRow> Requests, RectificationForm Form);

/// <summary>/gestion/rgpd: the requests, open first, with their one-month deadline.</summary>
public sealed record PrivacyListPage(IReadOnlyList<PrivacyRequestRow> Rows, bool All, int Open, int Overdue, DateOnly Today);

/// <summary>/gestion/rgpd/clients/{id}: a client's privacy state, requests and actions.</summary>
public sealed record ClientPrivacyPage(Client Client, ClientPrivacy State, IReadOnlyList<PrivacyRequestRow> Requests, string? ErasureBlocker, DateOnly Today);

public sealed class PrivacyQueries(AppDbContext db, TimeProvider clock)
{
    public async Task<ClientPrivacy> StateAsync(Guid clientId, CancellationToken ct) =>
        await db.Set<ClientPrivacy>().AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == clientId, ct) ?? new ClientPrivacy { ClientId = clientId };

    public async Task<MyDataPage> MyDataAsync(AppUser user, RectificationForm? form, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == user.ClientId, ct);
        form ??= new RectificationForm
        {
            ContactName = client.ContactName, Phone = client.Phone, AddressLine1 = client.BillingAddress.Line1, AddressLine2 = client.BillingAddress.Line2,
            PostalCode = client.BillingAddress.PostalCode, City = client.BillingAddress.City,
        };
        return new MyDataPage(client, user.Email ?? "", await StateAsync(client.Id, ct), await RowsAsync(r => r.ClientId == client.Id, ct), form);
    }

    public async Task<PrivacyListPage> ListAsync(bool all, CancellationToken ct)
    {
        var rows = await RowsAsync(r => all || r.Status == PrivacyRequestStatus.Open, ct);
        var today = clock.Today();
        return new PrivacyListPage(rows, all, rows.Count(r => r.Status == PrivacyRequestStatus.Open), rows.Count(r => r.Overdue), today);
    }

    public async Task<ClientPrivacyPage?> ClientAsync(Guid clientId, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null) return null;
        var state = await StateAsync(clientId, ct);
        var blocker = state.AnonymisedAt is null ? await Anonymiser.BlockerAsync(db, clientId, ct) : null;
        return new ClientPrivacyPage(client, state, await RowsAsync(r => r.ClientId == clientId, ct), blocker, clock.Today());
    }

    private async Task<List<PrivacyRequestRow>> RowsAsync(System.Linq.Expressions.Expression<Func<PrivacyRequest, bool>> filter, CancellationToken ct)
    {
        var today = clock.Today();
        var rows = await (
            from r in db.Set<PrivacyRequest>().AsNoTracking().Where(filter)
            join c in db.Clients on r.ClientId equals c.Id
            join u in db.Users on r.AnsweredBy equals u.Id into users
            from u in users.DefaultIfEmpty()
            orderby r.Status == PrivacyRequestStatus.Open descending, r.ReceivedOn, r.Id
            select new { r, c.Name, By = u == null ? null : u.Email })
            .Take(500).ToListAsync(ct);
        return rows.Select(x => new PrivacyRequestRow(x.r.Id, x.r.ClientId, x.Name, x.r.Kind, x.r.ReceivedOn, x.r.DueOn, x.r.Status, x.r.AnsweredOn, x.By,
            x.r.Details, x.r.Outcome, x.r.IsOverdue(today))).ToList();
    }
}
