using Lexom.Training.Domain.Clients;
using Lexom.Training.Domain.Requests;

namespace Lexom.Training.Domain.Tests.Clients;

public class ClientTests
{
    private static readonly PostalAddress Address = new("1 rue de la Paix", null, "07200", "Aubenas");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("732 829 320 00074", true)]
    [InlineData("73282932000075", false)]
    [InlineData("7328293200007", false)]
    [InlineData("7328293200007A", false)]
    [InlineData("35600000000048", false)] // La Poste: digit sum not a multiple of 5
    [InlineData("35600000049837", true)]  // La Poste: digit sum 45
    [InlineData("", false)]
    public void SIRET_has_14_digits_and_a_Luhn_key(string siret, bool valid) =>
        Assert.Equal(valid, FrenchIdentifiers.IsValidSiret(siret));

    [Theory]
    [InlineData("FR44732829320", null, true)]
    [InlineData("FR44 732 829 320", "73282932000074", true)]
    [InlineData("FR45732829320", null, false)]
    [InlineData("FR44732829320", "55208131700018", false)]
    [InlineData("DE123456789", null, true)]
    [InlineData("12345", null, false)]
    public void The_French_VAT_number_carries_the_key_of_its_SIREN(string vat, string? siret, bool valid) =>
        Assert.Equal(valid, FrenchIdentifiers.IsValidVatNumber(vat, siret));

    [Theory]
    [InlineData("07200", true)]
    [InlineData("20000", true)]
    [InlineData("97400", true)]
    [InlineData("00100", false)]
    [InlineData("7200", false)]
    [InlineData("7200A", false)]
    public void A_French_postal_code_has_five_digits(string code, bool valid) =>
        Assert.Equal(valid, FrenchIdentifiers.IsValidPostalCode(code));

    [Fact]
    public void A_company_is_kept_by_its_SIRET_digits_and_its_SIREN_follows()
    {
        var client = Client.Company(Guid.NewGuid(), "LEXOM", "732 829 320 00074", "fr44732829320", "Alice", "Alice@Exemple.test", null, Address, Now);
        Assert.Equal("73282932000074", client.Siret);
        Assert.Equal("732829320", client.Siren);
        Assert.Equal("FR44732829320", client.VatNumber);
        Assert.Equal("alice@exemple.test", client.NormalizedEmail);
        Assert.Equal(PayerKind.Company, client.Kind);
    }

    [Fact]
    public void A_company_with_a_wrong_SIRET_is_refused() =>
        Assert.Throws<DomainException>(() => Client.Company(Guid.NewGuid(), "X", "73282932000075", null, "Alice", "a@b.fr", null, Address, Now));

    [Theory]
    [InlineData("pas-une-adresse")]
    [InlineData("a@b")]
    [InlineData("a b@c.fr")]
    [InlineData("")]
    public void A_client_needs_a_real_e_mail_address(string email) =>
        Assert.Throws<DomainException>(() => Client.Individual(Guid.NewGuid(), "Lucie Martin", email, null, Address, Now));

    [Fact]
    public void An_incomplete_billing_address_is_refused() =>
        Assert.Throws<DomainException>(() => Client.Individual(Guid.NewGuid(), "Lucie Martin", "l@m.fr", null, Address with { PostalCode = "7200" }, Now));

    [Fact]
    public void P1_a_request_says_how_many_participants_and_when()
    {
        var training = new RequestedTraining(TrainingKind.Inter, null, new DateOnly(2026, 4, 13), null, null, 3, ["A", "B"], null);
        var request = new ProposalRequest(Guid.NewGuid(), Guid.NewGuid(), "RCL-RCL-02", Guid.NewGuid(), training, Now);
        Assert.Equal(RequestStatus.New, request.Status);

        Assert.Throws<DomainException>(() => new ProposalRequest(Guid.NewGuid(), Guid.NewGuid(), "R", Guid.NewGuid(), training with { ParticipantCount = 0 }, Now));
        Assert.Throws<DomainException>(() => new ProposalRequest(Guid.NewGuid(), Guid.NewGuid(), "R", Guid.NewGuid(), training with { ParticipantCount = 1 }, Now));
        Assert.Throws<DomainException>(() => new ProposalRequest(Guid.NewGuid(), Guid.NewGuid(), "R", Guid.NewGuid(), training with { WishedStart = null }, Now));
        Assert.Throws<DomainException>(() => new ProposalRequest(Guid.NewGuid(), Guid.NewGuid(), "R", Guid.NewGuid(), training with { Kind = TrainingKind.Intra }, Now));
    }

    [Fact]
    public void A_closed_request_cannot_be_taken_on_or_closed_again()
    {
        var training = new RequestedTraining(TrainingKind.Intra, null, null, "en juin", "Lyon", 5, [], null);
        var request = new ProposalRequest(Guid.NewGuid(), Guid.NewGuid(), "RCL-RCL-02", Guid.NewGuid(), training, Now);
        var sales = Guid.NewGuid();
        request.TakeOn(sales);
        Assert.Equal(RequestStatus.InProgress, request.Status);
        Assert.Throws<DomainException>(() => request.Close(" "));
        request.Close("Doublon");
        Assert.Equal(RequestStatus.Closed, request.Status);
        Assert.Throws<DomainException>(() => request.TakeOn(sales));
        Assert.Throws<DomainException>(() => request.Close("encore"));
    }
}
