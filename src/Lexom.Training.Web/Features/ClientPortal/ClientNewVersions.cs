using Lexom.Training.Domain;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.ProposalRequests;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lexom.Training.Web.Features.ClientPortal;

/// <summary>
/// P3: a client whose proposal expired asks for a new version from the client space. It becomes a request in the
/// staff queue (/gestion/demandes), handed to the sales person who prepared the proposal, made once per proposal.
/// </summary>
public sealed class ClientNewVersions(AppDbContext db, TimeProvider clock, ILogger<ClientNewVersions> logger)
{
    public async Task RequestAsync(Proposal proposal, Guid submissionKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (await db.ProposalRequests.AnyAsync(r => EF.Property<Guid>(r, RequestHandler.SubmissionKey) == submissionKey, ct)) return;
        var course = await db.Courses.AsNoTracking().Where(c => c.Reference == proposal.Course.Reference).Select(c => new { c.Id, c.Reference }).SingleOrDefaultAsync(ct);
        if (course is null || proposal.ClientId is not { } clientId) return;
        var today = clock.Today();
        var start = proposal.Sessions.Select(s => s.StartsOn).Where(d => d > today).Order().Cast<DateOnly?>().FirstOrDefault();
        var names = proposal.Participants.Where(p => !p.IsPlaceholder).Select(p => p.Name).ToList();
        var training = new RequestedTraining(proposal.TrainingKind, null, start,
            start is null ? "À convenir (les dates de la proposition sont passées)" : null,
            proposal.TrainingKind == TrainingKind.Intra ? proposal.Place : null,
            Math.Max(1, proposal.Participants.Count), names,
            $"Nouvelle version demandée depuis l'espace client : la proposition {proposal.Number} n'était valable que jusqu'au {proposal.ValidUntil?.Written()} (P3).");
        var request = new ProposalRequest(Guid.NewGuid(), course.Id, course.Reference, clientId, training, clock.GetUtcNow());
        var salesPerson = await db.Proposals.Where(p => p.Id == proposal.Id).Select(p => EF.Property<Guid?>(p, ProposalConfiguration.CreatedBy)).SingleAsync(ct);
        if (salesPerson is { } id) request.TakeOn(id);
        db.ProposalRequests.Add(request);
        db.Entry(request).Property<Guid>(RequestHandler.SubmissionKey).CurrentValue = submissionKey;
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Nouvelle version de la proposition {Number} demandée par le client : demande {RequestId}", proposal.Number, request.Id);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A second click at the same moment: the first request stands.
        }
    }
}
