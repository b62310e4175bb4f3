using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Orders;

/// <summary>The filters of /gestion/commandes (and of its CSV export), as typed in the query string.</summary>
public sealed class OrderFilter
{
    /// <summary>A key of <see cref="OrderText.StatusKeys"/>, or <see cref="OrderText.ToConfirmKey"/> (C2).</summary>
    public string? Statut { get; set; }
    public string? Client { get; set; }
    public string? Formation { get; set; }

    /// <summary>Searches the client's name, the course reference and the proposal number.</summary>
    public string? Q { get; set; }

    /// <summary>The first day of the training, from…</summary>
    public DateOnly? Du { get; set; }

    /// <summary>…to (inclusive).</summary>
    public DateOnly? Au { get; set; }
    public Guid? Commercial { get; set; }
    public int Page { get; set; } = 1;

    public bool ToConfirmOnly => Statut == OrderText.ToConfirmKey;

    /// <summary>The same filter as a query string (for the pager and the export link).</summary>
    public string Query(int? page = null) => new ListQuery()
        .Add("statut", Statut)
        .Add("client", Client)
        .Add("formation", Formation)
        .Add("q", Q)
        .Add("du", Du)
        .Add("au", Au)
        .Add("commercial", Commercial?.ToString())
        .Build(page);
}

public sealed record OrderRow(
    Guid Id, DocumentNumber ProposalNumber, OrderStatus Status, string ClientName, string CourseReference, string CourseTitle,
    DateOnly OrderedOn, DateOnly StartsOn, Money PriceTtc, Money DepositAmount, DateOnly? ConfirmedOn, string? SalesPerson);

/// <summary>C2: an unconfirmed order close to its start, and what it still lacks (<see cref="Order.MissingForConfirmation"/>).</summary>
public sealed record OrderToConfirm(OrderRow Order, IReadOnlyList<string> Missing, int DaysToStart);

public sealed record OrderListPage(
    OrderFilter Filter, IReadOnlyList<OrderRow> Rows, int Total, int Page, int Pages, IReadOnlyList<(Guid Id, string Name)> SalesPeople,
    IReadOnlyList<OrderToConfirm> ToConfirm, int ToConfirmTotal, DateOnly Today);

/// <summary>The read side of /gestion/commandes: the staff's list of orders, its CSV export and the C2 warnings.</summary>
public sealed class OrderList(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>C2: an unconfirmed order whose training starts within this many days (or has started) is shown to the staff.</summary>
    public const int C2WarningDays = 21;

    private const int MaxExportRows = 10_000;
    private const int MaxToConfirmShown = 50;

    public async Task<OrderListPage> ListAsync(OrderFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = clock.Today();
        var query = Filtered(filter, today);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await RowsAsync(query.Skip((page - 1) * PageSize).Take(PageSize), ct);
        var salesPeople = await (
            from u in db.Users.AsNoTracking()
            where db.Orders.Any(o => db.Proposals.Any(p => p.Id == o.ProposalId && EF.Property<Guid?>(p, ProposalConfiguration.CreatedBy) == u.Id))
            orderby u.DisplayName
            select new { u.Id, u.DisplayName }).ToListAsync(ct);
        var (toConfirm, toConfirmTotal) = await ToConfirmAsync(today, ct);
        return new OrderListPage(filter, rows, total, page, pages, salesPeople.Select(s => (s.Id, s.DisplayName)).ToList(),
            toConfirm, toConfirmTotal, today);
    }

    /// <summary>CSV for a spreadsheet in French: ';' between fields, UTF-8 with a BOM, decimal commas (<see cref="Csv"/>).</summary>
    public async Task<byte[]> CsvAsync(OrderFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await RowsAsync(Filtered(filter, clock.Today()).Take(MaxExportRows), ct);
        var csv = new StringBuilder();
        csv.Append("Numéro;État;Client;Formation;Intitulé;Commandée le;Début;Prix TTC;Acompte;Confirmée le;Commercial").Append(Csv.LineEnd);
        foreach (var r in rows)
        {
            csv.AppendJoin(Csv.Separator,
                Csv.Field(r.ProposalNumber.ToString()), Csv.Field(OrderText.Status(r.Status)), Csv.Field(r.ClientName),
                Csv.Field(r.CourseReference), Csv.Field(r.CourseTitle),
                Csv.Date(r.OrderedOn), Csv.Date(r.StartsOn), Csv.Amount(r.PriceTtc), Csv.Amount(r.DepositAmount), Csv.Date(r.ConfirmedOn),
                Csv.Field(r.SalesPerson));
            csv.Append(Csv.LineEnd);
        }
        return Csv.Utf8WithBom(csv.ToString());
    }

    /// <summary>C2: how many unconfirmed orders start within <see cref="C2WarningDays"/> days or have started (the staff home's count).</summary>
    public Task<int> CountToConfirmAsync(CancellationToken ct) =>
        db.Orders.AsNoTracking().Where(ToConfirm(clock.Today())).CountAsync(ct);

    /// <summary>
    /// C2: the orders still waiting for their signed documents or their deposit whose training starts on or before
    /// today + <see cref="C2WarningDays"/> days (already started ones included): their participants are not convened.
    /// </summary>
    public static Expression<Func<Order, bool>> ToConfirm(DateOnly today)
    {
        var horizon = today.AddDays(C2WarningDays);
        return o => o.Status == OrderStatus.PendingSignatureAndDeposit && o.StartsOn <= horizon;
    }

    /// <summary>C2: the orders to confirm, soonest start first, each with what it lacks (the domain says it, from the loaded aggregate).</summary>
    private async Task<(IReadOnlyList<OrderToConfirm> Orders, int Total)> ToConfirmAsync(DateOnly today, CancellationToken ct)
    {
        var pending = db.Orders.AsNoTracking().Where(ToConfirm(today));
        var total = await pending.CountAsync(ct);
        if (total == 0) return ([], 0);
        var orders = await pending
            .Include(o => o.Invoices) // their payments and the signed documents are owned: loaded with them
            .OrderBy(o => o.StartsOn).ThenBy(o => o.ProposalNumber).ThenBy(o => o.Id)
            .Take(MaxToConfirmShown)
            .AsSplitQuery()
            .ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var rows = (await RowsAsync(db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)), ct)).ToDictionary(r => r.Id);
        return (orders.Select(o => new OrderToConfirm(rows[o.Id], o.MissingForConfirmation(), o.StartsOn.DayNumber - today.DayNumber)).ToList(), total);
    }

    private IQueryable<Order> Filtered(OrderFilter f, DateOnly today)
    {
        var query = db.Orders.AsNoTracking();
        if (f.ToConfirmOnly) query = query.Where(ToConfirm(today));
        else if (OrderText.StatusOf(f.Statut) is { } status) query = query.Where(o => o.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Client))
        {
            var pattern = Contains(f.Client);
            query = query.Where(o => db.Clients.Any(c => c.Id == o.ClientId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        if (!string.IsNullOrWhiteSpace(f.Formation))
        {
            var pattern = Contains(f.Formation);
            query = query.Where(o => EF.Functions.ILike(EF.Property<string>(o, OrderConfiguration.CourseReference), pattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var pattern = Contains(f.Q);
            query = query.Where(o =>
                db.Clients.Any(c => c.Id == o.ClientId && EF.Functions.ILike(c.Name, pattern, "\\"))
                || EF.Functions.ILike(EF.Property<string>(o, OrderConfiguration.CourseReference), pattern, "\\")
                || EF.Functions.ILike((string)(object)o.ProposalNumber, pattern, "\\"));
        }
        if (f.Du is { } from) query = query.Where(o => o.StartsOn >= from);
        if (f.Au is { } to) query = query.Where(o => o.StartsOn <= to);
        if (f.Commercial is { } who)
            query = query.Where(o => db.Proposals.Any(p => p.Id == o.ProposalId && EF.Property<Guid?>(p, ProposalConfiguration.CreatedBy) == who));
        return query
            .OrderByDescending(o => o.OrderedOn)
            .ThenByDescending(o => o.ProposalNumber)
            .ThenBy(o => o.Id);
    }

    private async Task<List<OrderRow>> RowsAsync(IQueryable<Order> query, CancellationToken ct)
    {
        var rows = await query.Select(o => new
        {
            o.Id, o.ProposalNumber, o.Status, o.Course, o.OrderedOn, o.StartsOn, o.PriceTtc, o.DepositAmount, o.ConfirmedOn,
            CourseReference = EF.Property<string>(o, OrderConfiguration.CourseReference),
            ClientName = db.Clients.Where(c => c.Id == o.ClientId).Select(c => c.Name).FirstOrDefault(),
            SalesPerson = db.Proposals.Where(p => p.Id == o.ProposalId)
                .Select(p => db.Users.Where(u => u.Id == EF.Property<Guid?>(p, ProposalConfiguration.CreatedBy)).Select(u => u.DisplayName).FirstOrDefault())
                .FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(r => new OrderRow(r.Id, r.ProposalNumber, r.Status, r.ClientName ?? "", r.CourseReference, r.Course.Title,
            r.OrderedOn, r.StartsOn, r.PriceTtc, r.DepositAmount, r.ConfirmedOn, r.SalesPerson)).ToList();
    }

    /// <summary>An ILIKE pattern that finds the text anywhere, its own % and _ taken literally.</summary>
    private static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
