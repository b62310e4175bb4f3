using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Data.Configurations;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lexom.Training.Web.Tests.Opco;

/// <summary>
/// Orders written straight to the database for the OPCO and late-payment tests: worked example 1 (RCL-RCL-02,
/// 3 participants at 1 190,00 € HT, 4 284,00 € TTC, deposit 1 285,20 €) for a new client, brought to the state a test
/// needs through the domain's own verbs, every document numbered through <see cref="DocumentNumbering"/> (so the
/// numbers the pages take next follow on).
/// </summary>
internal static class MoneySeeds
{
    public sealed record Seeded(Guid OrderId, Guid ClientId, Guid ProposalId, string Number, string Email);

    /// <summary>The numbers of the seed's transaction.</summary>
    public sealed class Numbers(DocumentNumbering numbering)
    {
        public Task<DocumentNumber> Next(DocumentKind kind, int year = 2026) => numbering.NextAsync(kind, year);
    }

    private static int _clients;

    public static async Task<Seeded> OrderAsync(
        LexomApp app, DateOnly orderedOn, DateOnly startsOn, DateOnly endsOn, Func<Order, Numbers, Task>? then = null,
        PayerKind payer = PayerKind.Company, string? clientName = null)
    {
        var n = Interlocked.Increment(ref _clients);
        var email = $"compta{n}.{Guid.NewGuid().ToString("N")[..8]}@client.example";
        await using var db = app.OpenDb();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var numbers = new Numbers(new DocumentNumbering(db));
        var address = new PostalAddress("1245 route départementale 579", null, "07150", "Vallon-Pont-d'Arc");
        var client = payer == PayerKind.Company
            ? Client.Company(Guid.NewGuid(), clientName ?? $"Coteaux {n} SCA", Siret(n), null, "Marie-Christine Dupont", email, null, address, app.Clock.GetUtcNow())
            : Client.Individual(Guid.NewGuid(), clientName ?? $"Jeanne Particulière {n}", email, null, address, app.Clock.GetUtcNow());
        db.Clients.Add(client);

        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Reference == "RCL-RCL-02");
        var proposal = Proposal.Draft(Guid.NewGuid(), payer, SalesChannel.Staff, TrainingKind.Inter, ProposalDrafts.Snapshot(course), Percentage.Of(30m), orderedOn, client.Id);
        foreach (var name in new[] { "Lucie Martin", "Paul Durand", "Inès Roux" }) proposal.AddParticipant(Guid.NewGuid(), name);
        proposal.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", 3, Money.Euros(1190m));
        proposal.AddSession(startsOn, endsOn);
        proposal.SetPlace("LEXOM, salle Tanargue, Aubenas (07)");
        proposal.SetBillingAddress(client.BillingAddress.ToString());
        db.Proposals.Add(proposal);
        db.Entry(proposal).Property<string>(ProposalConfiguration.CourseReference).CurrentValue = course.Reference;
        ProposalDrafts.KeepOrder(db, proposal);
        proposal.Issue(orderedOn, "CGV LEXOM 2026-01", await VatRates.TableAsync(db, CancellationToken.None), await numbers.Next(DocumentKind.Proposal, orderedOn.Year));
        proposal.Accept(orderedOn);

        var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, orderedOn);
        if (then is not null) await then(order, numbers);
        db.Orders.Add(order);
        db.Entry(order).Property<string>(OrderConfiguration.CourseReference).CurrentValue = course.Reference;
        for (var i = 0; i < order.Participants.Count; i++)
            db.Entry(order.Participants[i]).Property<int>(ProposalConfiguration.Position).CurrentValue = i;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new Seeded(order.Id, client.Id, proposal.Id, proposal.Number!.ToString(), email);
    }

    /// <summary>C1: the signed documents and the 1 285,20 € deposit (ACP) on the first day a payment may be asked.</summary>
    public static async Task ConfirmAsync(Order order, Numbers numbers)
    {
        foreach (var kind in order.RequiredDocuments) order.RecordSignedDocument(kind, order.OrderedOn, "signé.pdf");
        var day = order.Withdrawal().PaymentsMayBeAskedFrom ?? order.OrderedOn;
        order.RecordDeposit(Guid.NewGuid(), await numbers.Next(DocumentKind.DepositInvoice, day.Year), day, Guid.NewGuid(), order.DepositAmount, day,
            $"VIR ACOMPTE {Guid.NewGuid():N}", PaymentMethod.Transfer);
    }

    /// <summary>Confirmed, completed on its last day, the final invoice (FAC) issued on <paramref name="finalOn"/> (its due date, M5).</summary>
    public static async Task<Invoice> CompleteWithFinalInvoiceAsync(Order order, Numbers numbers, DateOnly finalOn)
    {
        if (!order.IsContractConcluded) await ConfirmAsync(order, numbers);
        order.Complete(order.EndsOn);
        return order.IssueFinalInvoice(Guid.NewGuid(), await numbers.Next(DocumentKind.Invoice, finalOn.Year), finalOn);
    }

    /// <summary>OPCO funding as the staff record it (the file reference is any text here).</summary>
    public static OpcoFunding Akto(decimal amount, DateOnly recordedOn, bool subrogation = true, decimal indemnityCoverage = 0m) =>
        new("AKTO", "AK-2026-0042", Money.Euros(amount), "accord-akto.pdf", recordedOn, subrogation, Money.Euros(indemnityCoverage));

    /// <summary>Records a payment on an invoice straight in the database (the billing pages are another slice's).</summary>
    public static async Task PayAsync(LexomApp app, Guid orderId, Func<Order, Invoice> which, decimal amount, DateOnly receivedOn)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var order = (await Features.Orders.OrderDesk.LoadAsync(db, orderId, CancellationToken.None))!;
        order.RecordPayment(which(order).Id, Guid.NewGuid(), Money.Euros(amount), receivedOn, $"VIR {Guid.NewGuid():N}");
        await db.SaveChangesAsync();
    }

    public static async Task<Order> LoadAsync(LexomApp app, Guid orderId)
    {
        await using var db = app.OpenDb();
        return (await db.Orders.AsNoTracking().Include(o => o.Invoices).Include(o => o.Participants).AsSplitQuery().SingleAsync(o => o.Id == orderId));
    }

    /// <summary>A valid SIRET (Luhn) per seeded client.</summary>
    private static string Siret(int n)
    {
        var body = "7328293" + (n % 10_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        for (var check = 0; check < 10; check++)
        {
            var candidate = body + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (FrenchIdentifiers.IsValidSiret(candidate)) return candidate;
        }
        throw new InvalidOperationException("Pas de SIRET valide.");
    }

    /// <summary>A time of day in Paris, as the fake clock's UTC instant.</summary>
    public static DateTimeOffset Paris(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), FrenchCulture.Paris), TimeSpan.Zero);

    public static async Task<LexomApp> StartAsync()
    {
        var app = new LexomApp();
        await app.InitializeAsync();
        return app;
    }
}
