using System.Net;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.OrderChanges;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using static Lexom.Training.Web.Tests.OrderChanges.ChangeSteps;
using static Lexom.Training.Web.Tests.OrderChanges.OrderSeeds;

namespace Lexom.Training.Web.Tests.OrderChanges;

/// <summary>
/// R1–R4 and X4's postponement: « Reporter la formation » on the staff's order page, through the preview and « Confirmer »;
/// R2's lapsed postponement (« Clore le report expiré »). Worked example 3: ordered on 10 January 2026, asked on 20 February,
/// to 10 July (R1) or 11 July (R2). Today is Monday 2 March 2026; the clock does not move.
/// </summary>
public sealed class PostponementTests(LexomApp app) : IClassFixture<LexomApp>
{
    private static readonly DateOnly January10 = D("2026-01-10");
    private static readonly DateOnly March16 = D("2026-03-16");

    [Fact]
    public async Task R1_worked_example_3_asked_on_20_february_to_10_july_is_allowed_the_deposit_stays_with_lexom_and_the_balance_is_due_at_the_end()
    {
        var order = await OrderAsync(app, March16, orderedOn: January10);
        using var admin = await app.SignedInAsync(Roles.Admin);
        Assert.Contains("au plus tard le 10 juillet 2026", TestClient.Readable(await admin.GetPageAsync($"/gestion/commandes/{order.Id}")), StringComparison.Ordinal);

        using var response = await PreviewPostponementAsync(admin, order.Id, "client", "2026-02-20", "2026-07-10", "2026-07-11");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Décision : Report accepté", preview, StringComparison.Ordinal);
        Assert.Contains("Report demandé le 20/02/2026, avant le début, au 10/07/2026 (au plus tard le 10/07/2026) : accepté ; l'acompte de 1 285,20 € reste acquis à LEXOM et compte sur le prix ; le solde de 2 998,80 € sera dû à la fin de la formation reportée (R1).", preview, StringComparison.Ordinal);
        Assert.Contains("<strong>R1 (CGV 3.6, report)</strong>", preview, StringComparison.Ordinal);
        Assert.Contains("<dt>Nouvelles dates demandées</dt><dd>du 10 juillet 2026 au 11 juillet 2026</dd>", preview, StringComparison.Ordinal);
        Assert.Contains("<dt>Limite des six mois après la commande (R1, R2)</dt><dd>10 juillet 2026</dd>", preview, StringComparison.Ordinal);
        Assert.Equal("4 284,00 €", Amount(preview, "Dû au titre de la décision (client et OPCO)"));
        Assert.Equal("1 285,20 €", Amount(preview, "dont non remboursable, quoi qu'il arrive (R1)"));
        Assert.Equal("0,00 €", Amount(preview, "À payer immédiatement par le client"));
        Assert.Equal("2 998,80 €", Amount(preview, "À payer plus tard (fin de la formation)"));
        Assert.Contains("La formation et ses participants passent du 16 mars 2026 au 17 mars 2026 vers les nouvelles dates : du 10 juillet 2026 au 11 juillet 2026", preview, StringComparison.Ordinal);

        using (var confirmed = await ConfirmAsync(admin, preview))
            Assert.Equal("Report enregistré : la formation a lieu du 10 juillet 2026 au 11 juillet 2026. Le client est prévenu par e-mail.", await FlashAfterAsync(admin, confirmed, order.Id));
        using (var again = await ConfirmAsync(admin, preview))
            Assert.Equal(OrderChangeDesk.StaleMessage, await FlashAfterAsync(admin, again, order.Id));

        var after = await ReadAsync(app, order.Id);
        Assert.Equal(OrderStatus.Postponed, after.Status);
        Assert.Equal((D("2026-07-10"), D("2026-07-11"), March16), (after.StartsOn, after.EndsOn, after.OriginalStartsOn));
        Assert.True(after.DepositNonRefundable);
        Assert.Equal(3, after.Participants.Count); // the participants follow the order
        var decision = Assert.Single(after.Decisions);
        Assert.Equal((DecisionKind.Postponement, "R1", 0m, 2998.80m), (decision.Kind, decision.RuleIds, decision.DueNow.Amount, decision.DueLater.Amount));
        Assert.Equal([InvoiceKind.Deposit], after.Invoices.Select(i => i.Kind));
        Assert.Equal(order.Id, Assert.Single(await WrittenRequestsAsync(app, order.ClientId)).OrderId);

        var mail = await OrderSteps.SingleMailAsync(app, OrderChangeEmails.PostponedKind, order.Email);
        Assert.Equal("Report de la formation CRM - fondamentaux et enjeux : du 10 juillet 2026 au 11 juillet 2026", mail.Subject);
        var text = TestClient.Readable(mail.TextBody ?? "");
        Assert.Contains("Nous avons bien reçu le 20 février 2026 votre demande écrite de report", text, StringComparison.Ordinal);
        Assert.Contains("Nouvelles dates : du 10 juillet 2026 au 11 juillet 2026. Les participants de la commande sont inscrits à ces nouvelles dates", text, StringComparison.Ordinal);
        Assert.Contains("Clause appliquée : R1 (CGV 3.6, report)", text, StringComparison.Ordinal);
        Assert.Contains("À payer à la fin de la formation : 2 998,80 €", text, StringComparison.Ordinal);
        Assert.Empty(mail.Attachments);

        var page = Squeezed(TestClient.Readable(await admin.GetPageAsync($"/gestion/commandes/{order.Id}")));
        Assert.Contains("<dt>Dates</dt><dd>du 10 juillet 2026 au 11 juillet 2026</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Report</td><td>20/02/2026</td><td>R1 (CGV 3.6, report)</td>", page, StringComparison.Ordinal);
        Assert.Contains("La formation reportée se tient dans le délai de six mois après la commande (au plus tard le 10/07/2026) : rien n'est dû avant la fin (R1).", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Clore le report expiré", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R2_worked_example_3_a_postponement_to_11_july_beyond_6_months_makes_the_whole_price_due_and_ends_the_order()
    {
        var order = await OrderAsync(app, March16, orderedOn: January10);
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await PreviewPostponementAsync(admin, order.Id, "client", "2026-02-20", "2026-07-11", "2026-07-12");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Décision : Le prix total est dû à titre d'indemnité", preview, StringComparison.Ordinal);
        Assert.Contains("Report au 11/07/2026, au-delà du 10/07/2026 (six mois après la commande du 10/01/2026) : le prix total de 4 284,00 € TTC est dû immédiatement à titre d'indemnité ; 2 998,80 € restent à payer (R2).", preview, StringComparison.Ordinal);
        Assert.Equal("2 998,80 €", Amount(preview, "À payer immédiatement par le client"));
        Assert.Contains("La commande prend fin (état « Annulée »)", preview, StringComparison.Ordinal);

        using (var confirmed = await ConfirmAsync(admin, preview))
            Assert.StartsWith("Report enregistré : le prix total est dû (R2), la commande prend fin. Facture d'indemnité FAC-2026-", await FlashAfterAsync(admin, confirmed, order.Id), StringComparison.Ordinal);
        var after = await ReadAsync(app, order.Id);
        Assert.Equal(OrderStatus.Cancelled, after.Status);
        Assert.Equal(March16, after.StartsOn); // the dates did not move
        var indemnity = Assert.Single(after.Invoices, i => i.Kind == InvoiceKind.Indemnity);
        Assert.Equal(2998.80m, indemnity.Ttc.Amount);
        var pdf = await PdfTextAsync(app, order.Id, indemnity.Number.ToString());
        Assert.Contains("Indemnité (R2)", pdf, StringComparison.Ordinal);
        Assert.Contains("2 998,80 €", pdf, StringComparison.Ordinal);
        var mail = await OrderSteps.SingleMailAsync(app, OrderChangeEmails.PostponedKind, order.Email);
        Assert.Equal($"Votre demande de report de la commande {order.Number} : le prix total est dû", mail.Subject);
        Assert.Contains("Clause appliquée : R2 (CGV 3.6, report)", TestClient.Readable(mail.TextBody ?? ""), StringComparison.Ordinal);
        Assert.Single(mail.Attachments);
    }

    [Fact]
    public async Task R2_a_postponement_asked_during_the_training_makes_the_whole_price_due_at_once()
    {
        var order = await OrderAsync(app, D("2026-02-27"), D("2026-03-03"));
        using var sales = await app.SignedInAsync(Roles.Sales);
        using var response = await PreviewPostponementAsync(sales, order.Id, "client", "2026-03-02", "2026-04-13", "2026-04-14",
            emailReference: "e-mail de la DRH du 02/03/2026", withLetter: false);
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Report demandé le 02/03/2026, pendant la formation : le prix total de 4 284,00 € TTC est dû immédiatement à titre d'indemnité ; 2 998,80 € restent à payer (R2).", preview, StringComparison.Ordinal);
        Assert.Equal("2 998,80 €", Amount(preview, "À payer immédiatement par le client"));
        using (var confirmed = await ConfirmAsync(sales, preview))
            Assert.Contains("de 2 998,80 € émise.", await FlashAfterAsync(sales, confirmed, order.Id), StringComparison.Ordinal);
        var after = await ReadAsync(app, order.Id);
        Assert.Equal(OrderStatus.Cancelled, after.Status);
        Assert.Equal(2998.80m, Assert.Single(after.Invoices, i => i.Kind == InvoiceKind.Indemnity).Ttc.Amount);
        Assert.EndsWith("-email.txt", Assert.Single(await WrittenRequestsAsync(app, order.ClientId)).FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R3_an_intra_postponement_for_some_absent_trainees_is_refused_with_the_reason_on_the_screen_and_changes_nothing()
    {
        var order = await OrderAsync(app, March16, kind: TrainingKind.Intra);
        using var sales = await app.SignedInAsync(Roles.Sales);
        using var response = await PreviewPostponementAsync(sales, order.Id, "stagiaires-absents", "2026-03-02", "2026-05-04", "2026-05-05");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Décision : Report non recevable", preview, StringComparison.Ordinal);
        Assert.Contains("Formation INTRA : un report pour absence de certains stagiaires n'est pas pris en compte ; la formation est maintenue à partir d'une personne (R3).", preview, StringComparison.Ordinal);
        Assert.Contains("Clause : R3 (CGV 3.6, report). Rien n'a été modifié sur la commande.", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirmer le report", preview, StringComparison.Ordinal);

        var after = await ReadAsync(app, order.Id);
        Assert.Equal((OrderStatus.Confirmed, March16), (after.Status, after.StartsOn));
        Assert.Empty(after.Decisions);
        Assert.Empty(await WrittenRequestsAsync(app, order.ClientId));
        Assert.Equal(0, await MailCountAsync(app, order.Email));
    }

    [Fact]
    public async Task X4_R1_lexom_moves_the_training_for_its_trainer_and_the_client_agrees_no_indemnity_and_no_6_month_limit()
    {
        var order = await OrderAsync(app, March16);
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await PreviewPostponementAsync(admin, order.Id, "formateur-absent", "2026-03-02", "2026-09-14", "2026-09-15");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Décision : Report par LEXOM, sans indemnité", preview, StringComparison.Ordinal);
        Assert.Contains("Report proposé par LEXOM après l'annulation de la session et accepté par le client : la formation est reportée au 14/09/2026 sans aucune indemnité ; les sommes versées comptent sur le prix et le solde de 2 998,80 € sera dû à la fin de la formation (X4).", preview, StringComparison.Ordinal);
        Assert.Contains("<strong>X4 (CGV 3.5, annulation), R1 (CGV 3.6, report)</strong>", preview, StringComparison.Ordinal);
        Assert.Equal("0,00 €", Amount(preview, "À payer immédiatement par le client"));
        Assert.Equal("2 998,80 €", Amount(preview, "À payer plus tard (fin de la formation)"));
        Assert.DoesNotContain("non remboursable", preview, StringComparison.Ordinal);

        using (var confirmed = await ConfirmAsync(admin, preview))
            Assert.Equal("Report enregistré : la formation a lieu du 14 septembre 2026 au 15 septembre 2026. Le client est prévenu par e-mail.", await FlashAfterAsync(admin, confirmed, order.Id));
        var after = await ReadAsync(app, order.Id);
        Assert.Equal((OrderStatus.Postponed, D("2026-09-14"), false), (after.Status, after.StartsOn, after.DepositNonRefundable));
        Assert.Equal([InvoiceKind.Deposit], after.Invoices.Select(i => i.Kind));
        var text = TestClient.Readable((await OrderSteps.SingleMailAsync(app, OrderChangeEmails.PostponedKind, order.Email)).TextBody ?? "");
        Assert.Contains("qui ne peut pas se tenir du 16 mars 2026 au 17 mars 2026 en raison de l'absence du formateur, est reportée", text, StringComparison.Ordinal);
        Assert.Contains("X4 (CGV 3.5, annulation), R1 (CGV 3.6, report)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R4_R2_with_subrogation_the_client_pays_what_the_opco_does_not_cover_of_the_postponement_indemnity()
    {
        var order = await OrderAsync(app, March16, orderedOn: January10, opco: (2000m, 1000m));
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await PreviewPostponementAsync(admin, order.Id, "client", "2026-02-20", "2026-07-11", "2026-07-12");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("<strong>R2 (CGV 3.6, report), R4 (CGV 3.6, report)</strong>", preview, StringComparison.Ordinal);
        Assert.Equal("1 000,00 €", Amount(preview, "dont part de l'OPCO, en subrogation (R4)"));
        Assert.Equal("3 284,00 €", Amount(preview, "Part du client"));
        Assert.Equal("1 998,80 €", Amount(preview, "À payer immédiatement par le client"));
        using (var confirmed = await ConfirmAsync(admin, preview))
            Assert.Contains("de 1 998,80 € émise.", await FlashAfterAsync(admin, confirmed, order.Id), StringComparison.Ordinal);
        var invoices = (await ReadAsync(app, order.Id)).Invoices;
        Assert.Equal(1998.80m, Assert.Single(invoices, i => i.Kind == InvoiceKind.Indemnity && i.Payer == InvoicePayer.Client).Ttc.Amount);
        Assert.Equal(1000m, Assert.Single(invoices, i => i.Kind == InvoiceKind.Indemnity && i.Payer == InvoicePayer.Opco).Ttc.Amount); // R4
    }

    [Fact]
    public async Task R2_a_postponed_training_not_held_6_months_after_the_order_is_closed_from_the_order_page_and_the_whole_price_is_due()
    {
        // Ordered on 20 August 2025 (limit 20 February 2026); postponed by the client to 9 February (R1), then by LEXOM,
        // for its trainer, to 23 March (X4). On 2 March the training has not taken place and the six months are over.
        var order = await OrderAsync(app, D("2025-10-13"), orderedOn: D("2025-08-20"));
        using var admin = await app.SignedInAsync(Roles.Admin);
        using (var first = await PreviewPostponementAsync(admin, order.Id, "client", "2025-09-15", "2026-02-09", "2026-02-10"))
        using (var done = await ConfirmAsync(admin, await PageAsync(first)))
            Assert.StartsWith("Report enregistré", await FlashAfterAsync(admin, done, order.Id), StringComparison.Ordinal);
        using (var second = await PreviewPostponementAsync(admin, order.Id, "formateur-absent", "2026-02-05", "2026-03-23", "2026-03-24", withLetter: false,
                   emailReference: "e-mail de LEXOM au client du 05/02/2026"))
        using (var done = await ConfirmAsync(admin, await PageAsync(second)))
            Assert.StartsWith("Report enregistré", await FlashAfterAsync(admin, done, order.Id), StringComparison.Ordinal);

        var page = Squeezed(TestClient.Readable(await admin.GetPageAsync($"/gestion/commandes/{order.Id}")));
        Assert.Contains("La formation reportée n'a pas eu lieu au 20/02/2026, six mois après la commande : le prix total de 4 284,00 € TTC est dû immédiatement ; 2 998,80 € restent à payer (R2).", page, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"button button-danger\" href=\"/gestion/commandes/{order.Id}/report/expiration\">Clore le report expiré</a>", page, StringComparison.Ordinal);

        var preview = Squeezed(await admin.GetPageAsync($"/gestion/commandes/{order.Id}/report/expiration"));
        Assert.Contains("<h1>Clore le report expiré", preview, StringComparison.Ordinal);
        Assert.Contains("<strong>R2 (CGV 3.6, report)</strong>", preview, StringComparison.Ordinal);
        Assert.Equal("2 998,80 €", Amount(preview, "À payer immédiatement par le client"));
        using (var confirmed = await ConfirmAsync(admin, preview))
            Assert.StartsWith("Report expiré clos : le prix total est dû (R2), la commande prend fin. Facture d'indemnité FAC-2026-", await FlashAfterAsync(admin, confirmed, order.Id), StringComparison.Ordinal);
        using (var again = await ConfirmAsync(admin, preview))
            Assert.Equal(OrderChangeDesk.StaleMessage, await FlashAfterAsync(admin, again, order.Id));

        var after = await ReadAsync(app, order.Id);
        Assert.Equal(OrderStatus.Cancelled, after.Status);
        Assert.Equal([DecisionKind.Postponement, DecisionKind.Postponement, DecisionKind.PostponementLapsed], after.Decisions.Select(d => d.Kind));
        Assert.Equal(2998.80m, Assert.Single(after.Invoices, i => i.Kind == InvoiceKind.Indemnity).Ttc.Amount);
        Assert.Equal(2, (await WrittenRequestsAsync(app, order.ClientId)).Count);
        var mail = await OrderSteps.SingleMailAsync(app, OrderChangeEmails.LapsedKind, order.Email);
        Assert.Equal($"Commande {order.Number} : la formation reportée n'a pas eu lieu dans les six mois", mail.Subject);
        Assert.Contains("À payer dès réception de la facture : 2 998,80 €", TestClient.Readable(mail.TextBody ?? ""), StringComparison.Ordinal);
        Assert.Single(mail.Attachments);

        // Nothing left to close.
        Assert.Contains("Impossible de vérifier le délai du report : la commande est annulée.",
            await admin.GetPageAsync($"/gestion/commandes/{order.Id}/report/expiration"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task X2_R1_a_preview_is_not_confirmed_once_the_order_changed_under_it_the_row_version_refuses_it()
    {
        var order = await OrderAsync(app, March16);
        using var sales = await app.SignedInAsync(Roles.Sales);
        using var cancellation = await PreviewCancellationAsync(sales, order.Id, "client", "2026-03-01");
        var cancellationPreview = await PageAsync(cancellation);
        using var postponement = await PreviewPostponementAsync(sales, order.Id, "client", "2026-03-02", "2026-05-04", "2026-05-05");
        using (var postponed = await ConfirmAsync(sales, await PageAsync(postponement)))
            Assert.StartsWith("Report enregistré", await FlashAfterAsync(sales, postponed, order.Id), StringComparison.Ordinal);

        using (var stale = await ConfirmAsync(sales, cancellationPreview))
            Assert.Equal(OrderChangeDesk.StaleMessage, await FlashAfterAsync(sales, stale, order.Id));
        var after = await ReadAsync(app, order.Id);
        Assert.Equal(OrderStatus.Postponed, after.Status);
        Assert.Equal([DecisionKind.Postponement], after.Decisions.Select(d => d.Kind));
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Recipient == order.Email));
    }

    [Fact]
    public async Task R1_the_new_dates_are_required_and_the_session_cannot_end_before_it_starts()
    {
        var order = await OrderAsync(app, March16);
        using var sales = await app.SignedInAsync(Roles.Sales);
        using var response = await PreviewPostponementAsync(sales, order.Id, "client", "2026-03-02", "2026-05-05", "2026-05-04");
        var page = await PageAsync(response);
        Assert.Contains("<p class=\"field-error\" id=\"report-NewEndsOn-err\">La nouvelle session ne peut pas finir avant de commencer.</p>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-05-05\"", page, StringComparison.Ordinal);
        using var missing = await sales.PostMultipartAsync($"/gestion/commandes/{order.Id}", $"/gestion/commandes/{order.Id}/report/apercu",
            [new("Reason", "client"), new("ReceivedOn", "2026-03-02"), new("EmailReference", "e-mail")], []);
        Assert.Contains("Indiquez le premier jour de la nouvelle session.", await PageAsync(missing), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Empty((await ReadAsync(app, order.Id)).Decisions);
    }
}
