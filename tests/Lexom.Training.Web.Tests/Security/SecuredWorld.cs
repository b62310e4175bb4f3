using System.Net;
using System.Text.RegularExpressions;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Billing;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Lexom.Training.Web.Tests.Proposals;
using Lexom.Training.Web.Tests.Sessions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lexom.Training.Web.Tests.Security;

/// <summary>The six callers of the access matrix (issue 9, item 1).</summary>
public enum Caller
{
    Anonymous,
    ClientA,
    ClientB,
    Trainer,
    Sales,
    Admin,
}

/// <summary>What one client owns: a proposal accepted online into an order, its deposit invoice, its files, its request.</summary>
public sealed record ClientRecords(Guid ClientId, Guid RequestId, Guid ProposalId, Guid OrderId, Guid InvoiceId, Guid FileId, Guid OpenProposalId);

/// <summary>
/// The app with two clients (A and B) who each have an online-accepted order with a deposit invoice and its PDFs, and
/// an issued proposal still open, a trainer with a session of theirs and another session without them, a sales
/// person and an administrator, each signed in through the login page.
/// </summary>
public sealed partial class SecuredWorld : LexomApp
{
    public ClientRecords A { get; private set; } = null!;
    public ClientRecords B { get; private set; } = null!;
    public Guid TrainerSessionId { get; private set; }
    public Guid OtherSessionId { get; private set; }
    public Guid OutboxMessageId { get; private set; }
    public Guid DomainId { get; private set; }

    private readonly Dictionary<Caller, TestClient> _callers = [];

    public TestClient As(Caller caller) => _callers[caller];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var sales = await SignedInAsync(Roles.Sales);
        _callers[Caller.Sales] = sales;
        _callers[Caller.Admin] = await SignedInAsync(Roles.Admin);
        _callers[Caller.Anonymous] = NewClient();

        (A, _callers[Caller.ClientA]) = await ClientWithOrderAsync(sales, "client.a@exemple.test");
        (B, _callers[Caller.ClientB]) = await ClientWithOrderAsync(sales, "client.b@exemple.test");

        var trainer = await SessionSteps.TrainerAsync(this, "formateur.matrice@exemple.test");
        TrainerSessionId = await SessionSteps.PlannedAsync(sales, SessionSteps.Start, SessionSteps.End, trainer.Id);
        OtherSessionId = await SessionSteps.PlannedAsync(sales, SessionSteps.Start.AddDays(7), SessionSteps.End.AddDays(7));
        var trainerClient = NewClient();
        await trainerClient.LoginAsync(trainer.Email, trainer.Password);
        _callers[Caller.Trainer] = trainerClient;

        await using var db = OpenDb();
        // The issued proposal's e-mail: it has an attachment (/pieces/0).
        OutboxMessageId = await db.OutboxMessages.Where(m => m.Kind == Lexom.Training.Web.Email.Templates.ProposalIssuedEmail.Kind).OrderBy(m => m.CreatedAt).Select(m => m.Id).FirstAsync();
        DomainId = await db.CatalogDomains.Select(d => d.Id).FirstAsync();
    }

    private async Task<(ClientRecords, TestClient)> ClientWithOrderAsync(TestClient sales, string email)
    {
        var siret = BillingSteps.NewSiret();
        var requestId = await ProposalSteps.RequestAsync(this, 3, "Marie-Christine Dupont\nJean-Baptiste Fontaine", email, siret);
        var proposalId = await OrderSteps.IssueFromRequestAsync(sales, requestId);
        var client = await OrderSteps.ClientSignedInAsync(this, email);
        Guid orderId;
        using (var accepted = await OrderSteps.AcceptOnlineAsync(this, client, proposalId))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            orderId = OrderSteps.IdFrom(accepted);
        }
        using (var deposit = await OrderSteps.RecordDepositAsync(sales, orderId, "1", "VIR-" + siret))
            Assert.True(deposit.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
        var open = await OrderSteps.IssueFromRequestAsync(sales, await ProposalSteps.RequestAsync(this, 2, "Paul Martin", email, siret));

        await using var db = OpenDb();
        var clientId = await db.Clients.Where(c => c.Siret == siret).Select(c => c.Id).SingleAsync();
        var invoiceId = await db.Invoices.Where(i => EF.Property<Guid>(i, "OrderId") == orderId).Select(i => i.Id).FirstAsync();
        var fileId = await db.StoredFiles.Where(f => f.ClientId == clientId && f.OrderId == orderId).Select(f => f.Id).FirstAsync();
        return (new ClientRecords(clientId, requestId, proposalId, orderId, invoiceId, fileId, open), client);
    }

    /// <summary>The antiforgery token of a caller's session, read from a page it may see (the layout's logout form, or the login form).</summary>
    public async Task<string> TokenOfAsync(Caller caller)
    {
        var page = await As(caller).GetPageAsync(caller == Caller.Anonymous ? "/compte/connexion" : "/formations");
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"Pas de jeton antiforgery pour {caller}");
        return token.Groups[1].Value;
    }

    /// <summary>
    /// Every table's row count and the sum of its rows' transaction ids (<c>xmin</c>): any insert, update or delete changes it.
    /// The outbox is counted only (its dispatcher updates the rows' state in the background).
    /// </summary>
    public async Task<string> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var parts = tables.Select(t => t == "outbox_messages"
            ? $"SELECT '{t}:' || count(*) FROM \"{t}\""
            : $"SELECT '{t}:' || count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM \"{t}\"");
        await using var command = new NpgsqlCommand(string.Join(" UNION ALL ", parts), connection);
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _callers.Values) client.Dispose();
        await base.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
