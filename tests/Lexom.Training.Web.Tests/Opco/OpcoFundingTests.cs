using System.Net;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Infrastructure;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using static Lexom.Training.Web.Tests.Opco.MoneySeeds;

namespace Lexom.Training.Web.Tests.Opco;

/// <summary>
/// O1, O2, R4 on the staff's order page, and the list /gestion/opco (O3), on Monday 2 March 2026. Each test seeds its
/// own orders (worked example 1: 4 284,00 € TTC, deposit 1 285,20 € paid).
/// </summary>
public sealed class OpcoFundingTests(LexomApp app) : IClassFixture<LexomApp>
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public async Task O1_O2_R4_funding_recorded_before_the_start_with_its_agreement_shows_the_opco_part_the_client_part_and_the_indemnity_coverage()
    {
        var s = await OrderAsync(app, new(2026, 2, 16), new(2026, 3, 16), new(2026, 3, 17), ConfirmAsync);
        using var sales = await app.SignedInAsync(Roles.Sales);
        var before = await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}");
        Assert.Contains("Aucune prise en charge OPCO n'est enregistrée", Opco(before), StringComparison.Ordinal);
        Assert.Contains($"action=\"/gestion/commandes/{s.OrderId}/opco\"", before, StringComparison.Ordinal);
        Assert.Contains("Enregistrer une prise en charge OPCO", before, StringComparison.Ordinal);

        using (var response = await RecordAsync(sales, s.OrderId, "2 000,00", coverage: "500"))
            Assert.Equal($"/gestion/commandes/{s.OrderId}#opco", response.Headers.Location!.OriginalString);

        var page = await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}");
        Assert.Contains("Prise en charge OPCO enregistrée.", page, StringComparison.Ordinal);
        var opco = Squeezed(Opco(page));
        foreach (var expected in new[]
                 {
                     "<dt>OPCO</dt><dd>AKTO</dd>", "<dt>Accord n°</dt><dd>AK-2026-0042</dd>", "<dt>Montant accordé TTC</dt><dd>2 000,00 €</dd>",
                     "<dt>Subrogation</dt><dd>oui : LEXOM facture l'OPCO</dd>", "<dt>Indemnités couvertes (R4)</dt><dd>500,00 €</dd>",
                     "<dt>Enregistrée le</dt><dd>02/03/2026</dd>",
                     // O2: the split of the price.
                     "<tr><td>4 284,00 €</td><td>2 000,00 €</td><td>2 284,00 €</td></tr>",
                     "Subrogation : l'OPCO est facturé de sa part, 2 000,00 €, et le client du reste, 2 284,00 € (O2).",
                     // R4
                     "En cas d'indemnité (annulation, report), l'OPCO en couvre au plus 500,00 € ; le client paie le reste (R4).",
                     // O3 known from now on.
                     "L'OPCO a jusqu'au <strong>17 avril 2026</strong> inclus pour régler sa part",
                 })
        {
            Assert.Contains(expected, opco, StringComparison.Ordinal);
        }

        await using var db = app.OpenDb();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == s.OrderId);
        var funding = order.Opco!;
        Assert.Equal(("AKTO", "AK-2026-0042", 2000m, true, 500m, Today), (funding.Opco, funding.AgreementNumber, funding.AgreedAmount.Amount, funding.Subrogation, funding.IndemnityCoverage.Amount, funding.RecordedOn));
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.OrderId == s.OrderId && f.Kind == StoredFileKind.OpcoAgreement);
        Assert.Equal(file.Id.ToString(), funding.AgreementFile);
        Assert.Equal($"accord-opco-{s.Number}.pdf", file.FileName);
        Assert.Contains($"<a href=\"/gestion/fichiers/{file.Id}\">accord-opco-{s.Number}.pdf</a>", opco, StringComparison.Ordinal);
        using var download = await sales.GetAsync($"/gestion/fichiers/{file.Id}");
        Assert.Equal(OrderSteps.Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task O2_an_amount_above_the_price_TTC_is_refused_and_changes_nothing_and_the_whole_price_is_a_ceiling_after_the_deposit()
    {
        var s = await OrderAsync(app, new(2026, 2, 16), new(2026, 3, 16), new(2026, 3, 17), ConfirmAsync);
        using var sales = await app.SignedInAsync(Roles.Sales);

        using (var refused = await RecordAsync(sales, s.OrderId, "4 284,01"))
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}");
        Assert.Contains("Le montant pris en charge par l'OPCO (4 284,01 €) doit être positif et ne pas dépasser le prix TTC (4 284,00 €).", page, StringComparison.Ordinal);
        Assert.Contains("Aucune prise en charge OPCO n'est enregistrée", Opco(page), StringComparison.Ordinal);
        await AssertNoFundingAsync(s.OrderId);

        // The whole price is accepted; the deposit already paid leaves the OPCO 2 998,80 € (Reading O2: the agreement is a ceiling).
        using (await RecordAsync(sales, s.OrderId, "4 284,00")) { }
        var opco = Squeezed(Opco(await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}")));
        Assert.Contains("<tr><td>4 284,00 €</td><td>2 998,80 €</td><td>1 285,20 €</td></tr>", opco, StringComparison.Ordinal);
        Assert.Contains("L'accord est un plafond : la part de l'OPCO se limite à ce que les paiements du client (1 285,20 €) laissent du prix.", opco, StringComparison.Ordinal);
        Assert.Contains("L'OPCO ne couvre aucune indemnité : en cas d'annulation ou de report, le client paie toute indemnité (R4).", opco, StringComparison.Ordinal);
    }

    [Fact]
    public async Task O1_funding_is_refused_on_the_start_day_and_after_the_start_and_accepted_the_day_before()
    {
        var startsToday = await OrderAsync(app, new(2026, 2, 2), Today, Today.AddDays(1), ConfirmAsync);
        var started = await OrderAsync(app, new(2026, 2, 2), new(2026, 2, 23), new(2026, 2, 24), ConfirmAsync);
        var startsTomorrow = await OrderAsync(app, new(2026, 2, 2), Today.AddDays(1), Today.AddDays(2), ConfirmAsync);
        using var sales = await app.SignedInAsync(Roles.Sales);

        foreach (var (order, start) in new[] { (startsToday, "02/03/2026"), (started, "23/02/2026") })
        {
            var before = await sales.GetPageAsync($"/gestion/commandes/{order.OrderId}");
            Assert.DoesNotContain($"action=\"/gestion/commandes/{order.OrderId}/opco\"", before, StringComparison.Ordinal);
            Assert.Contains("une prise en charge OPCO ne peut plus être enregistrée ; elle se demande avant le début (O1).", Opco(before), StringComparison.Ordinal);

            using (var refused = await RecordAsync(sales, order.OrderId, "2 000,00"))
                Assert.Equal($"/gestion/commandes/{order.OrderId}#opco", refused.Headers.Location!.OriginalString);
            var page = await sales.GetPageAsync($"/gestion/commandes/{order.OrderId}");
            Assert.Contains($"La formation a commencé le {start} : une prise en charge OPCO doit être demandée et enregistrée avant le début ; elle est refusée (O1).", page, StringComparison.Ordinal);
            await AssertNoFundingAsync(order.OrderId);
        }

        using (await RecordAsync(sales, startsTomorrow.OrderId, "2 000,00")) { }
        await using var db = app.OpenDb();
        Assert.Equal("AKTO", (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == startsTomorrow.OrderId)).Opco?.Opco);
    }

    [Fact]
    public async Task O1_the_form_says_what_is_missing_in_french_and_a_file_that_is_not_a_pdf_or_an_image_is_refused()
    {
        var s = await OrderAsync(app, new(2026, 2, 16), new(2026, 3, 16), new(2026, 3, 17), ConfirmAsync);
        using var sales = await app.SignedInAsync(Roles.Sales);

        using (await sales.PostMultipartAsync($"/gestion/commandes/{s.OrderId}", $"/gestion/commandes/{s.OrderId}/opco",
                   [new("OpcoName", ""), new("AgreementNumber", ""), new("AgreedAmount", "beaucoup"), new("Subrogation", ""), new("IndemnityCoverage", "-3")], [])) { }
        var page = await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}");
        foreach (var message in new[]
                 {
                     "Indiquez le nom de l'OPCO (O1).", "Indiquez le numéro de l'accord de prise en charge (O1).",
                     "Indiquez le montant TTC accordé par l'OPCO, en euros (par exemple 2 000,00) (O2).",
                     "Dites si l'OPCO paie LEXOM directement (subrogation : oui ou non).",
                     "La part des indemnités couverte par l'OPCO (R4) est un montant en euros, ou vide pour aucune.",
                     "Joignez la copie de l'accord de prise en charge (PDF, JPEG ou PNG) (O1).",
                 })
        {
            Assert.Contains(message, page, StringComparison.Ordinal);
        }

        using (await RecordAsync(sales, s.OrderId, "2 000,00", file: ("accord.pdf", "application/pdf", "pas un PDF"u8.ToArray()))) { }
        Assert.Contains("Le fichier de la copie de l'accord de prise en charge n'est ni un PDF, ni une image JPEG ou PNG",
            await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
        using (await RecordAsync(sales, s.OrderId, "2 000,00", coverage: "2 500,00")) { }
        Assert.Contains("La part des indemnités couverte par l'OPCO (R4) ne peut pas dépasser le montant qu'il prend en charge.",
            await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
        await AssertNoFundingAsync(s.OrderId);
    }

    [Fact]
    public async Task O3_the_list_shows_each_funded_order_with_its_deadline_state_and_links_to_it()
    {
        var awaiting = await OrderAsync(app, new(2026, 2, 16), new(2026, 4, 13), new(2026, 4, 14), async (o, n) =>
        {
            await ConfirmAsync(o, n);
            o.RecordOpcoFunding(Akto(2000m, new(2026, 2, 20)));
        });
        var withoutSubrogation = await OrderAsync(app, new(2026, 2, 16), new(2026, 4, 13), new(2026, 4, 14), async (o, n) =>
        {
            await ConfirmAsync(o, n);
            o.RecordOpcoFunding(Akto(1500m, new(2026, 2, 20), subrogation: false));
        });
        // Ended 20 January: deadline 20 February, nothing paid (nor the final invoice of 998,80 €).
        var overdue = await OrderAsync(app, new(2026, 1, 5), new(2026, 1, 19), new(2026, 1, 20), async (o, n) =>
        {
            await ConfirmAsync(o, n);
            o.RecordOpcoFunding(Akto(2000m, new(2026, 1, 10)));
            await CompleteWithFinalInvoiceAsync(o, n, new(2026, 1, 20));
            o.IssueOpcoInvoice(Guid.NewGuid(), await n.Next(Domain.Values.DocumentKind.Invoice), new(2026, 1, 20));
        });
        // Ended 3 February: deadline 3 March, tomorrow.
        var near = await OrderAsync(app, new(2026, 1, 5), new(2026, 2, 2), new(2026, 2, 3), async (o, n) =>
        {
            await ConfirmAsync(o, n);
            o.RecordOpcoFunding(Akto(2000m, new(2026, 1, 10)));
            await CompleteWithFinalInvoiceAsync(o, n, new(2026, 2, 3));
            o.IssueOpcoInvoice(Guid.NewGuid(), await n.Next(Domain.Values.DocumentKind.Invoice), new(2026, 2, 3));
        });
        // Ended 13 January, the OPCO paid its 2 000,00 € on 1 February.
        var paid = await OrderAsync(app, new(2026, 1, 5), new(2026, 1, 12), new(2026, 1, 13), async (o, n) =>
        {
            await ConfirmAsync(o, n);
            o.RecordOpcoFunding(Akto(2000m, new(2026, 1, 8)));
            await CompleteWithFinalInvoiceAsync(o, n, new(2026, 1, 13));
            var invoice = o.IssueOpcoInvoice(Guid.NewGuid(), await n.Next(Domain.Values.DocumentKind.Invoice), new(2026, 1, 13));
            o.RecordPayment(invoice.Id, Guid.NewGuid(), invoice.Ttc, new(2026, 2, 1), $"VIR AKTO {Guid.NewGuid():N}");
        });
        var notFunded = await OrderAsync(app, new(2026, 2, 16), new(2026, 4, 13), new(2026, 4, 14), ConfirmAsync);

        using var sales = await app.SignedInAsync(Roles.Sales);
        var list = Squeezed(await sales.GetPageAsync("/gestion/opco"));
        Assert.Contains("<h1>Prises en charge OPCO</h1>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(notFunded.Number, list, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/gestion/commandes/{overdue.OrderId}#opco\">{overdue.Number}</a>", list, StringComparison.Ordinal);
        Assert.Contains("<td>20/02/2026</td><td><strong>Échue : à clore (O3)</strong>", Row(list, overdue), StringComparison.Ordinal);
        Assert.Contains("le client est facturé de la totalité du prix, moins ce qui a déjà été reçu ; il reste 2 998,80 € à payer (O3).", Row(list, overdue), StringComparison.Ordinal);
        Assert.Contains("<td>03/03/2026</td><td><strong>Échéance proche</strong>", Row(list, near), StringComparison.Ordinal);
        Assert.Contains("<td>14/05/2026</td><td><strong>En attente du paiement</strong>", Row(list, awaiting), StringComparison.Ordinal);
        Assert.Contains("<td>2 000,00 €</td><td>2 000,00 €</td><td>13/02/2026</td><td><strong>Payée par l'OPCO</strong>", Row(list, paid), StringComparison.Ordinal);
        Assert.Contains("<td>—</td><td><strong>Sans subrogation</strong>", Row(list, withoutSubrogation), StringComparison.Ordinal);
        // The overdue first, then the nearest deadlines.
        Assert.True(list.IndexOf(overdue.Number, StringComparison.Ordinal) < list.IndexOf(near.Number, StringComparison.Ordinal));
        Assert.True(list.IndexOf(near.Number, StringComparison.Ordinal) < list.IndexOf(awaiting.Number, StringComparison.Ordinal));

        var onlyOverdue = await sales.GetPageAsync("/gestion/opco?etat=echue");
        Assert.Contains(overdue.Number, onlyOverdue, StringComparison.Ordinal);
        foreach (var other in new[] { near, awaiting, paid, withoutSubrogation })
            Assert.DoesNotContain(other.Number, onlyOverdue, StringComparison.Ordinal);
        Assert.Contains("<option value=\"echue\" selected=\"selected\">Échue : à clore (O3)</option>", onlyOverdue, StringComparison.Ordinal);

        // The overdue order's page offers to close the claim.
        var page = Opco(await sales.GetPageAsync($"/gestion/commandes/{overdue.OrderId}"));
        Assert.Contains("Échue : à clore (O3)", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/gestion/commandes/{overdue.OrderId}/opco/cloture\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/opco/cloture", Opco(await sales.GetPageAsync($"/gestion/commandes/{near.OrderId}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_opco_list_and_actions_are_for_the_staff_only()
    {
        using var anonymous = app.NewClient();
        using var client = await app.SignedInAsync(Roles.Client);
        foreach (var (who, expected) in new[] { (anonymous, "/compte/connexion"), (client, "/compte/acces-refuse") })
        {
            using var r = await who.GetAsync("/gestion/opco");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith(expected, r.Headers.Location!.IsAbsoluteUri ? r.Headers.Location.PathAndQuery : r.Headers.Location.OriginalString, StringComparison.Ordinal);
        }
        using var admin = await app.SignedInAsync(Roles.Admin);
        Assert.Contains("<h1>Prises en charge OPCO</h1>", await admin.GetPageAsync("/gestion/opco"), StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ helpers

    internal static Task<HttpResponseMessage> RecordAsync(TestClient staff, Guid orderId, string amount, string subrogation = "oui", string coverage = "",
        (string Name, string Type, byte[] Content)? file = null)
    {
        var (name, type, content) = file ?? ("accord-akto.pdf", "application/pdf", OrderSteps.Pdf);
        return staff.PostMultipartAsync($"/gestion/commandes/{orderId}", $"/gestion/commandes/{orderId}/opco",
            [new("OpcoName", "AKTO"), new("AgreementNumber", "AK-2026-0042"), new("AgreedAmount", amount), new("Subrogation", subrogation), new("IndemnityCoverage", coverage)],
            [("AgreementFile", name, type, content)]);
    }

    private async Task AssertNoFundingAsync(Guid orderId)
    {
        await using var db = app.OpenDb();
        Assert.Null((await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)).Opco);
        Assert.False(await db.StoredFiles.AnyAsync(f => f.OrderId == orderId && f.Kind == StoredFileKind.OpcoAgreement));
    }

    /// <summary>The OPCO section of the order page.</summary>
    internal static string Opco(string page)
    {
        var start = page.IndexOf("<section id=\"opco\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "La section OPCO est absente de la page de la commande.");
        return page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    internal static string Squeezed(string html) => System.Text.RegularExpressions.Regex.Replace(html, ">\\s+<", "><");

    private static string Row(string list, Seeded order)
    {
        var at = list.IndexOf($"/gestion/commandes/{order.OrderId}#opco\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"La commande {order.Number} n'est pas dans la liste.");
        var start = list.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return list[start..list.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }
}
