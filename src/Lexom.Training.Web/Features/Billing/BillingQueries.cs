using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Features.Billing;

/// <summary>What the order page's « Facturation » section reads besides the order: each invoice's row version, for its payment form.</summary>
public sealed class BillingQueries(AppDbContext db)
{
    /// <summary>Invoice id → its <c>xmin</c> now (the payment form carries it back: optimistic concurrency).</summary>
    public async Task<IReadOnlyDictionary<Guid, uint>> VersionsAsync(Guid orderId, CancellationToken ct = default) =>
        await db.Invoices.AsNoTracking()
            .Where(i => EF.Property<Guid>(i, "OrderId") == orderId)
            .Select(i => new { i.Id, Version = EF.Property<uint>(i, OrderConfiguration.Version) })
            .ToDictionaryAsync(i => i.Id, i => i.Version, ct);

    public static async Task<Guid?> OrderOfInvoiceAsync(AppDbContext db, Guid invoiceId, CancellationToken ct) =>
        await db.Invoices.AsNoTracking().Where(i => i.Id == invoiceId).Select(i => (Guid?)EF.Property<Guid>(i, "OrderId")).SingleOrDefaultAsync(ct);
}
