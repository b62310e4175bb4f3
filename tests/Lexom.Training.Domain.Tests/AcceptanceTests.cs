using Lexom.Training.Domain.Orders;
using Lexom.Training.Domain.Rules;
using Lexom.Training.Domain.Values;
using static Lexom.Training.Domain.Tests.A;

namespace Lexom.Training.Domain.Tests;

/// <summary>P4 accepted online in the client space, and M4's deposit recorded against its invoice (C1).</summary>
public class AcceptanceTests
{
    private static readonly string Sha = new('a', 64);
    private static readonly DateTimeOffset At = new(2026, 1, 10, 14, 30, 0, TimeSpan.Zero);

    private static ElectronicAcceptance Online(string cgv = "CGV-2026-01") =>
        ElectronicAcceptance.Create("  Marie-Christine   Dupont ", "« bon pour ACCORD »", true, cgv, Sha, At, "192.0.2.10", "Mozilla/5.0");

    [Theory]
    [InlineData("Bon pour accord", true)]
    [InlineData("BON POUR ACCORD", true)]
    [InlineData("« Bon  pour accord. »", true)]
    [InlineData("\"bon pour accord\"", true)]
    [InlineData("Bon pour accor", false)]
    [InlineData("Lu et approuvé", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void P4_the_typed_mention_must_be_bon_pour_accord(string? mention, bool valid) =>
        Assert.Equal(valid, ElectronicAcceptance.IsBonPourAccord(mention));

    [Fact]
    public void P4_an_online_acceptance_needs_a_name_the_mention_and_the_cgv_box()
    {
        Assert.Equal("P4", Assert.Throws<DomainException>(() => ElectronicAcceptance.Create(" ", "Bon pour accord", true, "CGV-2026-01", Sha, At, "192.0.2.10", null)).RuleId);
        Assert.Equal("P4", Assert.Throws<DomainException>(() => ElectronicAcceptance.Create("Marie Dupont", "D'accord", true, "CGV-2026-01", Sha, At, "192.0.2.10", null)).RuleId);
        var cgv = Assert.Throws<DomainException>(() => ElectronicAcceptance.Create("Marie Dupont", "Bon pour accord", false, "CGV-2026-01", Sha, At, "192.0.2.10", null));
        Assert.Contains("conditions générales de vente", cgv.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ElectronicAcceptance.Create("Marie Dupont", "Bon pour accord", true, "CGV-2026-01", "ABC", At, "192.0.2.10", null));

        var ok = Online();
        Assert.Equal("Marie-Christine Dupont", ok.SignatoryName);
        Assert.Equal(Sha, ok.DocumentSha256);
    }

    [Fact]
    public void P4_C1_an_online_acceptance_stands_for_both_signed_documents_and_the_deposit_then_confirms()
    {
        Assert.True(CgvReadings.OnlineAcceptanceStandsForSignedDocuments);
        var order = AnOrder().Build();
        order.RecordOnlineAcceptance(Online(), D("2026-01-10"));

        Assert.Equal(OrderStatus.PendingSignatureAndDeposit, order.Status);
        Assert.Equal([SignedDocumentKind.ProposalBonPourAccord, SignedDocumentKind.Cgv], order.SignedDocuments.Select(d => d.Kind));
        Assert.Equal(["l'acompte de 1 285,20 €"], order.MissingForConfirmation().Select(OrderTests.Normalize));
        Assert.Equal("P4", Assert.Throws<DomainException>(() => order.RecordOnlineAcceptance(Online(), D("2026-01-11"))).RuleId);

        Assert.True(order.DepositInvoiceToIssue);
        order.RecordDeposit(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-12"), Guid.NewGuid(), E(1285.20m), D("2026-01-12"), "VIR-2026-0112", PaymentMethod.Transfer);

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal(D("2026-01-12"), order.ConfirmedOn);
        var invoice = Assert.Single(order.Invoices);
        Assert.Equal(InvoiceKind.Deposit, invoice.Kind);
        Assert.Equal(E(1285.20m), invoice.Ttc);
        Assert.Equal("VIR-2026-0112", Assert.Single(invoice.Payments).Reference);
    }

    [Fact]
    public void P4_the_cgv_accepted_online_must_be_the_version_of_the_proposal()
    {
        var order = AnOrder().Build();
        Assert.Equal("P4", Assert.Throws<DomainException>(() => order.RecordOnlineAcceptance(Online("CGV-2025-07"), D("2026-01-10"))).RuleId);
        Assert.Null(order.OnlineAcceptance);
    }

    [Fact]
    public void M4_a_deposit_paid_in_two_transfers_goes_against_one_deposit_invoice_and_confirms_at_the_second()
    {
        var order = AnOrder().SignedWithoutDeposit();
        order.RecordDeposit(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-12"), Guid.NewGuid(), E(1000m), D("2026-01-12"), "VIR-1", PaymentMethod.Transfer);
        Assert.False(order.DepositReceived);
        Assert.False(order.DepositInvoiceToIssue);
        order.RecordDeposit(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-15"), Guid.NewGuid(), E(285.20m), D("2026-01-15"), "CHQ-2", PaymentMethod.Cheque);

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal(D("2026-01-15"), order.ConfirmedOn);
        var invoice = Assert.Single(order.Invoices);
        Assert.Equal([PaymentMethod.Transfer, PaymentMethod.Cheque], invoice.Payments.Select(p => p.Method));
        Assert.Throws<DomainException>(() => order.RecordDeposit(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-16"), Guid.NewGuid(), E(1m), D("2026-01-16"), "VIR-3", PaymentMethod.Transfer));
        Assert.Throws<DomainException>(() => AnOrder().Build().RecordDeposit(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-12"), Guid.NewGuid(), E(10m), D("2026-01-12"), " ", PaymentMethod.Transfer));
    }

    [Fact]
    public void P7_LW1_an_individual_who_accepts_online_orders_on_the_website_and_cannot_be_asked_the_deposit_for_14_days()
    {
        Assert.True(CgvReadings.OnlineAcceptanceIsAWebsiteOrder);
        var proposal = AProposal().PrivateIndividual().BuildAccepted(D("2026-01-10"));
        var order = Order.FromAcceptedProposal(Guid.NewGuid(), proposal, D("2026-01-10"), Domain.SalesChannel.Website);
        order.RecordOnlineAcceptance(Online(), D("2026-01-10"));

        Assert.Equal([SignedDocumentKind.TrainingContract, SignedDocumentKind.Cgv], order.SignedDocuments.Select(d => d.Kind));
        var withdrawal = order.Withdrawal();
        Assert.Equal(D("2026-01-24"), withdrawal.LastWithdrawalDay);
        Assert.Equal(D("2026-01-25"), withdrawal.PaymentsMayBeAskedFrom);
        var early = Assert.Throws<DomainException>(() => order.RecordDeposit(Guid.NewGuid(), Number(DocumentKind.DepositInvoice), D("2026-01-24"), Guid.NewGuid(), E(1285.20m), D("2026-01-24"), "VIR", PaymentMethod.Transfer));
        Assert.Equal("LW1", early.RuleId);
        Assert.Empty(order.Invoices);

        order.Withdraw(new WrittenNotice(D("2026-01-20"), "espace client"));
        Assert.Equal(OrderStatus.Withdrawn, order.Status);
    }
}
