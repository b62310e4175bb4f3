using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.ClientPortal;

public sealed record PortalProposalRow(
    Guid Id, string Number, string CourseReference, string CourseTitle, DateOnly IssuedOn, DateOnly? ValidUntil,
    ProposalStatus Status, Money Ttc, Money Deposit);

public sealed record PortalOrderRow(
    Guid Id, string Number, string CourseReference, string CourseTitle, DateOnly OrderedOn, DateOnly StartsOn,
    Domain.Orders.OrderStatus Status, Money Ttc, Money Paid);

public sealed record PortalHome(string DisplayName, bool Linked, IReadOnlyList<PortalProposalRow> Proposals, IReadOnlyList<PortalOrderRow> Orders);

/// <summary>One of the client's proposals, with what is needed to accept it online (P4, P1, P3).</summary>
public sealed record PortalProposalView(
    Proposal Proposal, Money Ttc, Money Deposit, Guid? DocumentId, string? DocumentSha256, Guid? OrderId, DateOnly Today,
    bool NewVersionRequested)
{
    public bool IsIndividual => Proposal.PayerKind == Domain.PayerKind.PrivateIndividual;

    /// <summary>P3: issued and still valid today.</summary>
    public bool CanAccept => Proposal.Status == ProposalStatus.Issued && Proposal.ValidUntil >= Today && DocumentSha256 is not null;

    /// <summary>P3: past its validity (expired, or not yet marked so by the nightly job).</summary>
    public bool IsPastValidity => Proposal.Status == ProposalStatus.Expired || (Proposal.Status == ProposalStatus.Issued && Proposal.ValidUntil < Today);
}

/// <summary>What a client account sees: the issued proposals of its own client, never a draft, never another client's.</summary>
public sealed class ClientPortalQueries(AppDbContext db, ProposalIssuer issuer, TimeProvider clock)
{
    public async Task<PortalHome> HomeAsync(AppUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.ClientId is not { } clientId) return new PortalHome(user.DisplayName, false, [], []);
        var proposals = await Issued(clientId)
            .Include(p => p.Lines)
            .AsSplitQuery()
            .ToListAsync(ct);
        var rows = proposals
            .OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Number!.ToString())
            .Select(p => new PortalProposalRow(p.Id, ProposalText.Number(p.Number), p.Course.Reference, p.Course.Title, p.IssuedOn!.Value, p.ValidUntil,
                p.Status, p.Totals.Ttc, p.Deposit.Amount))
            .ToList();
        var orders = await db.Orders.AsNoTracking().Where(o => o.ClientId == clientId).Include(o => o.Invoices).AsSplitQuery().ToListAsync(ct);
        var orderRows = orders
            .OrderByDescending(o => o.OrderedOn).ThenByDescending(o => o.ProposalNumber.ToString())
            .Select(o => new PortalOrderRow(o.Id, o.ProposalNumber.ToString(), o.Course.Reference, o.Course.Title, o.OrderedOn, o.StartsOn, o.Status, o.PriceTtc, o.ClientPaid))
            .ToList();
        return new PortalHome(user.DisplayName, true, rows, orderRows);
    }

    /// <summary>One of the client's own issued proposals (null for anything else: the caller answers 404).</summary>
    public async Task<PortalProposalView?> ProposalAsync(AppUser user, Guid proposalId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.ClientId is not { } clientId) return null;
        var proposal = await Issued(clientId)
            .Include(p => p.Lines.OrderBy(l => EF.Property<int>(l, Data.Configurations.ProposalConfiguration.Position)))
            .Include(p => p.Participants.OrderBy(x => EF.Property<int>(x, Data.Configurations.ProposalConfiguration.Position)))
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return null;
        var file = await db.StoredFiles.AsNoTracking()
            .Where(f => f.ProposalId == proposalId && f.Kind == StoredFileKind.IssuedProposal)
            .OrderByDescending(f => f.StoredAt).Select(f => new { f.Id, f.Sha256 }).FirstOrDefaultAsync(ct);
        var orderId = await db.Orders.Where(o => o.ProposalId == proposalId).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        var key = ClientPortalController.NewVersionKey(proposalId);
        var requested = await db.ProposalRequests.AnyAsync(r => EF.Property<Guid>(r, Features.ProposalRequests.RequestHandler.SubmissionKey) == key, ct);
        return new PortalProposalView(proposal, proposal.Totals.Ttc, proposal.Deposit.Amount, file?.Id, file?.Sha256, orderId, clock.Today(), requested);
    }

    /// <summary>The PDF of one of the client's own issued proposals; null for anything else (the caller answers 404).</summary>
    public async Task<(byte[] Pdf, string FileName)?> PdfAsync(AppUser user, Guid proposalId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.ClientId is not { } clientId) return null;
        if (!await Issued(clientId).AnyAsync(p => p.Id == proposalId, ct)) return null;
        return await issuer.PdfAsync(proposalId, ct);
    }

    private IQueryable<Proposal> Issued(Guid clientId) =>
        db.Proposals.AsNoTracking().Where(p => p.ClientId == clientId && p.Status != ProposalStatus.Draft && p.IssuedOn != null);
}
