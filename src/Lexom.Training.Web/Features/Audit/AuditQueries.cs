using System.Globalization;
using System.Text;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Audit;

/// <summary>The filters of /gestion/audit, from the query string.</summary>
public sealed class AuditFilter
{
    public const int PageSize = 50;

    /// <summary>Who: part of the staff member's e-mail.</summary>
    public string? Personne { get; set; }

    /// <summary>Whose file: part of the client's name, or its id.</summary>
    public string? Client { get; set; }

    public string? Entite { get; set; }
    public string? Id { get; set; }
    public AuditAction? Action { get; set; }
    public DateOnly? Du { get; set; }
    public DateOnly? Au { get; set; }
    public int Page { get; set; } = 1;

    public string Query(int? page = null) => new ListQuery()
        .Add("personne", Personne)
        .Add("client", Client)
        .Add("entite", Entite)
        .Add("id", Id)
        .Add("action", Action?.ToString())
        .Add("du", Du)
        .Add("au", Au)
        .Build(page);
}

public sealed record AuditRow(long Id, DateTimeOffset At, string? UserEmail, string? UserRole, string? IpAddress, string? UserAgent,
    AuditAction Action, string EntityType, string EntityId, Guid? ClientId, string? ClientName, string? Changes, string? Detail);

public sealed record AuditPage(AuditFilter Filter, IReadOnlyList<AuditRow> Rows, int Total, IReadOnlyList<string> EntityTypes)
{
    public int Pages => Math.Max(1, (Total + AuditFilter.PageSize - 1) / AuditFilter.PageSize);
}

/// <summary>G2: the search in the audit trail and its CSV export.</summary>
public sealed class AuditQueries(AppDbContext db)
{
    public const int MaxExportRows = 50_000;

    public static string ActionText(AuditAction action) => action switch
    {
        AuditAction.Viewed => "consultation",
        AuditAction.Downloaded => "téléchargement",
        AuditAction.Created => "création",
        AuditAction.Changed => "modification",
        AuditAction.Deleted => "suppression",
        AuditAction.Exported => "export",
        AuditAction.Anonymised => "anonymisation",
        AuditAction.Restricted => "limitation",
        AuditAction.Purged => "purge",
        _ => action.ToString(),
    };

    public async Task<AuditPage> SearchAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var rows = await Rows(query).Skip((filter.Page - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize).ToListAsync(ct);
        var types = await db.Set<AuditLogEntry>().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        return new AuditPage(filter, rows, total, types);
    }

    /// <summary>Every line about one client (the personal-data export, G3).</summary>
    public Task<List<AuditRow>> SearchAllAsync(Guid clientId, CancellationToken ct) =>
        Rows(db.Set<AuditLogEntry>().AsNoTracking().Where(e => e.ClientId == clientId)).Take(MaxExportRows).ToListAsync(ct);

    /// <summary>The filtered lines as CSV (the staff lists' format, <see cref="Csv"/>).</summary>
    public async Task<byte[]> CsvAsync(AuditFilter filter, CancellationToken ct)
    {
        var rows = await Rows(Filtered(filter)).Take(MaxExportRows).ToListAsync(ct);
        return Csv.Utf8WithBom(ToCsv(rows));
    }

    public static string ToCsv(IEnumerable<AuditRow> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(Csv.Separator, "Date", "Heure (Paris)", "Utilisateur", "Rôle", "Adresse IP", "Navigateur", "Action", "Entité", "Identifiant", "Client", "Changements", "Détail")).Append(Csv.LineEnd);
        foreach (var r in rows)
        {
            var paris = TimeZoneInfo.ConvertTime(r.At, FrenchCulture.Paris);
            text.Append(string.Join(Csv.Separator,
                Csv.Date(DateOnly.FromDateTime(paris.DateTime)), paris.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                Csv.Field(r.UserEmail), Csv.Field(r.UserRole), Csv.Field(r.IpAddress), Csv.Field(r.UserAgent), Csv.Field(ActionText(r.Action)),
                Csv.Field(r.EntityType), Csv.Field(r.EntityId), Csv.Field(r.ClientName ?? r.ClientId?.ToString()), Csv.Field(r.Changes), Csv.Field(r.Detail))).Append(Csv.LineEnd);
        }
        return text.ToString();
    }

    private IQueryable<AuditLogEntry> Filtered(AuditFilter f)
    {
        var q = db.Set<AuditLogEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Personne))
        {
            var who = "%" + Like(f.Personne.Trim()) + "%";
            q = q.Where(e => e.UserEmail != null && EF.Functions.ILike(e.UserEmail, who));
        }
        if (!string.IsNullOrWhiteSpace(f.Client))
        {
            var client = f.Client.Trim();
            if (Guid.TryParse(client, out var clientId))
                q = q.Where(e => e.ClientId == clientId);
            else
            {
                var name = "%" + Like(client) + "%";
                var ids = db.Clients.Where(c => EF.Functions.ILike(c.Name, name) || EF.Functions.ILike(c.ContactName, name) || EF.Functions.ILike(c.NormalizedEmail, name)).Select(c => (Guid?)c.Id);
                q = q.Where(e => ids.Contains(e.ClientId));
            }
        }
        if (!string.IsNullOrWhiteSpace(f.Entite)) q = q.Where(e => e.EntityType == f.Entite.Trim());
        if (!string.IsNullOrWhiteSpace(f.Id)) q = q.Where(e => e.EntityId == f.Id.Trim());
        if (f.Action is { } action) q = q.Where(e => e.Action == action);
        if (f.Du is { } from)
        {
            var start = Start(from);
            q = q.Where(e => e.At >= start);
        }
        if (f.Au is { } to)
        {
            var end = Start(to.AddDays(1));
            q = q.Where(e => e.At < end);
        }
        return q;
    }

    /// <summary>The text as a literal inside an ILIKE pattern (its % _ and \ escaped).</summary>
    private static string Like(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Midnight in Paris of <paramref name="day"/>, as UTC.</summary>
    private static DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, FrenchCulture.Paris.GetUtcOffset(local)).ToUniversalTime();
    }

    private IQueryable<AuditRow> Rows(IQueryable<AuditLogEntry> q) =>
        from e in q
        join c in db.Clients on e.ClientId equals c.Id into clients
        from c in clients.DefaultIfEmpty()
        orderby e.At descending, e.Id descending
        select new AuditRow(e.Id, e.At, e.UserEmail, e.UserRole, e.IpAddress, e.UserAgent, e.Action, e.EntityType, e.EntityId, e.ClientId,
            c == null ? null : c.Name, e.Changes, e.Detail);
}
