using Lexom.Training.Web.Features.Orders;
using Lexom.Training.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lexom.Training.Web.Features.Billing;

/// <summary>/gestion/factures: every invoice, deposit invoice and credit note, their PDFs, and the accountant's CSV exports.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class InvoicesController(InvoiceList list, InvoiceDocuments documents, Data.AppDbContext db) : Controller
{
    /// <summary>The view locator looks in Features/{controller name}: this controller's view is named in full.</summary>
    private const string IndexView = "/Features/Billing/Index.cshtml";

    [HttpGet("/gestion/factures")]
    public async Task<IActionResult> Index([FromQuery] InvoiceFilter filter, CancellationToken ct)
    {
        ClearBindingErrors(filter);
        return View(IndexView, await list.ListAsync(filter, ct));
    }

    /// <summary>The sales (VT) and bank (BQ) journal entries of the period.</summary>
    [HttpGet("/gestion/factures/export-ecritures.csv")]
    public async Task<IActionResult> Entries([FromQuery] InvoiceFilter filter, CancellationToken ct)
    {
        ClearBindingErrors(filter);
        return File(await list.EntriesCsvAsync(filter, ct), "text/csv; charset=utf-8", "ecritures-comptables.csv");
    }

    /// <summary>The payments received (and refunds paid) in the period.</summary>
    [HttpGet("/gestion/factures/export-paiements.csv")]
    public async Task<IActionResult> Payments([FromQuery] InvoiceFilter filter, CancellationToken ct)
    {
        ClearBindingErrors(filter);
        return File(await list.PaymentsCsvAsync(filter, ct), "text/csv; charset=utf-8", "paiements.csv");
    }

    /// <summary>A document's PDF as issued and kept; rendered from the order when no copy was kept (documents recorded before the PDFs were).</summary>
    [HttpGet("/gestion/factures/{id:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid id, CancellationToken ct)
    {
        if (await list.IssuedPdfAsync(id, ct) is { } file) return StoredFileResult.For(this, file);
        var orderId = await BillingQueries.OrderOfInvoiceAsync(db, id, ct);
        if (orderId is null) return NotFound();
        var order = (await OrderDesk.LoadAsync(db, orderId.Value, ct))!;
        var invoice = order.Invoices.Single(i => i.Id == id);
        Response.Headers.CacheControl = "private, no-store";
        return File(await documents.RenderAsync(order, invoice, ct), "application/pdf", $"{InvoiceDocuments.FilePrefix(invoice)}-{invoice.Number}.pdf");
    }

    /// <summary>A filter that does not parse (a date typed by hand) is ignored, not an error page.</summary>
    private void ClearBindingErrors(InvoiceFilter filter)
    {
        if (!ModelState.IsValid) ModelState.Clear();
        filter.Page = Math.Max(1, filter.Page);
    }
}
