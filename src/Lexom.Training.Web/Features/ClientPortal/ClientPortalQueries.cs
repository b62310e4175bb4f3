using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.ClientPortal;

public sealed record PortalProposalRow(
    Guid Id, string Number, string CourseReference, string CourseTitle, DateOnly IssuedOn, DateOnly? ValidUntil,
    ProposalStatus Status, Money Ttc, Money Deposit);

public sealed record PortalHome(string DisplayName, bool Linked, IReadOnlyList<PortalProposalRow> Proposals);

/// <summary>What a client account sees: the issued proposals of its own client, never a draft, never another client's.</summary>
public sealed class ClientPortalQueries(AppDbContext db, ProposalIssuer issuer)
{
    public async Task<PortalHome> HomeAsync(AppUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.ClientId is not { } clientId) return new PortalHome(user.DisplayName, false, []);
        var proposals = await Issued(clientId)
            .Include(p => p.Lines)
            .AsSplitQuery()
            .ToListAsync(ct);
        var rows = proposals
            .OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Number!.ToString())
            .Select(p => new PortalProposalRow(p.Id, ProposalText.Number(p.Number), p.Course.Reference, p.Course.Title, p.IssuedOn!.Value, p.ValidUntil,
                p.Status, p.Totals.Ttc, p.Deposit.Amount))
            .ToList();
        return new PortalHome(user.DisplayName, true, rows);
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
