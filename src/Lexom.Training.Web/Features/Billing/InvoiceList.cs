using System.Globalization;
using System.Text;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lexom.Training.Web.Features.Billing;

/// <summary>The filters of /gestion/factures, as typed in the query string; the exports use the period only.</summary>
public sealed class InvoiceFilter
{
    /// <summary>A key of <see cref="BillingText.KindKeys"/>.</summary>
    public string? Type { get; set; }

    /// <summary>A key of <see cref="BillingText.StateKeys"/>.</summary>
    public string? Etat { get; set; }

    /// <summary>The client's name (or the OPCO's, for its invoices).</summary>
    public string? Client { get; set; }

    /// <summary>The document's number or the order's (proposal) number.</summary>
    public string? Q { get; set; }

    /// <summary>Issued from… (payments: received from…).</summary>
    public DateOnly? Du { get; set; }

    /// <summary>…to, inclusive.</summary>
    public DateOnly? Au { get; set; }

    public int Page { get; set; } = 1;

    public string Query(int? page = null) => new ListQuery()
        .Add("type", Type)
        .Add("etat", Etat)
        .Add("client", Client)
        .Add("q", Q)
        .Add("du", Du)
        .Add("au", Au)
        .Build(page);

    /// <summary>The period alone, for the accounting exports.</summary>
    public string PeriodQuery() => new InvoiceFilter { Du = Du, Au = Au }.Query();
}

/// <summary>An invoice, deposit invoice or credit note as the list shows it, with where it stands today.</summary>
public sealed record InvoiceRow(
    Guid Id, DocumentNumber Number, InvoiceKind Kind, InvoicePayer Payer, DateOnly IssuedOn, DateOnly DueOn,
    Money Ht, Money Vat, Money Ttc, Money Paid, Money Credited, Guid OrderId, string ProposalNumber, string ClientName, string? OpcoName,
    string? CorrectedNumber, DateOnly Today)
{
    public bool IsCreditNote => Kind == InvoiceKind.CreditNote;

    public Money AmountDue => IsCreditNote ? Money.Zero : (Ttc - Paid - Credited).MinusFloorZero(Money.Zero);

    public InvoiceState State => BillingText.StateOf(IsCreditNote, Ttc, Paid, Credited, DueOn, Today);

    /// <summary>L1: days since the due date while something remains due (late from the day after it); 0 otherwise.</summary>
    public int DaysLate => State == InvoiceState.Overdue ? Today.DayNumber - DueOn.DayNumber : 0;

    /// <summary>Who the document is addressed to: the client, or the OPCO for the client under subrogation (O2).</summary>
    public string AddressedTo => Payer == InvoicePayer.Opco && OpcoName is not null ? $"{OpcoName} (pour {ClientName})" : ClientName;
}

public sealed record InvoiceListPage(
    InvoiceFilter Filter, IReadOnlyList<InvoiceRow> Rows, int Total, int Page, int Pages, Money TotalDue, Money TotalOverdue, DateOnly Today);

/// <summary>A payment (or a refund, negative) for the exports.</summary>
public sealed record PaymentRow(
    DateOnly ReceivedOn, Money Amount, PaymentMethod? Method, string Reference, string? InvoiceNumber, InvoiceKind? InvoiceKind, InvoicePayer? Payer,
    string ClientName, string? OpcoName, string ProposalNumber)
{
    public bool IsRefund => InvoiceNumber is null;
}

/// <summary>
/// The read side of /gestion/factures: every invoice, deposit invoice and credit note with what was paid and what remains
/// due, and the accountant's CSV exports (<see cref="AccountingEntries"/>). Two SQL statements per page, the totals and the
/// rows: what was paid is the invoice's own column (<see cref="Invoice.Paid"/>, kept with each payment), the filters and the
/// paging applied in PostgreSQL.
/// </summary>
public sealed class InvoiceList(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;
    private const int MaxExportRows = 50_000;

    // Every invoice has its order (a required foreign key): LEFT JOIN says the same and lets PostgreSQL drop the joins a
    // statement does not read (the totals without a client or number filter read the invoices alone).
    private const string Documents = """
        SELECT i.id, i.number, i.kind, i.payer, i.issued_on, i.due_on, i.ht, i.vat, i.ttc, i.credited,
               i.paid, o.id AS order_id, o.proposal_number, COALESCE(c.name, '') AS client_name, o.opco_name,
               ci.number AS corrected_number
        FROM invoices i
        LEFT JOIN orders o ON o.id = i.order_id
        LEFT JOIN clients c ON c.id = o.client_id
        LEFT JOIN invoices ci ON ci.id = i.credits_invoice_id
        """;

    public async Task<InvoiceListPage> ListAsync(InvoiceFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = clock.Today();
        var (where, parameters) = Where(filter, today, periodOnly: false);
        var totalsSql = $"""
            WITH docs AS ({Documents})
            SELECT COUNT(*)::int AS count,
                   COALESCE(SUM(CASE WHEN kind <> 'CreditNote' AND ttc - paid - credited > 0 THEN ttc - paid - credited END), 0) AS due,
                   COALESCE(SUM(CASE WHEN kind <> 'CreditNote' AND ttc - paid - credited > 0 AND due_on < @today THEN ttc - paid - credited END), 0) AS overdue
            FROM docs {where}
            """;
        var totals = (await db.Database.SqlQueryRaw<TotalsSql>(totalsSql, [.. Clone(parameters), new NpgsqlParameter("today", today)]).ToListAsync(ct)).Single();
        var pages = Math.Max(1, (totals.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await RowsAsync(where, parameters, (page - 1) * PageSize, PageSize, today, ct);
        return new InvoiceListPage(filter, rows, totals.Count, page, pages, Money.Euros(totals.Due), Money.Euros(totals.Overdue), today);
    }

    /// <summary>The documents issued in the filter's period (all kinds, all clients), oldest first, for the accounting export.</summary>
    public async Task<IReadOnlyList<InvoiceRow>> DocumentsAsync(InvoiceFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = clock.Today();
        var (where, parameters) = Where(filter, today, periodOnly: true);
        return await RowsAsync(where, parameters, 0, MaxExportRows, today, ct, oldestFirst: true);
    }

    /// <summary>The payments received and the refunds paid in the filter's period, oldest first.</summary>
    public async Task<IReadOnlyList<PaymentRow>> PaymentsAsync(InvoiceFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new List<NpgsqlParameter>();
        var payments = new List<string>();
        var refunds = new List<string>();
        if (filter.Du is { } from)
        {
            parameters.Add(new NpgsqlParameter("du", from));
            payments.Add("pm.received_on >= @du");
            refunds.Add("r.paid_on >= @du");
        }
        if (filter.Au is { } to)
        {
            parameters.Add(new NpgsqlParameter("au", to));
            payments.Add("pm.received_on <= @au");
            refunds.Add("r.paid_on <= @au");
        }
        string Where(List<string> conditions) => conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        var sql = $"""
            SELECT pm.received_on AS day, pm.amount, pm.method, pm.reference, i.number AS invoice_number, i.kind, i.payer,
                   COALESCE(c.name, '') AS client_name, o.opco_name, o.proposal_number
            FROM payments pm
            JOIN invoices i ON i.id = pm.invoice_id
            JOIN orders o ON o.id = i.order_id
            LEFT JOIN clients c ON c.id = o.client_id
            {Where(payments)}
            UNION ALL
            SELECT r.paid_on, -r.amount, NULL, r.reference, NULL, NULL, NULL, COALESCE(c.name, ''), o.opco_name, o.proposal_number
            FROM order_refunds r
            JOIN orders o ON o.id = r.order_id
            LEFT JOIN clients c ON c.id = o.client_id
            {Where(refunds)}
            ORDER BY 1, 5 NULLS LAST, 4
            LIMIT {MaxExportRows}
            """;
        var rows = await db.Database.SqlQueryRaw<PaymentSql>(sql, [.. parameters]).ToListAsync(ct);
        return rows.Select(r => new PaymentRow(r.Day, Money.Euros(r.Amount), r.Method is null ? null : Enum.Parse<PaymentMethod>(r.Method), r.Reference,
            r.InvoiceNumber, r.Kind is null ? null : Enum.Parse<InvoiceKind>(r.Kind), r.Payer is null ? null : Enum.Parse<InvoicePayer>(r.Payer),
            r.ClientName, r.OpcoName, r.ProposalNumber)).ToList();
    }

    /// <summary>
    /// The sales (VT) and bank (BQ) journal entries of the period: Date;Journal;Compte;Libellé;Débit;Crédit;Pièce, for an
    /// accounting import (see docs/operations.md). UTF-8 with a BOM, ';', decimal commas (<see cref="Csv"/>).
    /// </summary>
    public async Task<byte[]> EntriesCsvAsync(InvoiceFilter filter, CancellationToken ct)
    {
        var lines = AccountingEntries.For(await DocumentsAsync(filter, ct), await PaymentsAsync(filter, ct));
        var csv = new StringBuilder();
        csv.Append("Date;Journal;Compte;Libellé;Débit;Crédit;Pièce").Append(Csv.LineEnd);
        foreach (var l in lines)
        {
            csv.AppendJoin(Csv.Separator, Csv.Date(l.Date), l.Journal, l.Account, Csv.Field(l.Label), Csv.Amount(l.Debit), Csv.Amount(l.Credit), Csv.Field(l.Piece));
            csv.Append(Csv.LineEnd);
        }
        return Csv.Utf8WithBom(csv.ToString());
    }

    /// <summary>Every payment received (and refund paid, as a negative amount) in the period, one per line.</summary>
    public async Task<byte[]> PaymentsCsvAsync(InvoiceFilter filter, CancellationToken ct)
    {
        var csv = new StringBuilder();
        csv.Append("Date;Montant;Moyen de paiement;Référence bancaire;Pièce;Type de pièce;Payeur;Client;Commande").Append(Csv.LineEnd);
        foreach (var p in await PaymentsAsync(filter, ct))
        {
            csv.AppendJoin(Csv.Separator,
                Csv.Date(p.ReceivedOn), Csv.Amount(p.Amount), p.IsRefund ? "remboursement" : Csv.Field(Payment.MethodText(p.Method!.Value)), Csv.Field(p.Reference),
                Csv.Field(p.InvoiceNumber ?? ""), Csv.Field(p.IsRefund ? "Remboursement au client" : BillingText.Kind(p.InvoiceKind!.Value, p.Payer!.Value)),
                Csv.Field(p.Payer == InvoicePayer.Opco ? p.OpcoName : p.ClientName), Csv.Field(p.ClientName), Csv.Field(p.ProposalNumber));
            csv.Append(Csv.LineEnd);
        }
        return Csv.Utf8WithBom(csv.ToString());
    }

    /// <summary>The stored PDF of a document as it was issued (the first copy, before any payment), if kept.</summary>
    public async Task<StoredFile?> IssuedPdfAsync(Guid invoiceId, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Where(i => i.Id == invoiceId)
            .Select(i => new { i.Kind, i.Number, OrderId = EF.Property<Guid>(i, "OrderId") }).SingleOrDefaultAsync(ct);
        if (invoice is null) return null;
        var name = $"{(invoice.Kind == InvoiceKind.CreditNote ? "avoir" : "facture")}-{invoice.Number}.pdf";
        return await db.StoredFiles.AsNoTracking()
            .Where(f => f.OrderId == invoice.OrderId && f.Kind == StoredFileKind.Invoice && f.FileName == name)
            .OrderBy(f => f.StoredAt).FirstOrDefaultAsync(ct);
    }

    private async Task<List<InvoiceRow>> RowsAsync(string where, IReadOnlyList<NpgsqlParameter> parameters, int skip, int take, DateOnly today, CancellationToken ct,
        bool oldestFirst = false)
    {
        var order = oldestFirst ? "issued_on, number" : "issued_on DESC, number DESC";
        var sql = $"""
            WITH docs AS ({Documents})
            SELECT id, number, kind, payer, issued_on, due_on, ht, vat, ttc, paid, credited, order_id, proposal_number, client_name, opco_name,
                   corrected_number
            FROM docs {where}
            ORDER BY {order}
            LIMIT @take OFFSET @skip
            """;
        var rows = await db.Database.SqlQueryRaw<RowSql>(sql, [.. Clone(parameters), new NpgsqlParameter("take", take), new NpgsqlParameter("skip", skip)]).ToListAsync(ct);
        return rows.Select(r => new InvoiceRow(r.Id, DocumentNumber.Parse(r.Number), Enum.Parse<InvoiceKind>(r.Kind), Enum.Parse<InvoicePayer>(r.Payer),
            r.IssuedOn, r.DueOn, Money.Euros(r.Ht), Money.Euros(r.Vat), Money.Euros(r.Ttc), Money.Euros(r.Paid), Money.Euros(r.Credited),
            r.OrderId, r.ProposalNumber, r.ClientName, r.OpcoName, r.CorrectedNumber, today)).ToList();
    }

    /// <summary>The WHERE clause over the <c>docs</c> columns, and its parameters (never the typed text in the SQL).</summary>
    private static (string Where, IReadOnlyList<NpgsqlParameter> Parameters) Where(InvoiceFilter f, DateOnly today, bool periodOnly)
    {
        var conditions = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        if (!periodOnly)
        {
            if (BillingText.KindOf(f.Type) is { } kind)
            {
                conditions.Add("number LIKE @prefix");
                parameters.Add(new NpgsqlParameter("prefix", DocumentNumber.PrefixOf(kind) + "-%"));
            }
            if (BillingText.StateOf(f.Etat) is { } state)
            {
                conditions.Add(state switch
                {
                    InvoiceState.CancelledByCreditNote => "kind <> 'CreditNote' AND credited > 0",
                    InvoiceState.Settled => "kind <> 'CreditNote' AND credited = 0 AND ttc - paid <= 0",
                    InvoiceState.Overdue => "kind <> 'CreditNote' AND credited = 0 AND ttc - paid > 0 AND due_on < @stateday",
                    _ => "kind <> 'CreditNote' AND credited = 0 AND ttc - paid > 0 AND due_on >= @stateday",
                });
                if (state is InvoiceState.Overdue or InvoiceState.ToPay) parameters.Add(new NpgsqlParameter("stateday", today));
            }
            if (!string.IsNullOrWhiteSpace(f.Client))
            {
                // The orders of the matching clients (trigram index on their names) or OPCOs, then their invoices: not the
                // name of every invoice's client compared (1.5 s on 300 000 invoices, 0.27 s this way).
                conditions.Add("""
                    order_id IN (SELECT o2.id FROM orders o2
                                 WHERE o2.client_id IN (SELECT c2.id FROM clients c2 WHERE c2.name ILIKE @client ESCAPE '\')
                                    OR o2.opco_name ILIKE @client ESCAPE '\')
                    """);
                parameters.Add(new NpgsqlParameter("client", Contains(f.Client)));
            }
            if (!string.IsNullOrWhiteSpace(f.Q))
            {
                conditions.Add("(number ILIKE @q ESCAPE '\\' OR proposal_number ILIKE @q ESCAPE '\\')");
                parameters.Add(new NpgsqlParameter("q", Contains(f.Q)));
            }
        }
        if (f.Du is { } from)
        {
            conditions.Add("issued_on >= @du");
            parameters.Add(new NpgsqlParameter("du", from));
        }
        if (f.Au is { } to)
        {
            conditions.Add("issued_on <= @au");
            parameters.Add(new NpgsqlParameter("au", to));
        }
        return (conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions), parameters);
    }

    /// <summary>A parameter belongs to one command: each query gets its own copies.</summary>
    private static IEnumerable<NpgsqlParameter> Clone(IReadOnlyList<NpgsqlParameter> parameters) =>
        parameters.Select(p => new NpgsqlParameter(p.ParameterName, p.Value));

    /// <summary>An ILIKE pattern that finds the text anywhere, its own % and _ taken literally.</summary>
    private static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    // The rows of the raw SQL: their columns are named as the model's snake_case convention maps these properties.
    private sealed record TotalsSql(int Count, decimal Due, decimal Overdue);

    private sealed record RowSql(
        Guid Id, string Number, string Kind, string Payer, DateOnly IssuedOn, DateOnly DueOn, decimal Ht, decimal Vat, decimal Ttc, decimal Paid,
        decimal Credited, Guid OrderId, string ProposalNumber, string ClientName, string? OpcoName, string? CorrectedNumber);

    private sealed record PaymentSql(
        DateOnly Day, decimal Amount, string? Method, string Reference, string? InvoiceNumber, string? Kind, string? Payer, string ClientName,
        string? OpcoName, string ProposalNumber);
}
