using Lexom.Training.Domain;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lexom.Training.Web.Features.CatalogAdmin;

/// <summary>The outcome of a staff change: done, refused with a French sentence, or nothing to change.</summary>
public sealed record EditResult(bool Succeeded, string? Error, bool NotFound = false)
{
    public static readonly EditResult Ok = new(true, null);
    public static readonly EditResult Missing = new(false, null, NotFound: true);

    public static EditResult Refused(string error) => new(false, error);
}

/// <summary>The catalog's write side: load, call one domain verb, save once.</summary>
public sealed class CourseEditor(AppDbContext db, TimeProvider clock, ILogger<CourseEditor> logger)
{
    public const string ConcurrencyMessage = "Cette formation a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. Rechargez la page pour voir sa version actuelle.";

    public Task<Course?> FindAsync(string reference, CancellationToken ct)
    {
        if (!Course.IsValidReference(reference)) return Task.FromResult<Course?>(null);
        var normalized = Course.NormalizeReference(reference);
        return db.Courses.SingleOrDefaultAsync(c => c.Reference == normalized, ct);
    }

    public uint VersionOf(Course course) => db.Entry(course).Property<uint>("Version").CurrentValue;

    public async Task<EditResult> CreateAsync(CourseForm form, CancellationToken ct)
    {
        var reference = form.Reference!.Trim().ToUpperInvariant();
        if (await db.Courses.AnyAsync(c => c.Reference == reference, ct))
            return EditResult.Refused($"La référence {reference} existe déjà : choisissez-en une autre.");
        if (!await db.CatalogDomains.AnyAsync(d => d.Id == form.DomainId, ct))
            return EditResult.Refused("Le domaine choisi n'existe pas.");
        return await SaveAsync(() => db.Courses.Add(new Course(reference, form.ToContent(), clock.Today())), ct);
    }

    public async Task<EditResult> EditAsync(string reference, CourseForm form, CancellationToken ct)
    {
        var course = await FindAsync(reference, ct);
        if (course is null) return EditResult.Missing;
        if (!await db.CatalogDomains.AnyAsync(d => d.Id == form.DomainId, ct))
            return EditResult.Refused("Le domaine choisi n'existe pas.");
        db.Entry(course).Property<uint>("Version").OriginalValue = form.Version;
        return await SaveAsync(() => course.Edit(form.ToContent(), clock.Today()), ct);
    }

    public async Task<EditResult> SetDayAsync(string reference, int dayNumber, ProgrammeDayForm form, CancellationToken ct)
    {
        var course = await FindAsync(reference, ct);
        if (course is null) return EditResult.Missing;
        return await SaveAsync(() => course.SetProgrammeDay(form.ToDay(dayNumber), clock.Today()), ct);
    }

    public async Task<EditResult> RemoveDayAsync(string reference, int dayNumber, CancellationToken ct)
    {
        var course = await FindAsync(reference, ct);
        if (course is null) return EditResult.Missing;
        return await SaveAsync(() => course.RemoveProgrammeDay(dayNumber, clock.Today()), ct);
    }

    public async Task<EditResult> PublishAsync(string reference, bool publish, CancellationToken ct)
    {
        var course = await FindAsync(reference, ct);
        if (course is null) return EditResult.Missing;
        return await SaveAsync(() =>
        {
            if (publish) course.Publish(clock.Today());
            else course.Unpublish(clock.Today());
        }, ct);
    }

    public async Task<EditResult> CreateDomainAsync(DomainForm form, CancellationToken ct)
    {
        var name = form.Name!.Trim();
        var slug = Slugs.From(name);
        if (await db.CatalogDomains.AnyAsync(d => d.Name == name || d.Slug == slug, ct))
            return EditResult.Refused($"Le domaine « {name} » existe déjà.");
        return await SaveAsync(() => db.CatalogDomains.Add(new CatalogDomain(name, slug, form.Position ?? 100)), ct);
    }

    public async Task<EditResult> RenameDomainAsync(Guid id, DomainForm form, CancellationToken ct)
    {
        var domain = await db.CatalogDomains.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (domain is null) return EditResult.Missing;
        var name = form.Name!.Trim();
        var slug = Slugs.From(name);
        if (await db.CatalogDomains.AnyAsync(d => d.Id != id && (d.Name == name || d.Slug == slug), ct))
            return EditResult.Refused($"Le domaine « {name} » existe déjà.");
        return await SaveAsync(() => domain.Rename(name, slug, form.Position ?? domain.Position), ct);
    }

    private async Task<EditResult> SaveAsync(Action change, CancellationToken ct)
    {
        try
        {
            change();
            await db.SaveChangesAsync(ct);
            return EditResult.Ok;
        }
        catch (DomainException ex)
        {
            return EditResult.Refused(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult.Refused(ConcurrencyMessage);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two staff creating the same reference at the same moment: the unique index decides.
            logger.LogInformation(ex, "Doublon refusé par l'index unique");
            return EditResult.Refused("Cette référence ou ce nom existe déjà.");
        }
    }
}
