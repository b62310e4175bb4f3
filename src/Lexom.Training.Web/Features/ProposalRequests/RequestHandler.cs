using Lexom.Training.Domain;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lexom.Training.Web.Features.ProposalRequests;

public sealed record SubmitResult(bool Succeeded, string? Error, Guid? RequestId)
{
    public static SubmitResult Refused(string error) => new(false, error, null);
}

/// <summary>
/// Records a request for a proposal: the client is matched (SIRET for a company, e-mail for a private
/// individual) or created, the request joins the staff queue, and one submitted form is one request
/// whatever the number of clicks.
/// </summary>
public sealed class RequestHandler(
    AppDbContext db,
    IEmailOutbox outbox,
    ISellerIdentityProvider seller,
    IOptions<LexomOptions> options,
    TimeProvider clock,
    ILogger<RequestHandler> logger)
{
    public const string SubmissionKey = "SubmissionKey";

    public async Task<SubmitResult> SubmitAsync(RequestForm form, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySubmitAsync(form, ct);
            }
            catch (DbUpdateException ex) when (attempt == 1 && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same client or the same form was recorded at this very moment: read it again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<SubmitResult> TrySubmitAsync(RequestForm form, CancellationToken ct)
    {
        var existing = await db.ProposalRequests.AsNoTracking()
            .Where(r => EF.Property<Guid>(r, SubmissionKey) == form.SubmissionKey)
            .Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        if (existing is not null) return new SubmitResult(true, null, existing);

        if (!Course.IsValidReference(form.Formation)) return SubmitResult.Refused("Cette formation n'existe pas.");
        var reference = Course.NormalizeReference(form.Formation!);
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference && c.Status == CourseStatus.Published, ct);
        if (course is null) return SubmitResult.Refused("Cette formation n'est pas au catalogue.");
        var kind = form.IsIntra ? TrainingKind.Intra : TrainingKind.Inter;
        if (kind == TrainingKind.Inter && !course.OffersInter) return SubmitResult.Refused("Cette formation n'est proposée qu'en INTRA, dans votre entreprise.");
        if (kind == TrainingKind.Intra && !course.OffersIntra) return SubmitResult.Refused("Cette formation n'est proposée qu'en INTER, dans nos locaux.");

        var today = clock.Today();
        Guid? sessionId = null;
        if (kind == TrainingKind.Inter && form.SessionId is { } chosen)
        {
            var session = await db.CourseSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == chosen && s.CourseId == course.Id && s.StartsOn > today, ct);
            if (session is null) return SubmitResult.Refused("Cette session n'est plus proposée : choisissez-en une autre ou indiquez vos dates.");
            sessionId = session.Id;
        }

        try
        {
            var client = await MatchOrCreateClientAsync(form, ct);
            var training = new RequestedTraining(kind, sessionId, form.WishedStart, Trim(form.WishedDates), kind == TrainingKind.Intra ? Trim(form.Place) : null,
                form.ParticipantCount!.Value, form.Names(), Trim(form.Message));
            var request = new ProposalRequest(Guid.NewGuid(), course.Id, course.Reference, client.Id, training, clock.GetUtcNow());
            db.ProposalRequests.Add(request);
            db.Entry(request).Property<Guid>(SubmissionKey).CurrentValue = form.SubmissionKey;
            var courseUrl = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/formations/{course.Reference}";
            outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
                RequestReceivedEmail.Render(new RequestReceivedModel(client.ContactName, course.Reference, course.Title, training, courseUrl), seller.Current()),
                RequestReceivedEmail.Kind);
            await db.SaveChangesAsync(ct); // the request, the client and the acknowledgement: one commit
            logger.LogInformation("Demande de proposition {RequestId} pour {Course}", request.Id, course.Reference);
            return new SubmitResult(true, null, request.Id);
        }
        catch (DomainException ex)
        {
            return SubmitResult.Refused(ex.Message);
        }
    }

    private async Task<Client> MatchOrCreateClientAsync(RequestForm form, CancellationToken ct)
    {
        var address = new PostalAddress(form.AddressLine1!, Trim(form.AddressLine2), form.PostalCode!, form.City!);
        if (form.IsCompany)
        {
            var siret = FrenchIdentifiers.Digits(form.Siret);
            var company = await db.Clients.SingleOrDefaultAsync(c => c.Siret == siret, ct);
            if (company is null)
            {
                company = Client.Company(Guid.NewGuid(), form.CompanyName!, siret, Trim(form.VatNumber), form.ContactName!, form.Email!, Trim(form.Phone), address, clock.GetUtcNow());
                db.Clients.Add(company);
            }
            else
            {
                company.Update(form.CompanyName!, Trim(form.VatNumber) ?? company.VatNumber, form.ContactName!, form.Email!, Trim(form.Phone), address);
            }
            return company;
        }

        var email = Client.NormalizeEmail(form.Email!);
        var person = await db.Clients.SingleOrDefaultAsync(c => c.Kind == PayerKind.PrivateIndividual && c.NormalizedEmail == email, ct);
        if (person is null)
        {
            person = Client.Individual(Guid.NewGuid(), form.ContactName!, form.Email!, Trim(form.Phone), address, clock.GetUtcNow());
            db.Clients.Add(person);
        }
        else
        {
            person.Update(form.ContactName!, null, form.ContactName!, form.Email!, Trim(form.Phone), address);
        }
        return person;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
