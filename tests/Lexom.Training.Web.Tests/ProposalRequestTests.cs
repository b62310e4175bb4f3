using System.Net;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Requests;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests;

/// <summary>/demande-de-proposition and the staff queue /gestion/demandes.</summary>
public sealed class ProposalRequestTests(LexomApp app) : IClassFixture<LexomApp>
{
    private const string Form = "/demande-de-proposition?formation=RCL-RCL-02";

    /// <summary>A valid request from a company; the SIRET is Luhn-valid (732 829 320 00074).</summary>
    private static Dictionary<string, string> Company(string siret = "73282932000074", string email = "mc.dupont@coteaux.example") => new()
    {
        ["Formation"] = "RCL-RCL-02", ["ClientKind"] = "entreprise", ["CompanyName"] = "Coteaux de l'Ardèche SCA", ["Siret"] = siret,
        ["VatNumber"] = "", ["ContactName"] = "Marie-Christine Dupont", ["Email"] = email, ["Phone"] = "04 75 00 00 01",
        ["AddressLine1"] = "1245 route départementale 579", ["AddressLine2"] = "", ["PostalCode"] = "07150", ["City"] = "Vallon-Pont-d'Arc",
        ["Format"] = "inter", ["WishedStart"] = "2026-04-13", ["WishedDates"] = "", ["Place"] = "", ["ParticipantCount"] = "3",
        ["ParticipantNames"] = "Marie-Christine Dupont\nJean-Baptiste Fontaine", ["Message"] = "Merci !", ["Website"] = "",
        ["SubmissionKey"] = Guid.NewGuid().ToString(),
    };

    private async Task<HttpResponseMessage> SubmitAsync(Dictionary<string, string> fields)
    {
        using var client = app.NewClient();
        return await client.PostFormAsync(Form, "/demande-de-proposition", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
    }

    private async Task<(int Clients, int Requests)> CountAsync(string siretOrEmail)
    {
        await using var db = app.OpenDb();
        var clients = await db.Clients.Where(c => c.Siret == siretOrEmail || c.NormalizedEmail == siretOrEmail).Select(c => c.Id).ToListAsync();
        return (clients.Count, await db.ProposalRequests.CountAsync(r => clients.Contains(r.ClientId)));
    }

    [Fact]
    public async Task P1_the_form_names_the_course_and_asks_what_the_proposal_needs()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync(Form);
        Assert.Contains("CRM - fondamentaux et enjeux", page, StringComparison.Ordinal);
        foreach (var field in new[] { "CompanyName", "Siret", "ContactName", "Email", "AddressLine1", "PostalCode", "City", "ParticipantCount", "ParticipantNames", "WishedStart", "Place" })
            Assert.Contains($"name=\"{field}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_request_creates_the_client_and_joins_the_staff_queue()
    {
        using var response = await SubmitAsync(Company(email: "mc.dupont@coteaux-ardeche.example"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/demande-de-proposition/merci", response.Headers.Location!.OriginalString);

        await using var db = app.OpenDb();
        var company = await db.Clients.SingleAsync(c => c.Siret == "73282932000074");
        Assert.Equal(PayerKind.Company, company.Kind);
        Assert.Equal("07150", company.BillingAddress.PostalCode);
        var request = await db.ProposalRequests.SingleAsync(r => r.ClientId == company.Id);
        Assert.Equal(RequestStatus.New, request.Status);
        Assert.Equal("RCL-RCL-02", request.CourseReference);
        Assert.Equal(3, request.Training.ParticipantCount);
        Assert.Equal(["Marie-Christine Dupont", "Jean-Baptiste Fontaine"], request.Training.ParticipantNames);
        Assert.Equal(new DateOnly(2026, 4, 13), request.Training.WishedStart);

        // P4's spirit from the first contact: the client is told by e-mail what LEXOM received.
        var ack = await db.OutboxMessages.SingleAsync(m => m.Recipient == "mc.dupont@coteaux-ardeche.example");
        Assert.Equal("demande-recue", ack.Kind);
        Assert.Equal("Votre demande de proposition : CRM - fondamentaux et enjeux (RCL-RCL-02)", ack.Subject);
        Assert.Contains("Participants : 3", MimeText(ack.Mime), StringComparison.Ordinal);

        using var sales = await app.SignedInAsync(Roles.Sales);
        var queue = await sales.GetPageAsync("/gestion/demandes");
        Assert.Contains("Coteaux de l'Ardèche SCA", queue, StringComparison.Ordinal);
        var detail = await sales.GetPageAsync($"/gestion/demandes/{request.Id}");
        Assert.Contains("73282932000074", detail, StringComparison.Ordinal);
        Assert.Contains($"/gestion/clients/{company.Id}", detail, StringComparison.Ordinal);
    }

    private static string MimeText(byte[] mime)
    {
        using var stream = new MemoryStream(mime);
        return MimeKit.MimeMessage.Load(stream).TextBody ?? "";
    }

    [Fact]
    public async Task A_double_submit_of_the_same_form_creates_one_request()
    {
        var fields = Company(siret: "44306184100047", email: "double@exemple.test");
        using (var first = await SubmitAsync(fields)) Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using (var second = await SubmitAsync(fields)) Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal((1, 1), await CountAsync("44306184100047"));
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Recipient == "double@exemple.test"));
    }

    [Fact]
    public async Task The_same_SIRET_twice_is_one_client_with_two_requests_and_fresh_contact_details()
    {
        using (var first = await SubmitAsync(Company(siret: "55210055400013"))) Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = Company(siret: "552 100 554 00013", email: "nouveau.contact@exemple.test");
        second["ContactName"] = "Nouveau Contact";
        using (var again = await SubmitAsync(second)) Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal((1, 2), await CountAsync("55210055400013"));
        await using var db = app.OpenDb();
        Assert.Equal("Nouveau Contact", (await db.Clients.SingleAsync(c => c.Siret == "55210055400013")).ContactName);
    }

    [Fact]
    public async Task A_private_individual_is_matched_by_e_mail_whatever_its_case()
    {
        var person = Company();
        person["ClientKind"] = "particulier";
        person["CompanyName"] = "";
        person["Siret"] = "";
        person["ContactName"] = "Lucie Martin";
        person["Email"] = "Lucie.Martin@Exemple.test";
        using (var first = await SubmitAsync(person)) Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        person["Email"] = "lucie.martin@exemple.test";
        person["SubmissionKey"] = Guid.NewGuid().ToString();
        using (var second = await SubmitAsync(person)) Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal((1, 2), await CountAsync("lucie.martin@exemple.test"));
        await using var db = app.OpenDb();
        Assert.Equal(PayerKind.PrivateIndividual, (await db.Clients.SingleAsync(c => c.NormalizedEmail == "lucie.martin@exemple.test")).Kind);
    }

    [Theory]
    [InlineData("Siret", "73282932000075", "Le numéro SIRET n'est pas valide")]
    [InlineData("Siret", "", "Le numéro SIRET est obligatoire pour une entreprise.")]
    [InlineData("Email", "pas-une-adresse", "L'adresse e-mail n'est pas valide.")]
    [InlineData("PostalCode", "7150", "Le code postal compte 5 chiffres.")]
    [InlineData("WishedStart", "2026-03-01", "La date de début souhaitée doit être dans le futur.")]
    [InlineData("WishedStart", "pas-une-date", "n'est pas valide")]
    [InlineData("ParticipantCount", "0", "Le nombre de participants est compris entre 1 et 200.")]
    [InlineData("ParticipantCount", "201", "Le nombre de participants est compris entre 1 et 200.")]
    [InlineData("ParticipantCount", "1", "Vous avez saisi plus de noms que de participants.")]
    [InlineData("VatNumber", "FR00732829320", "Le numéro de TVA intracommunautaire n'est pas valide")]
    [InlineData("ContactName", "", "Indiquez vos nom et prénom.")]
    [InlineData("Email", "", "L'adresse e-mail est obligatoire.")]
    [InlineData("PostalCode", "", "Le code postal est obligatoire.")]
    [InlineData("City", "", "La ville est obligatoire.")]
    [InlineData("ClientKind", "", "Indiquez si vous demandez pour une entreprise ou à titre personnel.")]
    [InlineData("Formation", "XYZ-404", "Cette formation n'est pas au catalogue.")]
    [InlineData("Format", "intra", "Pour une formation INTRA, indiquez le lieu")]
    [InlineData("Message", "__LONG__", "Le message : 4000 caractères au plus.")]
    public async Task Bad_input_gets_a_French_message_and_writes_nothing(string field, string value, string message)
    {
        var siret = "38347481400100";
        var fields = Company(siret: siret);
        fields[field] = value == "__LONG__" ? new string('x', 5000) : value;
        using var response = await SubmitAsync(fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestClient.BodyAsync(response);
        Assert.Contains("Le formulaire n'a pas été enregistré", body, StringComparison.Ordinal);
        Assert.Contains(message, body, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.False(await db.Clients.AnyAsync(c => c.Siret == siret || c.Siret == "73282932000075"));
    }

    [Fact]
    public async Task The_VAT_number_of_the_company_s_SIREN_is_accepted()
    {
        var fields = Company(siret: "55208131700018", email: "tva@exemple.test");
        fields["VatNumber"] = "FR03 552081317";
        using var response = await SubmitAsync(fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal("FR03552081317", (await db.Clients.SingleAsync(c => c.Siret == "55208131700018")).VatNumber);
    }

    [Fact]
    public async Task A_bot_filling_the_honeypot_sees_a_success_and_nothing_is_written()
    {
        var fields = Company(siret: "35600000000048", email: "bot@exemple.test");
        fields["Website"] = "http://spam.example";
        using var response = await SubmitAsync(fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((0, 0), await CountAsync("35600000000048"));
        await using var db = app.OpenDb();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Recipient == "bot@exemple.test"));
    }

    [Fact]
    public async Task Sales_take_a_request_in_hand_and_close_another_with_a_reason()
    {
        var fields = Company(siret: "40483304800022", email: "queue@exemple.test");
        using (var r = await SubmitAsync(fields)) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Guid id;
        await using (var db = app.OpenDb())
            id = (await db.ProposalRequests.SingleAsync(r => db.Clients.Any(c => c.Id == r.ClientId && c.Siret == "40483304800022"))).Id;

        using var sales = await app.SignedInAsync(Roles.Sales);
        using (var take = await sales.PostFormAsync($"/gestion/demandes/{id}", $"/gestion/demandes/{id}/prendre"))
            Assert.Equal(HttpStatusCode.Redirect, take.StatusCode);
        Assert.Contains("Vous prenez en charge cette demande.", await sales.GetPageAsync($"/gestion/demandes/{id}"), StringComparison.Ordinal);
        Assert.Contains("Coteaux", await sales.GetPageAsync("/gestion/demandes?mes=1"), StringComparison.Ordinal);

        using (var empty = await sales.PostFormAsync($"/gestion/demandes/{id}", $"/gestion/demandes/{id}/classer", ("motif", " ")))
            Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Contains("Indiquez pourquoi la demande est classée.", await sales.GetPageAsync($"/gestion/demandes/{id}"), StringComparison.Ordinal);

        using (var close = await sales.PostFormAsync($"/gestion/demandes/{id}", $"/gestion/demandes/{id}/classer", ("motif", "Doublon")))
            Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        await using (var db = app.OpenDb())
        {
            var request = await db.ProposalRequests.SingleAsync(r => r.Id == id);
            Assert.Equal(RequestStatus.Closed, request.Status);
            Assert.Equal("Doublon", request.ClosingReason);
            Assert.NotNull(request.HandledBy);
        }
        Assert.Contains("Classée", await sales.GetPageAsync("/gestion/demandes?statut=classees"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_is_for_staff_only_and_an_unknown_request_is_a_404()
    {
        using (var anonymous = app.NewClient())
        using (var r = await anonymous.GetAsync("/gestion/demandes"))
            Assert.StartsWith("/compte/connexion", r.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using (var client = await app.SignedInAsync(Roles.Client))
        using (var r = await client.GetAsync("/gestion/demandes"))
            Assert.StartsWith("/compte/acces-refuse", r.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var sales = await app.SignedInAsync(Roles.Sales);
        await sales.GetPageAsync($"/gestion/demandes/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await sales.GetPageAsync($"/gestion/clients/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await sales.GetPageAsync("/gestion/demandes/pas-un-guid", HttpStatusCode.NotFound);
    }
}
