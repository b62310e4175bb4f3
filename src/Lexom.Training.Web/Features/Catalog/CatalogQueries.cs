using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NpgsqlTypes;

namespace Lexom.Training.Web.Features.Catalog;

/// <summary>What a visitor asked the catalog for, already made safe (bounded, known values only).</summary>
public sealed record CatalogFilter(string? Query, string? DomainSlug, DurationBand? Duration, TrainingFormat? Format, int Page)
{
    public const int PageSize = 12;
    public const int MaxQueryLength = 100;
    public const int MaxPage = 10_000;

    /// <summary>Reads the raw query string values; anything malformed is ignored rather than refused.</summary>
    public static CatalogFilter From(string? q, string? domaine, string? duree, string? format, string? page)
    {
        var query = string.IsNullOrWhiteSpace(q) ? null : new string(q.Trim().Where(c => !char.IsControl(c)).Take(MaxQueryLength).ToArray());
        var slug = Slugs.IsValid(domaine) ? domaine : null;
        DurationBand? band = duree switch { "1" => DurationBand.OneDay, "2" => DurationBand.TwoDays, "3" => DurationBand.ThreeOrMore, _ => null };
        TrainingFormat? fmt = format switch { "inter" => TrainingFormat.Inter, "intra" => TrainingFormat.Intra, _ => null };
        var p = int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPage ? n : 1;
        return new CatalogFilter(query, slug, band, fmt, p);
    }

    public bool IsEmpty => Query is null && DomainSlug is null && Duration is null && Format is null;
}

public enum DurationBand
{
    OneDay,
    TwoDays,
    ThreeOrMore,
}

public enum TrainingFormat
{
    Inter,
    Intra,
}

public sealed record CourseCard(
    string Reference, string Title, string DomainName, string DomainSlug, decimal DurationDays, decimal DurationHours,
    decimal? InterPrice, decimal? IntraPricePerDay, string FirstObjective, bool IsSample);

public sealed record DomainOption(string Name, string Slug, int Count);

public sealed record CatalogPage(CatalogFilter Filter, IReadOnlyList<CourseCard> Courses, int Total, IReadOnlyList<DomainOption> Domains)
{
    public int PageCount => Math.Max(1, (Total + CatalogFilter.PageSize - 1) / CatalogFilter.PageSize);
}

public sealed record DomainCourse(string DomainName, string Reference, string Title);

public sealed record UpcomingSession(Guid Id, DateOnly StartsOn, DateOnly EndsOn, string Place, int SeatsLeft);

public sealed record CourseView(Course Course, string DomainName, string DomainSlug, IReadOnlyList<UpcomingSession> Sessions);

/// <summary>The public catalog's reads: projections, no tracking, published courses only.</summary>
public sealed class CatalogQueries(AppDbContext db, IMemoryCache memory, CatalogCache cache)
{
    // The course page's two reads, compiled once (the hottest public reads; see docs/performance.md).
    private static readonly Func<AppDbContext, string, CancellationToken, Task<PublishedCourse?>> CourseByReference =
        EF.CompileAsyncQuery((AppDbContext db, string reference, CancellationToken ct) =>
            (from c in db.Courses.AsNoTracking()
             join d in db.CatalogDomains on c.DomainId equals d.Id
             where c.Reference == reference && c.Status == CourseStatus.Published
             select new PublishedCourse(c, d.Name, d.Slug)).SingleOrDefault());

    private static readonly Func<AppDbContext, Guid, DateOnly, IAsyncEnumerable<UpcomingSession>> NextSessions =
        EF.CompileAsyncQuery((AppDbContext db, Guid courseId, DateOnly today) =>
            db.CourseSessions.AsNoTracking()
                .Where(s => s.CourseId == courseId && s.Kind == SessionKind.Inter && s.Status == SessionStatus.Planned && s.StartsOn > today)
                .OrderBy(s => s.StartsOn)
                .Select(s => new UpcomingSession(s.Id, s.StartsOn, s.EndsOn, s.Place, s.Capacity - s.SeatsTaken))
                .Take(6));

    private sealed record PublishedCourse(Course Course, string Name, string Slug);

    public async Task<CatalogPage> SearchAsync(CatalogFilter filter, CancellationToken ct)
    {
        var courses = db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published);
        var domains = db.CatalogDomains.AsNoTracking();

        if (filter.Query is { } q)
        {
            // French stemming on accent-folded text: "strategie" and "stratégies" find "stratégie".
            var folded = Slugs.Fold(q);
            var reference = folded.ToUpperInvariant();
            courses = courses.Where(c =>
                EF.Property<NpgsqlTsVector>(c, CourseConfiguration.SearchVector).Matches(EF.Functions.PlainToTsQuery("french", folded))
                || c.Reference.StartsWith(reference));
        }
        courses = filter.Duration switch
        {
            DurationBand.OneDay => courses.Where(c => c.DurationDays <= 1),
            DurationBand.TwoDays => courses.Where(c => c.DurationDays > 1 && c.DurationDays <= 2),
            DurationBand.ThreeOrMore => courses.Where(c => c.DurationDays > 2),
            _ => courses,
        };
        courses = filter.Format switch
        {
            TrainingFormat.Inter => courses.Where(c => c.InterPricePerParticipant != null),
            TrainingFormat.Intra => courses.Where(c => c.IntraPricePerDay != null),
            _ => courses,
        };

        // Domain counts reflect every filter but the domain itself, so the visitor sees where to go.
        var domainCounts = await (
            from c in courses
            join d in domains on c.DomainId equals d.Id
            group d by new { d.Name, d.Slug, d.Position } into g
            orderby g.Key.Position, g.Key.Name
            select new DomainOption(g.Key.Name, g.Key.Slug, g.Count())).ToListAsync(ct);

        // Every course has one domain: without a domain filter the total is the sum of the domains' counts (one query fewer).
        int total;
        if (filter.DomainSlug is { } slug)
        {
            courses = courses.Where(c => domains.Any(d => d.Id == c.DomainId && d.Slug == slug));
            total = await courses.CountAsync(ct);
        }
        else total = domainCounts.Sum(d => d.Count);
        var rows = await (
            from c in courses
            join d in domains on c.DomainId equals d.Id
            orderby d.Position, d.Name, c.IsSample, c.Title
            select new { c.Reference, c.Title, DomainName = d.Name, DomainSlug = d.Slug, c.DurationDays, c.DurationHours,
                c.InterPricePerParticipant, c.IntraPricePerDay, c.Objectives, c.IsSample })
            .Skip((filter.Page - 1) * CatalogFilter.PageSize).Take(CatalogFilter.PageSize)
            .ToListAsync(ct);
        var page = rows.Select(r => new CourseCard(r.Reference, r.Title, r.DomainName, r.DomainSlug, r.DurationDays, r.DurationHours,
            r.InterPricePerParticipant, r.IntraPricePerDay, r.Objectives.Count > 0 ? r.Objectives[0] : "", r.IsSample)).ToList();

        return new CatalogPage(filter, page, total, domainCounts);
    }

    /// <summary>
    /// A published course by reference, any case; null when unknown or a draft. Kept in memory (<see cref="CatalogCache"/>)
    /// until the catalog or a session changes, and at most <see cref="CatalogCache.Lifetime"/>; the views only read it.
    /// </summary>
    public async Task<CourseView?> FindPublishedAsync(string reference, DateOnly today, CancellationToken ct)
    {
        if (!Course.IsValidReference(reference)) return null;
        var normalized = reference.Trim().ToUpperInvariant();
        var key = (nameof(FindPublishedAsync), normalized, today);
        if (memory.TryGetValue(key, out CourseView? cached)) return cached;

        var token = cache.ChangeToken; // taken before the reads: a change during them expires what they return
        var found = await CourseByReference(db, normalized, ct);
        if (found is null) return null;
        var sessions = new List<UpcomingSession>(6);
        await foreach (var s in NextSessions(db, found.Course.Id, today).WithCancellation(ct))
            sessions.Add(s);
        var view = new CourseView(found.Course, found.Name, found.Slug, sessions);
        using (var entry = memory.CreateEntry(key))
        {
            entry.Value = view;
            entry.AbsoluteExpirationRelativeToNow = CatalogCache.Lifetime;
            entry.AddExpirationToken(token);
        }
        return view;
    }

    /// <summary>Every published course, by domain: the choice offered when a request names none.</summary>
    public Task<List<DomainCourse>> PublishedCoursesAsync(CancellationToken ct) =>
        (from c in db.Courses.AsNoTracking()
         join d in db.CatalogDomains on c.DomainId equals d.Id
         where c.Status == CourseStatus.Published
         orderby d.Position, d.Name, c.IsSample, c.Title
         select new DomainCourse(d.Name, c.Reference, c.Title)).ToListAsync(ct);

    public Task<List<DomainOption>> DomainsAsync(CancellationToken ct) =>
        (from d in db.CatalogDomains.AsNoTracking()
         orderby d.Position, d.Name
         select new DomainOption(d.Name, d.Slug, db.Courses.Count(c => c.DomainId == d.Id && c.Status == CourseStatus.Published)))
        .ToListAsync(ct);
}
