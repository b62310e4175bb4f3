using System.Globalization;
using System.Text;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lexom.Training.Web.Features.Proposals;

/// <summary>The filters of /gestion/propositions (and of its CSV export), as typed in the query string.</summary>
public sealed class ProposalFilter
{
    public string? Statut { get; set; }
    public string? Client { get; set; }
    public string? Formation { get; set; }

    /// <summary>Search in the number, the client's name and the course reference.</summary>
    public string? Q { get; set; }
    public DateOnly? Du { get; set; }
    public DateOnly? Au { get; set; }
    public Guid? Commercial { get; set; }
    public int Page { get; set; } = 1;

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

public sealed record ProposalRow(
    Guid Id, DocumentNumber? Number, ProposalStatus Status, string ClientName, string CourseReference, string CourseTitle,
    DateOnly CreatedOn, DateOnly? IssuedOn, DateOnly? ValidUntil, Money TotalHt, Money? TotalTtc, string? SalesPerson);

/// <param name="Total">The proposals found, counted up to <see cref="ProposalQueries.CountAheadPages"/> pages past the one shown.</param>
/// <param name="MoreThanTotal">More were found than <see cref="Total"/> (and pages than <see cref="Pages"/>): not counted.</param>
public sealed record ProposalList(ProposalFilter Filter, IReadOnlyList<ProposalRow> Rows, int Total, bool MoreThanTotal, int Page, int Pages, IReadOnlyList<(Guid Id, string Name)> SalesPeople);

public sealed record ProposalView(
    Proposal Proposal, Client Client, string? CreatedBy, Guid? RequestId, uint Version,
    PriceTotals? Totals, DepositDecision? Deposit, Percentage? VatRate, string? VatProblem,
    IReadOnlyList<string> Missing, ProposalForm Form, Guid? OrderId = null, DateOnly Today = default)
{
    public bool IsDraft => Proposal.Status == ProposalStatus.Draft;

    public bool CanReissue => Proposal.Status is ProposalStatus.Issued or ProposalStatus.Expired or ProposalStatus.Declined;
}

public sealed record NewProposalView(NewProposalForm Form, IReadOnlyList<(Guid Id, string Name)> Clients, IReadOnlyList<(Guid Id, string Text)> Courses);

/// <summary>The read side of the proposals: list, CSV export and the page of one proposal.</summary>
public sealed class ProposalQueries(AppDbContext db, TimeProvider clock, IMemoryCache memory)
{
    public const int PageSize = 25;

    /// <summary>
    /// The list counts what it found up to this many pages past the one shown: counting 100 000 accepted proposals at each
    /// page cost more than the page (docs/performance.md); past that the pager says "plus de".
    /// </summary>
    public const int CountAheadPages = 10;
    private const int MaxExportRows = 10_000;
    private const int MaxChoices = 1_000;

    /// <summary>The sales people who prepared proposals, for the list's filter: read once a minute.</summary>
    private const string SalesPeopleKey = "proposals:sales-people";

    public async Task<ProposalList> ListAsync(ProposalFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var requested = Math.Clamp(filter.Page, 1, int.MaxValue / PageSize - CountAheadPages - 1);
        var (ids, counted) = await PageAsync(filter, requested, ct);
        var bound = (requested + CountAheadPages) * PageSize;
        var more = counted > bound;
        var total = Math.Min(counted, bound);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Min(requested, pages);
        if (page != requested) (ids, _) = await PageAsync(filter, page, ct); // asked past the end: the last page
        // The rows of the page's ids: the client's and the sales person's names are looked up for the 25 proposals shown, not
        // for every one skipped before them (OFFSET).
        var rows = (await RowsAsync(db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id)), ct)).OrderBy(r => ids.IndexOf(r.Id)).ToList();
        var salesPeople = await memory.GetOrCreateAsync(SalesPeopleKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return (
                from u in db.Users.AsNoTracking()
                where db.Proposals.Any(p => EF.Property<Guid?>(p, ProposalConfiguration.CreatedBy) == u.Id)
                orderby u.DisplayName
                select new { u.Id, u.DisplayName }).ToListAsync(ct);
        }) ?? [];
        return new ProposalList(filter, rows, total, more, page, pages, salesPeople.Select(s => (s.Id, s.DisplayName)).ToList());
    }

    /// <summary>
    /// The ids of a page in the list's order and, in the same statement, how many proposals match, counted up to
    /// <see cref="CountAheadPages"/> pages past it (PostgreSQL walks the list's index up to that bound once, for both).
    /// </summary>
    private async Task<(List<Guid> Ids, int Counted)> PageAsync(ProposalFilter filter, int page, CancellationToken ct)
    {
        var window = Filtered(filter).Take((page + CountAheadPages) * PageSize + 1);
        var found = await window.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new { p.Id, Counted = window.Count() })
            .ToListAsync(ct);
        // Nothing on that page: nothing found, or a page past the end (counted on its own, then the last page is read).
        var counted = found.Count > 0 ? found[0].Counted : await window.CountAsync(ct);
        return (found.Select(f => f.Id).ToList(), counted);
    }

    /// <summary>CSV for a spreadsheet in French: ';' between fields, UTF-8 with a BOM, decimal commas.</summary>
    public async Task<byte[]> CsvAsync(ProposalFilter filter, CancellationToken ct)
    {
        var rows = await RowsAsync(Filtered(filter).Take(MaxExportRows), ct);
        var csv = new StringBuilder();
        csv.Append("Numéro;État;Client;Formation;Intitulé;Créée le;Émise le;Valable jusqu'au;Total HT;Total TTC;Commercial").Append(Csv.LineEnd);
        foreach (var r in rows)
        {
            csv.AppendJoin(Csv.Separator,
                Csv.Field(r.Number?.ToString()), Csv.Field(ProposalText.Status(r.Status)), Csv.Field(r.ClientName), Csv.Field(r.CourseReference), Csv.Field(r.CourseTitle),
                Csv.Date(r.CreatedOn), Csv.Date(r.IssuedOn), Csv.Date(r.ValidUntil),
                Csv.Amount(r.TotalHt), r.TotalTtc is { } ttc ? Csv.Amount(ttc) : "", Csv.Field(r.SalesPerson));
            csv.Append(Csv.LineEnd);
        }
        return Csv.Utf8WithBom(csv.ToString());
    }

    /// <summary>The choices of a draft from scratch: clients by name, courses that have a price.</summary>
    public async Task<NewProposalView> NewViewAsync(NewProposalForm form, CancellationToken ct)
    {
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Name).Take(MaxChoices).Select(c => new { c.Id, c.Name, c.Siret }).ToListAsync(ct);
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.InterPricePerParticipant != null || c.IntraPricePerDay != null)
            .OrderBy(c => c.Reference).Take(MaxChoices).Select(c => new { c.Id, c.Reference, c.Title }).ToListAsync(ct);
        return new NewProposalView(form,
            clients.Select(c => (c.Id, c.Siret is null ? c.Name : $"{c.Name} ({c.Siret})")).ToList(),
            courses.Select(c => (c.Id, $"{c.Reference} — {c.Title}")).ToList());
    }

    public async Task<ProposalView?> ViewAsync(Guid id, ProposalForm? form, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking()
            .Include(p => p.Lines.OrderBy(l => EF.Property<int>(l, ProposalConfiguration.Position)))
            .Include(p => p.Participants.OrderBy(x => EF.Property<int>(x, ProposalConfiguration.Position)))
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return null;
        var shadow = await db.Proposals.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                Version = EF.Property<uint>(p, ProposalConfiguration.Version),
                RequestId = EF.Property<Guid?>(p, ProposalConfiguration.RequestId),
                CreatedBy = db.Users.Where(u => u.Id == EF.Property<Guid?>(p, ProposalConfiguration.CreatedBy)).Select(u => u.DisplayName).FirstOrDefault(),
            }).SingleAsync(ct);
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == proposal.ClientId, ct);

        // M1, M3, M4: the domain computes; a draft shows the totals at today's rate.
        PriceTotals? totals = null;
        DepositDecision? deposit = null;
        Percentage? rate = proposal.VatRate;
        string? vatProblem = null;
        try
        {
            rate ??= (await VatRates.TableAsync(db, ct)).RateOn(CgvReadings.VatRateDate(clock.Today()));
            totals = proposal.TotalsAt(rate.Value);
            deposit = DepositPolicy.For(totals.Ttc, proposal.DepositRate, proposal.PayerKind);
        }
        catch (Domain.DomainException ex)
        {
            vatProblem = ex.Message;
        }

        var missing = proposal.Status == ProposalStatus.Draft ? proposal.MissingForIssue() : [];
        var orderId = await db.Orders.Where(o => o.ProposalId == id).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        return new ProposalView(proposal, client, shadow.CreatedBy, shadow.RequestId, shadow.Version, totals, deposit, rate, vatProblem, missing,
            form ?? ProposalForm.From(proposal, shadow.Version), orderId, clock.Today());
    }

    private IQueryable<Proposal> Filtered(ProposalFilter f)
    {
        var query = db.Proposals.AsNoTracking();
        if (ProposalText.StatusOf(f.Statut) is { } status) query = query.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Client))
        {
            var pattern = "%" + Like(f.Client.Trim()) + "%";
            // client_id IN (the clients whose name matches): one scan of ix_clients_name_trgm, not an EXISTS per proposal.
            var clients = db.Clients.Where(c => EF.Functions.ILike(c.Name, pattern, "\\")).Select(c => (Guid?)c.Id);
            query = query.Where(p => clients.Contains(p.ClientId));
        }
        if (!string.IsNullOrWhiteSpace(f.Formation))
        {
            var pattern = "%" + Like(f.Formation.Trim()) + "%";
            query = query.Where(p => EF.Functions.ILike(EF.Property<string>(p, ProposalConfiguration.CourseReference), pattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim();
            var pattern = "%" + Like(term) + "%";
            // A term that begins like a proposal number (« DEV-2026-0001 ») can only match the start of one: a prefix search on
            // ix_proposals_number_pattern. Its trigrams (« dev », « ev- », « v-2 »…) are in every number, and the trigram index
            // would intersect 200 000 entries for each (6 to 10 ms on the large history).
            var numbers = term.StartsWith(ProposalNumberPrefix, StringComparison.OrdinalIgnoreCase)
                ? db.Proposals.Where(p => EF.Functions.Like((string)(object)p.Number!, Like(term.ToUpperInvariant()) + "%", "\\"))
                : db.Proposals.Where(p => EF.Functions.ILike((string)(object)p.Number!, pattern, "\\"));
            // The UNION of three id lists, each from its trigram index: an OR of the three conditions is one filter that
            // PostgreSQL can only apply row by row while walking the list's order (0.4 s on 200 000 proposals for a number).
            var clients = db.Clients.Where(c => EF.Functions.ILike(c.Name, pattern, "\\")).Select(c => (Guid?)c.Id);
            var ids = db.Proposals.Where(p => clients.Contains(p.ClientId)).Select(p => p.Id)
                .Union(db.Proposals.Where(p => EF.Functions.ILike(EF.Property<string>(p, ProposalConfiguration.CourseReference), pattern, "\\")).Select(p => p.Id))
                .Union(numbers.Select(p => p.Id));
            query = query.Where(p => ids.Contains(p.Id));
        }
        if (f.Du is { } from) query = query.Where(p => p.IssuedOn >= from);
        if (f.Au is { } to) query = query.Where(p => p.IssuedOn <= to);
        if (f.Commercial is { } who) query = query.Where(p => EF.Property<Guid?>(p, ProposalConfiguration.CreatedBy) == who);
        return query
            .OrderByDescending(p => p.IssuedOn ?? p.CreatedOn)
            .ThenByDescending(p => p.Number)
            .ThenBy(p => p.Id);
    }

    private async Task<List<ProposalRow>> RowsAsync(IQueryable<Proposal> query, CancellationToken ct)
    {
        var rows = await query.Select(p => new
        {
            p.Id, p.Number, p.Status, p.CreatedOn, p.IssuedOn, p.ValidUntil, p.VatRate,
            CourseTitle = EF.Property<string>(p, ProposalConfiguration.CourseTitle),
            CourseReference = EF.Property<string>(p, ProposalConfiguration.CourseReference),
            ClientName = db.Clients.Where(c => c.Id == p.ClientId).Select(c => c.Name).FirstOrDefault(),
            SalesPerson = db.Users.Where(u => u.Id == EF.Property<Guid?>(p, ProposalConfiguration.CreatedBy)).Select(u => u.DisplayName).FirstOrDefault(),
            Lines = p.Lines.Select(l => new { l.Quantity, l.UnitPriceHt }).ToList(),
        }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var lines = r.Lines.Select(l => PriceCalculator.LineAmount(l.Quantity, l.UnitPriceHt)).ToList();
            Money? ttc = r.VatRate is { } rate ? PriceCalculator.Totals(lines.Select(l => (l, rate))).Ttc : null;
            return new ProposalRow(r.Id, r.Number, r.Status, r.ClientName ?? "", r.CourseReference, r.CourseTitle ?? "", r.CreatedOn, r.IssuedOn, r.ValidUntil,
                Money.Sum(lines), ttc, r.SalesPerson);
        }).ToList();
    }

    private static readonly string ProposalNumberPrefix = DocumentNumber.PrefixOf(DocumentKind.Proposal) + "-";

    private static string Like(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
