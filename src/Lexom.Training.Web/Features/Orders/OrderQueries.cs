using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Orders;

/// <summary>A stored file as a list shows it (never its bytes).</summary>
public sealed record FileRow(Guid Id, StoredFileKind Kind, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset StoredAt);

/// <summary>An order's page, for the staff and for its client: the domain's decisions, not recomputed.</summary>
public sealed record OrderView(
    Order Order, Client Client, string? SalesPerson, IReadOnlyList<FileRow> Files, IReadOnlyList<string> Missing,
    WithdrawalDecision Withdrawal, ConvocationDecision Convocation, DateOnly Today)
{
    public bool IsIndividual => Order.PayerKind == PayerKind.PrivateIndividual;

    public bool IsPending => Order.Status == OrderStatus.PendingSignatureAndDeposit;

    /// <summary>The signed documents still to receive (P4, P6).</summary>
    public IReadOnlyList<SignedDocumentKind> MissingDocuments =>
        [.. Order.RequiredDocuments.Where(k => Order.SignedDocuments.All(d => d.Kind != k))];

    /// <summary>P7, LW1: « Je me rétracte » is offered while the period runs.</summary>
    public bool CanWithdraw => IsIndividual && Order.Status is OrderStatus.PendingSignatureAndDeposit or OrderStatus.Confirmed
                               && Withdrawal.HasWithdrawalRight && Withdrawal.IsWithdrawalInTime(Today);

    /// <summary>M4 (P7, LW1): whether the deposit may be recorded today.</summary>
    public bool DepositMayBeAsked => IsPending && !Order.DepositReceived && Withdrawal.MayAskPaymentOn(Today);

    /// <summary>The stored file behind a signed document's reference, when it is one.</summary>
    public FileRow? FileOf(SignedDocument document) =>
        Guid.TryParse(document?.Reference, out var id) ? Files.FirstOrDefault(f => f.Id == id) : null;
}

public sealed class OrderQueries(AppDbContext db, TimeProvider clock)
{
    /// <summary>One order; for a client account, only one of its own client (null otherwise: the caller answers 404).</summary>
    public async Task<OrderView?> ViewAsync(Guid id, Guid? onlyForClient, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Participants.OrderBy(p => EF.Property<int>(p, ProposalConfiguration.Position)))
            .Include(o => o.Invoices)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || (onlyForClient is { } clientId && order.ClientId != clientId)) return null;
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == order.ClientId, ct);
        var salesPerson = await db.Proposals.Where(p => p.Id == order.ProposalId)
            .Select(p => db.Users.Where(u => u.Id == EF.Property<Guid?>(p, ProposalConfiguration.CreatedBy)).Select(u => u.DisplayName).FirstOrDefault())
            .SingleOrDefaultAsync(ct);
        var files = await FilesQuery(f => f.OrderId == order.Id || (f.ProposalId == order.ProposalId && f.Kind == StoredFileKind.IssuedProposal)).ToListAsync(ct);
        return new OrderView(order, client, salesPerson, files, order.MissingForConfirmation(), order.Withdrawal(), order.Convocation(), clock.Today());
    }

    /// <summary>A stored file with its bytes; for a client account, only one of its own client.</summary>
    public async Task<StoredFile?> FileAsync(Guid id, Guid? onlyForClient, CancellationToken ct)
    {
        var query = db.StoredFiles.AsNoTracking().Where(f => f.Id == id);
        if (onlyForClient is { } clientId) query = query.Where(f => f.ClientId == clientId);
        return await query.SingleOrDefaultAsync(ct);
    }

    private IQueryable<FileRow> FilesQuery(System.Linq.Expressions.Expression<Func<StoredFile, bool>> where) =>
        db.StoredFiles.AsNoTracking().Where(where).OrderBy(f => f.StoredAt)
            .Select(f => new FileRow(f.Id, f.Kind, f.FileName, f.ContentType, f.SizeBytes, f.Sha256, f.StoredAt));
}
