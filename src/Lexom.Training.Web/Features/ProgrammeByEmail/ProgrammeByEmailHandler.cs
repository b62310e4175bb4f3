using Lexom.Training.Documents;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Catalog;
using Lexom.Training.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Lexom.Training.Web.Features.ProgrammeByEmail;

/// <summary>Puts the programme e-mail (course sheet PDF attached) into the outbox and saves: one row, one commit.</summary>
public sealed class ProgrammeByEmailHandler(
    AppDbContext db,
    CatalogQueries catalog,
    IDocumentRenderer documents,
    ISellerIdentityProvider seller,
    IEmailOutbox outbox,
    IOptions<LexomOptions> options,
    TimeProvider clock)
{
    /// <summary>The published course's title, or null when there is no such course.</summary>
    public async Task<string?> TitleAsync(string reference, CancellationToken ct) =>
        (await catalog.FindPublishedAsync(reference, clock.Today(), ct))?.Course.Title;

    /// <summary>False when the course is unknown or not published.</summary>
    public async Task<bool> SendAsync(string reference, string email, CancellationToken ct)
    {
        var view = await catalog.FindPublishedAsync(reference, clock.Today(), ct);
        if (view is null) return false;
        var course = view.Course;
        var identity = seller.Current();
        var pdf = documents.Render(CourseSheet.From(course, view.DomainName, identity));
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var content = ProgrammeEmail.Render(new ProgrammeEmailModel(
            course.Reference, course.Title, course.DurationDays, course.DurationHours,
            $"{baseUrl}/formations/{course.Reference}",
            $"{baseUrl}/demande-de-proposition?formation={course.Reference}",
            pdf), identity);
        outbox.Enqueue(new EmailRecipient(email), content, ProgrammeEmail.Kind);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
