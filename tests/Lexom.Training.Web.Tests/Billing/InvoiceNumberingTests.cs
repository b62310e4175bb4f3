using System.Diagnostics;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.Billing;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Web.Tests.Billing;

/// <summary>LW4 for invoices across app instances: two hosts over one database share the FAC counter row.</summary>
public sealed class InvoiceNumberingTests(LexomApp app, ITestOutputHelper output) : IClassFixture<LexomApp>
{
    private const int Orders = 200;

    [Fact]
    public async Task LW4_two_app_instances_issuing_the_final_invoices_of_200_orders_at_once_number_them_FAC_2026_000001_to_000200_without_gap_or_duplicate()
    {
        // 200 trainings over, their orders closed (« Clore la formation ») on 2 March: each waits for its final invoice.
        var plans = Enumerable.Range(1, Orders).Select(i => BillingSteps.Past("numerotation@rappels.example", participants: 1 + (i % 3), clientName: "Rappels SA") with
        {
            CompletedOn = new DateOnly(2026, 3, 2),
        }).ToList();
        var orders = await BillingSteps.SeedOrdersAsync(app, plans);
        await using var second = new SecondHost(app);
        await second.InitializeAsync();

        // Every order on one of the two hosts, eight at a time across both: each issuer waits on the other's counter row lock.
        var watch = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(8);
        var results = await Task.WhenAll(orders.Select((order, i) => Task.Run(async () =>
        {
            await gate.WaitAsync();
            try
            {
                var host = i % 2 == 0 ? app : (LexomApp)second;
                await using var scope = host.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<BillingDesk>().IssueFinalInvoiceAsync(order.Id, null, CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        })));
        output.WriteLine($"{Orders} factures émises en {watch.Elapsed.TotalSeconds:0.0} s sur deux instances.");
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));

        await using var db = app.OpenDb();
        var numbers = await db.Invoices.AsNoTracking().Where(i => i.Kind == InvoiceKind.Final).Select(i => i.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, Orders).Select(i => $"FAC-2026-{i:D6}"), numbers.Select(n => n.ToString()).Order(StringComparer.Ordinal));
        Assert.Empty(DocumentNumber.GapsIn(numbers));
        Assert.Equal(Orders, (await db.DocumentCounters.SingleAsync(c => c.Kind == DocumentKind.Invoice && c.Year == 2026)).Last);
        // One invoice per order, each with its e-mail and its kept PDF.
        Assert.Equal(Orders, await db.Invoices.Where(i => i.Kind == InvoiceKind.Final).Select(i => EF.Property<Guid>(i, "OrderId")).Distinct().CountAsync());
        Assert.Equal(Orders, await db.OutboxMessages.CountAsync(m => m.Kind == InvoiceEmail.FinalKind));
        Assert.Equal(Orders, await db.StoredFiles.CountAsync(f => f.FileName.StartsWith("facture-FAC-2026-")));
    }
}
