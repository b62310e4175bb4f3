using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.Billing;

/// <summary>How one seeded order of RCL-RCL-02 (participants × 1 190,00 € HT, VAT 20 %) is made, written straight to the database.</summary>
internal sealed record OrderPlan(
    string ClientName, string Email, DateOnly StartsOn, DateOnly EndsOn, DateOnly OrderedOn, int Participants = 3,
    (string Name, decimal Amount)? Opco = null, bool Confirmed = true)
{
    /// <summary>« Clore la formation » done on that day (a confirmed order whose training is over).</summary>
    public DateOnly? CompletedOn { get; init; }
}

internal sealed record SeededOrder(Guid Id, string ProposalNumber, Guid ClientId, string Email);

/// <summary>The steps of the billing tests: seeded orders, the order page's forms, and reading what they produced.</summary>
internal static partial class BillingSteps
{
    /// <summary>Monday 23 – Tuesday 24 February 2026, ordered on 10 February: over on the fixtures' 2 March.</summary>
    public static readonly DateOnly PastStart = new(2026, 2, 23);
    public static readonly DateOnly PastEnd = new(2026, 2, 24);
    public static readonly DateOnly PastOrder = new(2026, 2, 10);

    /// <summary>
    /// Orders issued, accepted and (unless <see cref="OrderPlan.Confirmed"/> is false) confirmed: signed documents in and the
    /// deposit paid on the order day by transfer against its ACP invoice. An unconfirmed order has its deposit invoice issued
    /// on the order day and unpaid. Numbers come from the real counters (LW4), so the app goes on from them.
    /// </summary>
    public static async Task<List<SeededOrder>> SeedOrdersAsync(LexomApp app, IReadOnlyList<OrderPlan> plans)
    {
        await using var db = app.OpenDb();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var numbering = new DocumentNumbering(db);
        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Reference == "RCL-RCL-02");
        var vatRates = await VatRates.TableAsync(db, CancellationToken.None);
        var clients = new Dictionary<string, Client>();
        var seeded = new List<SeededOrder>();
        foreach (var plan in plans)
        {
            if (!clients.TryGetValue(plan.Email, out var client))
            {
                client = Client.Company(Guid.NewGuid(), plan.ClientName, NewSiret(), null, "Camille Martin", plan.Email, null,
                    new PostalAddress("1 rue de l'Exemple", null, "07200", "Aubenas"), app.Clock.GetUtcNow());
                db.Clients.Add(client);
                clients[plan.Email] = client;
            }

            var proposal = Proposal.Draft(Guid.NewGuid(), PayerKind.Company, SalesChannel.Staff, TrainingKind.Inter, ProposalDrafts.Snapshot(course),
                Percentage.Of(30m), plan.OrderedOn, client.Id);
            for (var i = 0; i < plan.Participants; i++) proposal.AddParticipant(Guid.NewGuid(), $"Participant {i + 1}");
            proposal.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", plan.Participants, Money.Euros(1190m));
            proposal.AddSession(plan.StartsOn, plan.EndsOn);
            proposal.SetPlace("LEXOM, Aubenas");
            proposal.SetBillingAddress(client.BillingAddress.ToString());
            proposal.Issue(plan.OrderedOn, "CGV LEXOM 2026-01", vatRates, await numbering.NextAsync(DocumentKind.Proposal, plan.OrderedOn.Year));
            proposal.Accept(plan.OrderedOn);
            db.Proposals.Add(proposal);
            db.Entry(proposal).Property<string>(ProposalConfiguration.CourseReference).CurrentValue = course.Reference;
            ProposalDrafts.KeepOrder(db, proposal);

            var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, plan.OrderedOn);
            if (plan.Opco is { } opco)
                order.RecordOpcoFunding(new OpcoFunding(opco.Name, "ACC-2026-0042", Money.Euros(opco.Amount), "accord-opco.pdf", plan.OrderedOn, Subrogation: true));
            foreach (var kind in order.RequiredDocuments) order.RecordSignedDocument(kind, plan.OrderedOn, "scan");
            var deposit = await numbering.NextAsync(DocumentKind.DepositInvoice, plan.OrderedOn.Year);
            if (plan.Confirmed)
            {
                order.RecordDeposit(Guid.NewGuid(), deposit, plan.OrderedOn, Guid.NewGuid(), order.DepositAmount, plan.OrderedOn,
                    $"VIR-SEED-{deposit}", PaymentMethod.Transfer);
                Assert.Equal(OrderStatus.Confirmed, order.Status);
                if (plan.CompletedOn is { } completedOn) order.Complete(completedOn);
            }
            else
            {
                order.IssueDepositInvoice(Guid.NewGuid(), deposit, plan.OrderedOn);
            }

            db.Orders.Add(order);
            db.Entry(order).Property<string>(OrderConfiguration.CourseReference).CurrentValue = course.Reference;
            for (var i = 0; i < order.Participants.Count; i++)
                db.Entry(order.Participants[i]).Property<int>(ProposalConfiguration.Position).CurrentValue = i;
            seeded.Add(new SeededOrder(order.Id, proposal.Number!.ToString(), client.Id, plan.Email));
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return seeded;
    }

    public static async Task<SeededOrder> SeedOrderAsync(LexomApp app, OrderPlan plan) => (await SeedOrdersAsync(app, [plan]))[0];

    /// <summary>A past training (23–24 February 2026, ordered 10 February), confirmed, for a new client.</summary>
    public static OrderPlan Past(string email, int participants = 3, (string Name, decimal Amount)? opco = null, string? clientName = null) =>
        new(clientName ?? "Coteaux de l'Ardèche SCA", email, PastStart, PastEnd, PastOrder, participants, opco);

    private static int _siretSeed = Random.Shared.Next(100_000, 900_000);

    /// <summary>A SIRET that passes the Luhn key, different at each call.</summary>
    public static string NewSiret()
    {
        var body = "7" + Interlocked.Increment(ref _siretSeed).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        for (var check = 0; check <= 9; check++)
        {
            var candidate = body + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (FrenchIdentifiers.IsValidSiret(candidate)) return candidate;
        }
        throw new InvalidOperationException("Pas de clé de Luhn.");
    }

    // ------------------------------------------------------------------ the order page's forms

    public static string OrderPage(Guid orderId) => $"/gestion/commandes/{orderId}";

    public static Task<HttpResponseMessage> PostAsync(TestClient staff, Guid orderId, string action, params (string Key, string Value)[] fields) =>
        staff.PostFormAsync(OrderPage(orderId), $"/gestion/commandes/{orderId}/{action}", fields);

    public static Task<HttpResponseMessage> CloseAsync(TestClient staff, Guid orderId) => PostAsync(staff, orderId, "clore");

    public static Task<HttpResponseMessage> FinalInvoiceAsync(TestClient staff, Guid orderId) => PostAsync(staff, orderId, "facture-finale");

    public static Task<HttpResponseMessage> OpcoInvoiceAsync(TestClient staff, Guid orderId) => PostAsync(staff, orderId, "facture-opco");

    /// <summary>Posts a payment with the version the page shows now, unless <paramref name="version"/> is given (a stale form).</summary>
    public static async Task<HttpResponseMessage> PayAsync(TestClient staff, Guid orderId, Guid invoiceId, string amount, string reference,
        string receivedOn = "2026-03-02", string method = "virement", uint? version = null)
    {
        version ??= VersionOn(await staff.GetPageAsync(OrderPage(orderId)), orderId, invoiceId);
        return await PostAsync(staff, orderId, $"factures/{invoiceId}/paiement",
            ("Amount", amount), ("ReceivedOn", receivedOn), ("Method", method), ("Reference", reference), ("Version", version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static Task<HttpResponseMessage> CreditNoteAsync(TestClient staff, Guid orderId, Guid invoiceId, string reason) =>
        PostAsync(staff, orderId, $"factures/{invoiceId}/avoir", ("Reason", reason));

    /// <summary>The row version the payment form of an invoice carries on the order page.</summary>
    public static uint VersionOn(string page, Guid orderId, Guid invoiceId)
    {
        var action = $"action=\"/gestion/commandes/{orderId}/factures/{invoiceId}/paiement\"";
        var at = page.IndexOf(action, StringComparison.Ordinal);
        Assert.True(at >= 0, "Le formulaire de paiement de cette facture est absent.");
        var match = VersionPattern().Match(page, at);
        Assert.True(match.Success, "Le formulaire de paiement n'a pas de version.");
        return uint.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Follows the redirect of a billing action to the order page and returns the page (with its flash message).</summary>
    public static async Task<string> FollowAsync(TestClient staff, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} : {Excerpt(await TestClient.BodyAsync(response))}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/gestion/commandes/", location, StringComparison.Ordinal);
        Assert.EndsWith("#facturation", location, StringComparison.Ordinal);
        return await staff.GetPageAsync(location[..location.IndexOf('#', StringComparison.Ordinal)]);
    }

    /// <summary>The flash message of a page: (ok, text).</summary>
    public static (bool Ok, string Text) Flash(string page)
    {
        var match = FlashPattern().Match(page);
        Assert.True(match.Success, "Pas de message sur la page.");
        return (match.Groups[1].Value == "ok", match.Groups[2].Value);
    }

    public static string Excerpt(string body) => body.Length > 1500 ? body[..1500] : body;

    /// <summary>The section « Facturation » of the order page.</summary>
    public static string BillingSection(string page)
    {
        var start = page.IndexOf("<section id=\"facturation\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "La section Facturation est absente.");
        return page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    public static async Task<Order> OrderAsync(LexomApp app, Guid orderId)
    {
        await using var db = app.OpenDb();
        return await db.Orders.AsNoTracking().Include(o => o.Invoices).AsSplitQuery().SingleAsync(o => o.Id == orderId);
    }

    public static async Task<byte[]> StoredPdfAsync(LexomApp app, Guid orderId, string fileName)
    {
        await using var db = app.OpenDb();
        return Assert.Single(await db.StoredFiles.AsNoTracking().Where(f => f.OrderId == orderId && f.FileName == fileName).Select(f => f.Content).ToListAsync());
    }

    /// <summary>A CSV export's lines (BOM checked and removed), header first.</summary>
    public static async Task<string[]> CsvLinesAsync(TestClient staff, string url)
    {
        using var response = await staff.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("<p class=\"flash flash-(ok|error)\" role=\"(?:status|alert)\">([^<]*)</p>")]
    private static partial Regex FlashPattern();
}
