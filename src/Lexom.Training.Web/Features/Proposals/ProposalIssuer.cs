using Lexom.Training.Documents;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Proposals;

/// <summary>
/// « Émettre » (P1, P3, M1, LW4): in ONE transaction the proposal row is locked, its number taken from the
/// counter, the domain issues it (course, CGV version, VAT frozen; valid until issue + 30 days), its PDF
/// is rendered and e-mailed to the client through the outbox (with an invitation to the client space when the
/// contact has no account yet: the account is created in the same transaction), and the request is marked as answered.
/// A second click waits on the row lock, then finds the proposal issued: no second number.
/// </summary>
public sealed class ProposalIssuer(
    AppDbContext db,
    DocumentNumbering numbering,
    IDocumentRenderer renderer,
    IEmailOutbox outbox,
    ISellerIdentityProvider seller,
    TimeProvider clock,
    ClientPortal.ClientInvitations invitations,
    ILogger<ProposalIssuer> logger)
{
    public async Task<ProposalResult> IssueAsync(Guid id, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM proposals WHERE id = {id} FOR UPDATE").ToListAsync(ct);
        if (locked.Count == 0) return ProposalResult.Missing;
        var proposal = await ProposalDrafts.LoadAsync(db, id, ct);
        if (proposal is null) return ProposalResult.Missing;
        if (proposal.Status != ProposalStatus.Draft)
            return ProposalResult.Refused($"La proposition {ProposalText.Number(proposal.Number)} est déjà {ProposalText.Status(proposal.Status).ToLowerInvariant()} : elle n'est pas émise une seconde fois.");
        var missing = proposal.MissingForIssue();
        if (missing.Count > 0)
            return ProposalResult.Refused("La proposition ne peut pas être émise : il manque " + string.Join(", ", missing) + " (P1).");

        try
        {
            var today = clock.Today();
            var vatRates = await VatRates.TableAsync(db, ct);
            vatRates.RateOn(Domain.Rules.CgvReadings.VatRateDate(today)); // M1: refuse before taking a number
            // LW4: a first issue takes the next DEV number of the year; a new version keeps its number.
            var number = proposal.Number is null ? await numbering.NextAsync(DocumentKind.Proposal, today.Year, ct) : null;
            proposal.Issue(today, CgvVersion.Current, vatRates, number);

            var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == proposal.ClientId, ct);
            var identity = seller.Current();
            var requestId = db.Entry(proposal).Property<Guid?>(ProposalConfiguration.RequestId).CurrentValue;
            var pdf = await RenderAsync(proposal, client, identity, fromWebsite: requestId is not null, ct);
            // The PDF is kept exactly as e-mailed: the client downloads these bytes, and an online acceptance records their SHA-256.
            db.StoredFiles.Add(new StoredFile(Guid.NewGuid(), StoredFileKind.IssuedProposal, client.Id, ProposalText.FileName(proposal), "application/pdf", pdf,
                clock.GetUtcNow(), db.Entry(proposal).Property<Guid?>(ProposalConfiguration.CreatedBy).CurrentValue) { ProposalId = proposal.Id });
            var deposit = proposal.Deposit;
            // Issue 6 item 4: the contact's client account (created and invited if none), in this same transaction.
            var portal = await invitations.EnsureAccountAsync(client, ct);
            outbox.Enqueue(new EmailRecipient(client.Email, client.ContactName),
                ProposalIssuedEmail.Render(new ProposalIssuedModel(client.ContactName, proposal.Number!.ToString(), proposal.Course.Reference, proposal.Course.Title,
                    proposal.ValidUntil!.Value, proposal.Totals.Ttc, deposit.AppliedRate, deposit.Amount, proposal.CgvVersion!, pdf, portal)
                {
                    IsTrainingContract = proposal.PayerKind == PayerKind.PrivateIndividual,
                }, identity),
                ProposalIssuedEmail.Kind);

            if (requestId is { } rid && await db.ProposalRequests.SingleOrDefaultAsync(r => r.Id == rid, ct) is { Status: not RequestStatus.Closed } request)
                request.RecordProposal(proposal.Id);

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Proposition {Number} émise ({ProposalId})", proposal.Number, proposal.Id);
            return ProposalResult.Ok(proposal.Id);
        }
        catch (DomainException ex)
        {
            return ProposalResult.Refused(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ProposalResult.Refused(ProposalDrafts.ConcurrencyMessage);
        }
    }

    /// <summary>
    /// The PDF of an issued proposal exactly as it was issued and e-mailed (its SHA-256 is the one an online acceptance
    /// records); null for a draft or an unknown id.
    /// </summary>
    public async Task<(byte[] Pdf, string FileName)?> PdfAsync(Guid id, CancellationToken ct)
    {
        var stored = await IssuedFileAsync(db, id, ct);
        if (stored is not null) return (stored.Content, stored.FileName);
        return await RenderAgainAsync(id, ct);
    }

    /// <summary>The stored PDF of the proposal's issue, with its SHA-256; null when there is none.</summary>
    public static Task<StoredFile?> IssuedFileAsync(AppDbContext db, Guid proposalId, CancellationToken ct) =>
        db.StoredFiles.AsNoTracking()
            .Where(f => f.ProposalId == proposalId && f.Kind == StoredFileKind.IssuedProposal)
            .OrderByDescending(f => f.StoredAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The document the client signs: the proposal with its CGV annex for a company (P4), the training contract for a
    /// private individual (P6, LW1), whose withdrawal periods it states (P7 when the request came from the website).
    /// </summary>
    private async Task<byte[]> RenderAsync(Proposal proposal, Domain.Clients.Client client, Documents.SellerIdentity identity, bool fromWebsite, CancellationToken ct)
    {
        if (proposal.PayerKind == PayerKind.Company) return renderer.Render(ProposalPdfBuilder.Build(proposal, client, identity));
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == proposal.Course.Reference, ct);
        return renderer.Render(ProposalPdfBuilder.BuildContract(proposal, client, identity, course, fromWebsite));
    }

    /// <summary>For a proposal issued before its PDF was kept: rendered again from the frozen data.</summary>
    private async Task<(byte[] Pdf, string FileName)?> RenderAgainAsync(Guid id, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking()
            .Include(p => p.Lines.OrderBy(l => EF.Property<int>(l, ProposalConfiguration.Position)))
            .Include(p => p.Participants.OrderBy(x => EF.Property<int>(x, ProposalConfiguration.Position)))
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, ct);
        if (proposal?.Number is null || proposal.IssuedOn is null) return null;
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == proposal.ClientId, ct);
        var fromWebsite = await db.Proposals.Where(p => p.Id == id).Select(p => EF.Property<Guid?>(p, ProposalConfiguration.RequestId)).SingleAsync(ct) is not null;
        return (await RenderAsync(proposal, client, seller.Current(), fromWebsite, ct), ProposalText.FileName(proposal));
    }
}
