using System.Globalization;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Proposals;
using Lexom.Training.Domain.Values;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Features.Proposals;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.OrderChanges;

/// <summary>How far a seeded order got before the change.</summary>
internal enum Stage
{
    /// <summary>Accepted, nothing signed nor paid (C1 not met).</summary>
    Pending,

    /// <summary>The signed proposal and CGV are in, not the deposit (C3).</summary>
    SignedWithoutDeposit,

    /// <summary>Signed and the whole deposit paid: confirmed (C1).</summary>
    Confirmed,
}

internal sealed record SeededOrder(Guid Id, string Number, string Email, Guid ClientId);

/// <summary>
/// The orders the change tests start from, written straight to the database through the domain (worked example 1:
/// RCL-RCL-02, INTER, 3 participants at 1 190,00 € HT, 4 284,00 € TTC, deposit 1 285,20 €). Shared with the browser tests.
/// </summary>
internal static class OrderSeeds
{
    // The shadow properties of the mapping (ProposalConfiguration, OrderConfiguration), by name: the browser tests link this
    // file and do not see the web project's internals.
    private const string CourseReference = "CourseReference";
    private const string Position = "Position";

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int _clients;

    /// <summary>An order of worked example 1 for a new company client, at the stage asked, with its numbers taken from the counters (LW4).</summary>
    public static async Task<SeededOrder> OrderAsync(LexomApp app, DateOnly startsOn, DateOnly? endsOn = null, DateOnly? orderedOn = null,
        TrainingKind kind = TrainingKind.Inter, Stage stage = Stage.Confirmed, decimal? partialDeposit = null, decimal preparationCost = 0m,
        (decimal Agreed, decimal IndemnityCoverage)? opco = null)
    {
        var ordered = orderedOn ?? D("2026-02-02");
        var n = Interlocked.Increment(ref _clients);
        var email = $"contact-{n}-{Guid.NewGuid():N}"[..24] + "@client.example";
        await using var db = app.OpenDb();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var numbering = new DocumentNumbering(db);
        var client = Client.Company(Guid.NewGuid(), $"Client {n} des changements SARL", Siret(n), null, "Marie-Christine Dupont", email, null,
            new PostalAddress("1245 route départementale 579", null, "07150", "Vallon-Pont-d'Arc"), app.Clock.GetUtcNow());
        db.Clients.Add(client);

        var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Reference == "RCL-RCL-02");
        var proposal = Proposal.Draft(Guid.NewGuid(), PayerKind.Company, SalesChannel.Staff, kind, ProposalDrafts.Snapshot(course), Percentage.Of(30m), ordered, client.Id);
        foreach (var name in new[] { "Marie-Christine Dupont", "Jean-Baptiste Fontaine", "Lucie Martin" }) proposal.AddParticipant(Guid.NewGuid(), name);
        proposal.AddLine(Guid.NewGuid(), "Formation RCL-RCL-02, par participant", 3, Money.Euros(1190m));
        proposal.AddSession(startsOn, endsOn ?? startsOn.AddDays(1));
        proposal.SetPlace(kind == TrainingKind.Intra ? "Dans les locaux du client, Vallon-Pont-d'Arc" : "LEXOM, salle Tanargue, Aubenas (07)");
        proposal.SetBillingAddress(client.BillingAddress.ToString());
        if (preparationCost > 0) proposal.SetPreparationCost(Money.Euros(preparationCost));
        db.Proposals.Add(proposal);
        ProposalDrafts.KeepOrder(db, proposal);
        proposal.Issue(ordered, "CGV LEXOM 2026-01", await VatRates.TableAsync(db, CancellationToken.None), await numbering.NextAsync(DocumentKind.Proposal, ordered.Year));
        proposal.Accept(ordered);
        db.Entry(proposal).Property<string>(CourseReference).CurrentValue = course.Reference;

        var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, ordered);
        if (stage is Stage.SignedWithoutDeposit or Stage.Confirmed)
        {
            foreach (var document in order.RequiredDocuments) order.RecordSignedDocument(document, ordered, "scan signé");
        }

        var paid = stage == Stage.Confirmed ? order.DepositAmount.Amount : partialDeposit;
        if (paid is { } amount)
        {
            order.RecordDeposit(Guid.NewGuid(), await numbering.NextAsync(DocumentKind.DepositInvoice, ordered.Year), ordered, Guid.NewGuid(),
                Money.Euros(amount), ordered, $"VIR-{n}-{Guid.NewGuid():N}"[..30], PaymentMethod.Transfer);
        }

        Assert.Equal(stage == Stage.Confirmed ? OrderStatus.Confirmed : OrderStatus.PendingSignatureAndDeposit, order.Status);
        if (opco is { } funding)
        {
            order.RecordOpcoFunding(new OpcoFunding("OPCO EP", "EP-2026-0042", Money.Euros(funding.Agreed), "accord-opco-ep.pdf", ordered, true,
                Money.Euros(funding.IndemnityCoverage)));
        }

        db.Orders.Add(order);
        db.Entry(order).Property<string>(CourseReference).CurrentValue = course.Reference;
        for (var i = 0; i < order.Participants.Count; i++)
            db.Entry(order.Participants[i]).Property<int>(Position).CurrentValue = i;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new SeededOrder(order.Id, proposal.Number!.ToString(), email, client.Id);
    }

    /// <summary>A valid SIRET (Luhn key), different for each <paramref name="n"/> and each run.</summary>
    private static string Siret(int n)
    {
        var body = $"7{Random.Shared.Next(10_000_000, 99_999_999)}{n % 10_000:0000}";
        for (var key = 0; key <= 9; key++)
        {
            if (Domain.Clients.FrenchIdentifiers.IsValidSiret(body + key)) return body + key;
        }

        throw new InvalidOperationException("Pas de clé SIRET.");
    }
}
