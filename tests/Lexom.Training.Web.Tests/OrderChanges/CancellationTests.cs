using System.Net;
using Lexom.Training.Domain;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Features.OrderChanges;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Lexom.Training.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;
using static Lexom.Training.Web.Tests.OrderChanges.ChangeSteps;
using static Lexom.Training.Web.Tests.OrderChanges.OrderSeeds;

namespace Lexom.Training.Web.Tests.OrderChanges;

/// <summary>
/// X1–X6, C3, R4: « Annuler la commande » on the staff's order page, through the preview computed by the domain and
/// « Confirmer », with the worked examples' amounts (4 284,00 € TTC, deposit 1 285,20 €, session from 16 March 2026).
/// Today is Monday 2 March 2026; the clock does not move.
/// </summary>
public sealed class CancellationTests(LexomApp app) : IClassFixture<LexomApp>
{
    private static readonly DateOnly March16 = D("2026-03-16");

    [Fact]
    public async Task X3_worked_example_2_received_on_2_march_14_days_before_makes_2998_80_due_at_once_on_an_indemnity_invoice_and_a_double_confirm_applies_once()
    {
        var order = await OrderAsync(app, March16);
        using var admin = await app.SignedInAsync(Roles.Admin);

        var page = TestClient.Readable(await admin.GetPageAsync($"/gestion/commandes/{order.Id}"));
        Assert.Contains("Annuler la commande", page, StringComparison.Ordinal);
        Assert.Contains("Reporter la formation", page, StringComparison.Ordinal);

        using var response = await PreviewCancellationAsync(admin, order.Id, "client", "2026-03-02", withLetter: false,
            emailReference: "E-mail de m.dupont@coteaux.example du 02/03/2026 09:12, objet Annulation formation CRM");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Décision : Le prix total est dû à titre d'indemnité", preview, StringComparison.Ordinal);
        Assert.Contains("Annulation écrite reçue le 02/03/2026, 14 jours avant le début du 16/03/2026 (moins de 15 jours) : le prix total de 4 284,00 € TTC est dû à titre d'indemnité ; 1 285,20 € déjà versés, 2 998,80 € à payer immédiatement (X3).", preview, StringComparison.Ordinal);
        Assert.Contains("<strong>X3 (CGV 3.5, annulation)</strong>", preview, StringComparison.Ordinal);
        Assert.Contains("2 mars 2026, 14 jours avant le début", preview, StringComparison.Ordinal);
        Assert.Equal("4 284,00 €", Amount(preview, "Dû au titre de la décision (client et OPCO)"));
        Assert.Equal("1 285,20 €", Amount(preview, "Déjà versé par le client"));
        Assert.Equal("1 285,20 €", Amount(preview, "Conservé par LEXOM"));
        Assert.Equal("2 998,80 €", Amount(preview, "À payer immédiatement par le client"));
        Assert.Equal("0,00 €", Amount(preview, "À rembourser au client"));
        Assert.Contains("Une facture d'indemnité de <strong>2 998,80 €</strong> est émise", preview, StringComparison.Ordinal);

        // The preview changed nothing.
        Assert.Equal(OrderStatus.Confirmed, (await ReadAsync(app, order.Id)).Status);
        Assert.Equal(0, await MailCountAsync(app, order.Email));

        // « Confirmer » twice (a double click): the second waits on the row lock, finds a new row version and applies nothing.
        using (var confirmed = await ConfirmAsync(admin, preview))
        {
            var flash = await FlashAfterAsync(admin, confirmed, order.Id);
            Assert.StartsWith("Annulation enregistrée (le prix total est dû à titre d'indemnité). Facture d'indemnité FAC-2026-", flash, StringComparison.Ordinal);
            Assert.Contains("de 2 998,80 € émise. Le client est prévenu par e-mail.", flash, StringComparison.Ordinal);
        }
        using (var again = await ConfirmAsync(admin, preview))
            Assert.Equal(OrderChangeDesk.StaleMessage, await FlashAfterAsync(admin, again, order.Id));

        var after = await ReadAsync(app, order.Id);
        Assert.Equal(OrderStatus.Cancelled, after.Status);
        Assert.Equal(D("2026-03-02"), after.ClosedOn);
        var decision = Assert.Single(after.Decisions);
        Assert.Equal((DecisionKind.Cancellation, "X3", 2998.80m), (decision.Kind, decision.RuleIds, decision.DueNow.Amount));
        var indemnity = Assert.Single(after.Invoices, i => i.Kind == InvoiceKind.Indemnity);
        Assert.Matches("^FAC-2026-[0-9]{6}$", indemnity.Number.ToString());
        Assert.Equal((2998.80m, 2499.00m, 499.80m), (indemnity.Ttc.Amount, indemnity.Ht.Amount, indemnity.Vat.Amount));
        Assert.Equal(D("2026-03-02"), indemnity.DueOn);
        Assert.DoesNotContain(after.Invoices, i => i.Kind == InvoiceKind.CreditNote); // the deposit invoice is settled: nothing to credit

        // The written request (X1): a note of the e-mail reference, attached to the order and listed on its page.
        var note = Assert.Single(await WrittenRequestsAsync(app, order.ClientId));
        Assert.Equal(order.Id, note.OrderId);
        Assert.Equal($"demande-annulation-2026-03-02-{order.Number}-email.txt", note.FileName);
        Assert.Contains("Référence de l'e-mail : E-mail de m.dupont@coteaux.example du 02/03/2026 09:12", System.Text.Encoding.UTF8.GetString(note.Content), StringComparison.Ordinal);

        var number = indemnity.Number.ToString();
        var pdf = await PdfTextAsync(app, order.Id, number);
        foreach (var expected in new[] { $"Facture d'indemnité n° {number}", "2 998,80 €", "2 499,00 €", "499,80 €", "Indemnité (X3)", order.Number, "payable à réception" })
            Assert.True(pdf.Contains(expected, StringComparison.Ordinal), $"La facture d'indemnité ne contient pas « {expected} » :\n{pdf}");

        var mail = await OrderSteps.SingleMailAsync(app, OrderChangeEmails.CancelledKind, order.Email);
        Assert.Equal($"Annulation de la commande {order.Number} : CRM - fondamentaux et enjeux", mail.Subject);
        var text = TestClient.Readable(mail.TextBody ?? "");
        foreach (var expected in new[]
                 {
                     "Nous avons bien reçu le 2 mars 2026 votre demande écrite d'annulation", "moins de 15 jours", "X3 (CGV 3.5, annulation)",
                     "Montant dû au titre de cette décision : 4 284,00 € TTC", "Déjà versé : 1 285,20 €", "À payer dès réception de la facture : 2 998,80 €",
                     $"la facture {number} de 2 998,80 €, payable à réception",
                 })
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"L'e-mail ne contient pas « {expected} » :\n{text}");
        Assert.Equal(pdf, ProposalSteps.PdfText(await OrderSteps.AttachmentAsync(mail, $"facture-{number}.pdf")));
        Assert.Equal(1, await MailCountAsync(app, order.Email));

        // The order page: the decision with its clause, the invoice, the written request; no more forms.
        var orderPage = Squeezed(TestClient.Readable(await admin.GetPageAsync($"/gestion/commandes/{order.Id}")));
        Assert.Contains("<td>Annulation</td><td>02/03/2026</td><td>X3 (CGV 3.5, annulation)</td>", orderPage, StringComparison.Ordinal);
        Assert.Contains($" {number}<br>", orderPage, StringComparison.Ordinal); // the billing section lists it
        Assert.Contains("<td>02/03/2026</td><td>02/03/2026</td><td>2 998,80 €</td>", orderPage, StringComparison.Ordinal);
        Assert.Contains($">{note.FileName}</a>", orderPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Voir les conséquences", orderPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task X3_LW4_two_confirmations_sent_at_once_cancel_once_with_one_indemnity_invoice_one_number_and_one_e_mail()
    {
        var order = await OrderAsync(app, March16);
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await PreviewCancellationAsync(admin, order.Id, "client", "2026-03-02");
        var preview = Squeezed(await PageAsync(response));

        var responses = await Task.WhenAll(ConfirmAsync(admin, preview), ConfirmAsync(admin, preview));
        foreach (var r in responses) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        foreach (var r in responses) r.Dispose();

        var after = await ReadAsync(app, order.Id);
        Assert.Single(after.Decisions);
        var number = Assert.Single(after.Invoices, i => i.Kind == InvoiceKind.Indemnity).Number.ToString();
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Recipient == order.Email));
        Assert.Equal(1, await db.StoredFiles.CountAsync(f => f.OrderId == order.Id && f.FileName.EndsWith($"-{number}.pdf")));
        // The FAC numbers of the class are continuous: no number was taken and lost by the refused confirmation.
        var all = await db.Invoices.Where(i => i.Kind == InvoiceKind.Indemnity).Select(i => i.Number).ToListAsync();
        Assert.Empty(Domain.Values.DocumentNumber.GapsIn(all));
    }

    [Fact]
    public async Task X1_a_cancellation_without_a_document_nor_an_e_mail_reference_is_refused_on_the_preview_and_changes_nothing()
    {
        var order = await OrderAsync(app, March16);
        using var sales = await app.SignedInAsync(Roles.Sales);
        using var response = await PreviewCancellationAsync(sales, order.Id, "client", "2026-03-02", withLetter: false);
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Décision : Annulation non recevable", preview, StringComparison.Ordinal);
        Assert.Contains("<h3>La demande ne peut pas être appliquée</h3><p>Seules les annulations faites par écrit sont recevables : joignez la lettre ou l'e-mail reçu (X1).</p>", preview, StringComparison.Ordinal);
        Assert.Contains("Clause : X1 (CGV 3.5, annulation). Rien n'a été modifié sur la commande.", preview, StringComparison.Ordinal);
        Assert.Contains("<dt>Document ou e-mail (X1)</dt><dd>aucun</dd>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirmer", preview, StringComparison.Ordinal);

        // A confirmation posted anyway (no written request): the domain refuses it, nothing changes.
        uint version;
        await using (var db = app.OpenDb())
            version = await db.Orders.Where(o => o.Id == order.Id).Select(o => EF.Property<uint>(o, "RowVersion")).SingleAsync();
        using (var forced = await sales.PostFormAsync($"/gestion/commandes/{order.Id}", $"/gestion/commandes/{order.Id}/annulation",
                   ("Reason", "client"), ("ReceivedOn", "2026-03-02"), ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            Assert.Equal("Seules les annulations faites par écrit sont recevables : joignez la lettre ou l'e-mail reçu (X1).", await FlashAfterAsync(sales, forced, order.Id));
        await AssertUnchangedAsync(order);
    }

    [Fact]
    public async Task X2_worked_example_2_received_on_1_march_15_days_before_keeps_the_1285_20_deposit_and_nothing_more_is_due()
    {
        var order = await OrderAsync(app, March16);
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await PreviewCancellationAsync(admin, order.Id, "client", "2026-03-01");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Décision : L'acompte est conservé à titre d'indemnité", preview, StringComparison.Ordinal);
        Assert.Contains("Annulation écrite reçue le 01/03/2026, 15 jours avant le début du 16/03/2026 (15 jours ou plus) : LEXOM conserve l'acompte de 1 285,20 € à titre d'indemnité, rien d'autre n'est dû (X2).", preview, StringComparison.Ordinal);
        Assert.Contains("<strong>X2 (CGV 3.5, annulation)</strong>", preview, StringComparison.Ordinal);
        Assert.Contains("<dt>Document ou e-mail (X1)</dt><dd>document joint (PDF, 1 ko)</dd>", preview, StringComparison.Ordinal);
        Assert.Equal("1 285,20 €", Amount(preview, "Dû au titre de la décision (client et OPCO)"));
        Assert.Equal("1 285,20 €", Amount(preview, "Conservé par LEXOM"));
        Assert.Equal("0,00 €", Amount(preview, "À payer immédiatement par le client"));
        Assert.Equal("0,00 €", Amount(preview, "À rembourser au client"));
        Assert.DoesNotContain("facture d'indemnité", preview, StringComparison.Ordinal);

        // The scan is kept by the preview, not yet attached to the order; a second preview with it does not store it twice.
        using (var twice = await PreviewCancellationAsync(admin, order.Id, "client", "2026-03-01"))
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        var scan = Assert.Single(await WrittenRequestsAsync(app, order.ClientId));
        Assert.Null(scan.OrderId);
        Assert.DoesNotContain(scan.FileName, await admin.GetPageAsync($"/gestion/commandes/{order.Id}"), StringComparison.Ordinal);

        using (var confirmed = await ConfirmAsync(admin, preview))
            Assert.Equal("Annulation enregistrée (l'acompte est conservé à titre d'indemnité). Le client est prévenu par e-mail.", await FlashAfterAsync(admin, confirmed, order.Id));
        var after = await ReadAsync(app, order.Id);
        Assert.Equal(OrderStatus.Cancelled, after.Status);
        Assert.Equal(D("2026-03-01"), after.ClosedOn);
        var decision = Assert.Single(after.Decisions);
        Assert.Equal(("X2", 1285.20m, 0m, 0m), (decision.RuleIds, decision.TotalOwed.Amount, decision.DueNow.Amount, decision.Refund.Amount));
        Assert.Equal([InvoiceKind.Deposit], after.Invoices.Select(i => i.Kind)); // nothing billed, nothing credited
        Assert.Equal(1285.20m, after.ClientPaid.Amount);

        scan = Assert.Single(await WrittenRequestsAsync(app, order.ClientId));
        Assert.Equal(order.Id, scan.OrderId);
        Assert.Equal($"demande-annulation-2026-03-01-{order.Number}.pdf", scan.FileName);
        Assert.Equal(OrderSteps.Pdf, scan.Content);

        var mail = await OrderSteps.SingleMailAsync(app, OrderChangeEmails.CancelledKind, order.Email);
        var text = TestClient.Readable(mail.TextBody ?? "");
        Assert.Contains("LEXOM conserve l'acompte de 1 285,20 € à titre d'indemnité, rien d'autre n'est dû (X2)", text, StringComparison.Ordinal);
        Assert.Contains("Clause appliquée : X2 (CGV 3.5, annulation)", text, StringComparison.Ordinal);
        Assert.Contains("Rien d'autre n'est dû.", text, StringComparison.Ordinal);
        Assert.Empty(mail.Attachments);
    }

    [Theory]
    [InlineData("2026-03-02", "2026-03-03", "le premier jour de la formation", "le jour du début")]
    [InlineData("2026-02-23", "2026-02-24", "après le début de la formation", "7 jours après le début")]
    public async Task X3_a_cancellation_received_on_the_start_day_or_after_the_start_makes_the_whole_price_due(string start, string end, string when, string days)
    {
        var order = await OrderAsync(app, D(start), D(end));
        using var sales = await app.SignedInAsync(Roles.Sales);
        using var response = await PreviewCancellationAsync(sales, order.Id, "client", "2026-03-02");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains($"Annulation écrite reçue le 02/03/2026, {when} : le prix total de 4 284,00 € TTC est dû à titre d'indemnité ; 1 285,20 € déjà versés, 2 998,80 € à payer immédiatement (X3).", preview, StringComparison.Ordinal);
        Assert.Contains($"2 mars 2026, {days}</dd>", preview, StringComparison.Ordinal);
        Assert.Equal("2 998,80 €", Amount(preview, "À payer immédiatement par le client"));

        using (var confirmed = await ConfirmAsync(sales, preview))
            Assert.Contains("Facture d'indemnité FAC-2026-", await FlashAfterAsync(sales, confirmed, order.Id), StringComparison.Ordinal);
        var indemnity = Assert.Single((await ReadAsync(app, order.Id)).Invoices, i => i.Kind == InvoiceKind.Indemnity);
        Assert.Equal(2998.80m, indemnity.Ttc.Amount);
        Assert.Contains("2 998,80 €", await PdfTextAsync(app, order.Id, indemnity.Number.ToString()), StringComparison.Ordinal);
        Assert.Single((await OrderSteps.SingleMailAsync(app, OrderChangeEmails.CancelledKind, order.Email)).Attachments);
    }

    [Theory]
    [InlineData("formateur-absent", "l'absence du formateur")]
    [InlineData("lieu-indisponible", "l'indisponibilité du lieu")]
    public async Task X4_lexom_cancels_for_its_trainer_or_its_venue_and_the_1285_20_deposit_is_refunded_never_more(string reason, string cause)
    {
        var order = await OrderAsync(app, March16);
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await PreviewCancellationAsync(admin, order.Id, reason, "2026-03-02");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Décision : Annulation par LEXOM : les sommes versées sont remboursées", preview, StringComparison.Ordinal);
        Assert.Contains($"Annulation par LEXOM pour {cause} : l'acompte et tout montant versé (1 285,20 €) sont remboursés au client, sauf s'il accepte un report (X4).", preview, StringComparison.Ordinal);
        Assert.Equal("0,00 €", Amount(preview, "Dû au titre de la décision (client et OPCO)"));
        Assert.Equal("0,00 €", Amount(preview, "À payer immédiatement par le client"));
        Assert.Equal("1 285,20 €", Amount(preview, "À rembourser au client"));
        Assert.Contains("1 285,20 € sont à rembourser au client", preview, StringComparison.Ordinal);

        using (var confirmed = await ConfirmAsync(admin, preview))
            Assert.EndsWith("À rembourser au client : 1 285,20 €. Le client est prévenu par e-mail.", await FlashAfterAsync(admin, confirmed, order.Id), StringComparison.Ordinal);
        var after = await ReadAsync(app, order.Id);
        Assert.Equal(OrderStatus.Cancelled, after.Status);
        Assert.Equal(1285.20m, after.RefundDue.Amount);
        Assert.DoesNotContain(after.Invoices, i => i.Kind is InvoiceKind.Indemnity or InvoiceKind.CreditNote);
        var text = TestClient.Readable((await OrderSteps.SingleMailAsync(app, OrderChangeEmails.CancelledKind, order.Email)).TextBody ?? "");
        Assert.Contains($"Nous sommes au regret de devoir annuler la formation « CRM - fondamentaux et enjeux » (référence RCL-RCL-02) prévue du 16 mars 2026 au 17 mars 2026, en raison de {cause}.", text, StringComparison.Ordinal);
        Assert.Contains("À vous rembourser : 1 285,20 €", text, StringComparison.Ordinal);

        // « Enregistrer un remboursement »: the amount due is proposed; a part, then the rest; never twice, never more.
        var page = TestClient.Readable(await admin.GetPageAsync($"/gestion/commandes/{order.Id}"));
        Assert.Contains("Reste à rembourser au client : <strong>1 285,20 €</strong>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"remboursement-Amount\" name=\"Amount\" value=\"1285,20\"", page, StringComparison.Ordinal);
        using (var part = await RefundAsync(admin, order.Id, "1 000,00", "VIR-REMB-1"))
            Assert.Equal("Remboursement de 1 000,00 € enregistré ; il reste 285,20 € à rembourser.", await FlashAfterAsync(admin, part, order.Id));
        using (var same = await RefundAsync(admin, order.Id, "285,20", "VIR-REMB-1"))
            Assert.Contains("Le remboursement de référence bancaire « VIR-REMB-1 » est déjà enregistré", await TestClient.BodyAsync(same), StringComparison.Ordinal);
        using (var more = await RefundAsync(admin, order.Id, "300,00", "VIR-REMB-2"))
        {
            Assert.Equal(HttpStatusCode.OK, more.StatusCode);
            Assert.Contains("Le remboursement doit être positif et ne pas dépasser ce qui reste à rembourser (285,20 €).", await TestClient.BodyAsync(more), StringComparison.Ordinal);
        }
        using (var rest = await RefundAsync(admin, order.Id, "285,20", "VIR-REMB-2"))
            Assert.Equal("Remboursement de 285,20 € enregistré ; tout ce qui était à rembourser l'est.", await FlashAfterAsync(admin, rest, order.Id));

        after = await ReadAsync(app, order.Id);
        Assert.Equal([1000.00m, 285.20m], after.Refunds.OrderBy(r => r.Reference).Select(r => r.Amount.Amount));
        Assert.True(after.RefundDue.IsZero);
        Assert.True(after.ClientPaid.IsZero);
        page = TestClient.Readable(await admin.GetPageAsync($"/gestion/commandes/{order.Id}"));
        Assert.Contains("02/03/2026 · 1 000,00 € · réf. VIR-REMB-1", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer le remboursement", page, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Recipient == order.Email && m.Kind == OrderChangeEmails.RefundedKind));
    }

    [Fact]
    public async Task X5_an_intra_cancellation_for_absent_trainees_is_refused_with_the_reason_on_the_screen_and_changes_nothing()
    {
        var order = await OrderAsync(app, March16, kind: TrainingKind.Intra);
        using var sales = await app.SignedInAsync(Roles.Sales);
        using var response = await PreviewCancellationAsync(sales, order.Id, "stagiaires-absents", "2026-03-01");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Formation INTRA : une annulation pour absence de stagiaires n'est pas prise en compte ; la formation est maintenue à partir d'une personne (X5).", preview, StringComparison.Ordinal);
        Assert.Contains("Clause : X5 (CGV 3.5, annulation). Rien n'a été modifié sur la commande.", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"/gestion/commandes/", preview, StringComparison.Ordinal);
        await AssertUnchangedAsync(order);
        Assert.Empty(await WrittenRequestsAsync(app, order.ClientId)); // a refused request's scan is not even kept

        // INTER: the same reason is a client's cancellation like any other (X2 here, 15 days before).
        var inter = await OrderAsync(app, March16);
        using var interResponse = await PreviewCancellationAsync(sales, inter.Id, "stagiaires-absents", "2026-03-01");
        Assert.Contains("LEXOM conserve l'acompte de 1 285,20 € à titre d'indemnité", await PageAsync(interResponse), StringComparison.Ordinal);
    }

    [Fact]
    public async Task X6_LW4_before_the_contract_the_renunciation_is_free_the_open_deposit_invoice_is_credited_and_the_100_euros_paid_are_refunded()
    {
        var order = await OrderAsync(app, March16, stage: Stage.Pending, partialDeposit: 100m);
        using var sales = await app.SignedInAsync(Roles.Sales);
        using var response = await PreviewCancellationAsync(sales, order.Id, "client", "2026-03-02");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Décision : Renonciation sans frais avant la conclusion du contrat", preview, StringComparison.Ordinal);
        Assert.Contains("Le contrat n'était pas conclu (documents signés et acompte non reçus tous deux) : la renonciation ne coûte rien (X6).", preview, StringComparison.Ordinal);
        Assert.Equal("0,00 €", Amount(preview, "Dû au titre de la décision (client et OPCO)"));
        Assert.Equal("100,00 €", Amount(preview, "À rembourser au client"));
        var acp = Assert.Single((await ReadAsync(app, order.Id)).Invoices).Number.ToString();
        Assert.Contains($"Un avoir annule le reste dû de la facture {acp} : 1 185,20 €", preview, StringComparison.Ordinal);

        using (var confirmed = await ConfirmAsync(sales, preview))
            Assert.Contains($"sur {acp}. À rembourser au client : 100,00 €.", await FlashAfterAsync(sales, confirmed, order.Id), StringComparison.Ordinal);
        var after = await ReadAsync(app, order.Id);
        Assert.Equal(OrderStatus.Cancelled, after.Status);
        var deposit = Assert.Single(after.Invoices, i => i.Kind == InvoiceKind.Deposit);
        var note = Assert.Single(after.Invoices, i => i.Kind == InvoiceKind.CreditNote);
        Assert.Matches("^AV-2026-[0-9]{6}$", note.Number.ToString());
        Assert.Equal((1185.20m, deposit.Id), (note.Ttc.Amount, note.CreditsInvoiceId!.Value));
        Assert.True(deposit.AmountDue.IsZero);
        Assert.DoesNotContain(after.Invoices, i => i.Kind == InvoiceKind.Indemnity);
        Assert.Equal(100m, after.RefundDue.Amount);

        var pdf = await PdfTextAsync(app, order.Id, note.Number.ToString());
        foreach (var expected in new[] { $"Avoir n° {note.Number}", $"Facture corrigée n° {acp}", "1 185,20 €", "qui reste conservée" })
            Assert.True(pdf.Contains(expected, StringComparison.Ordinal), $"L'avoir ne contient pas « {expected} » :\n{pdf}");
        var mail = await OrderSteps.SingleMailAsync(app, OrderChangeEmails.CancelledKind, order.Email);
        Assert.Contains($"l'avoir {note.Number} de 1 185,20 €, qui annule le reste dû de la facture {acp}", TestClient.Readable(mail.TextBody ?? ""), StringComparison.Ordinal);
        Assert.Equal(pdf, ProposalSteps.PdfText(await OrderSteps.AttachmentAsync(mail, $"avoir-{note.Number}.pdf")));
    }

    [Fact]
    public async Task C3_X6_signed_documents_returned_without_the_deposit_then_a_renunciation_bills_the_350_euros_of_preparation_recorded_on_the_proposal()
    {
        var order = await OrderAsync(app, March16, stage: Stage.SignedWithoutDeposit, preparationCost: 350m);
        using var admin = await app.SignedInAsync(Roles.Admin);
        Assert.DoesNotContain("Voir les conséquences du report", await admin.GetPageAsync($"/gestion/commandes/{order.Id}"), StringComparison.Ordinal);
        using var response = await PreviewCancellationAsync(admin, order.Id, "client", "2026-03-02");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("Décision : Frais d'élaboration de la proposition dus", preview, StringComparison.Ordinal);
        Assert.Contains("Le client a renvoyé les documents signés sans verser l'acompte puis renonce : seuls les frais d'élaboration de la proposition, 350,00 €, sont dus (C3, X6).", preview, StringComparison.Ordinal);
        Assert.Contains("<strong>X6 (CGV 3.5, annulation), C3 (CGV 2.2, contrat)</strong>", preview, StringComparison.Ordinal);
        Assert.Equal("350,00 €", Amount(preview, "Dû au titre de la décision (client et OPCO)"));
        Assert.Equal("350,00 €", Amount(preview, "À payer immédiatement par le client"));

        using (var confirmed = await ConfirmAsync(admin, preview))
            Assert.Contains("de 350,00 € émise.", await FlashAfterAsync(admin, confirmed, order.Id), StringComparison.Ordinal);
        var invoice = Assert.Single((await ReadAsync(app, order.Id)).Invoices);
        Assert.Equal((InvoiceKind.Indemnity, 350.00m, 291.67m, 58.33m), (invoice.Kind, invoice.Ttc.Amount, invoice.Ht.Amount, invoice.Vat.Amount));
        var pdf = await PdfTextAsync(app, order.Id, invoice.Number.ToString());
        Assert.Contains("Indemnité (X6,C3)", pdf, StringComparison.Ordinal);
        Assert.Contains("350,00 €", pdf, StringComparison.Ordinal);
        var mail = await OrderSteps.SingleMailAsync(app, OrderChangeEmails.CancelledKind, order.Email);
        Assert.Contains("Clauses appliquées : X6 (CGV 3.5, annulation), C3 (CGV 2.2, contrat)", TestClient.Readable(mail.TextBody ?? ""), StringComparison.Ordinal);
        Assert.Single(mail.Attachments);
    }

    [Fact]
    public async Task R4_X3_with_subrogation_the_client_pays_what_the_opco_does_not_cover_of_the_cancellation_indemnity()
    {
        var order = await OrderAsync(app, March16, opco: (2000m, 1000m));
        using var admin = await app.SignedInAsync(Roles.Admin);
        using var response = await PreviewCancellationAsync(admin, order.Id, "client", "2026-03-02");
        var preview = Squeezed(await PageAsync(response));
        Assert.Contains("<strong>X3 (CGV 3.5, annulation), R4 (CGV 3.6, report)</strong>", preview, StringComparison.Ordinal);
        Assert.Contains("<dt>Prise en charge OPCO</dt><dd>OPCO EP, en subrogation</dd>", preview, StringComparison.Ordinal);
        Assert.Equal("4 284,00 €", Amount(preview, "Dû au titre de la décision (client et OPCO)"));
        Assert.Equal("1 000,00 €", Amount(preview, "dont part de l'OPCO, en subrogation (R4)"));
        Assert.Equal("3 284,00 €", Amount(preview, "Part du client"));
        Assert.Equal("1 998,80 €", Amount(preview, "À payer immédiatement par le client"));
        Assert.Contains("La part de l'OPCO (1 000,00 €) reste à la charge de l'OPCO (R4).", preview, StringComparison.Ordinal);

        using (var confirmed = await ConfirmAsync(admin, preview))
            Assert.Contains("de 1 998,80 € émise.", await FlashAfterAsync(admin, confirmed, order.Id), StringComparison.Ordinal);
        var after = await ReadAsync(app, order.Id);
        Assert.Equal(1998.80m, Assert.Single(after.Invoices, i => i.Kind == InvoiceKind.Indemnity && i.Payer == InvoicePayer.Client).Ttc.Amount);
        var opcoPart = Assert.Single(after.Invoices, i => i.Kind == InvoiceKind.Indemnity && i.Payer == InvoicePayer.Opco); // R4: the OPCO billed its part
        Assert.Equal(1000m, opcoPart.Ttc.Amount);
        Assert.Contains("OPCO EP", opcoPart.Label, StringComparison.Ordinal);
        Assert.Equal(1000m, Assert.Single(after.Decisions).OpcoPart.Amount);
        var text = TestClient.Readable((await OrderSteps.SingleMailAsync(app, OrderChangeEmails.CancelledKind, order.Email)).TextBody ?? "");
        Assert.Contains("dont pris en charge par votre OPCO (subrogation) : 1 000,00 €", text, StringComparison.Ordinal);
        Assert.Contains("À payer dès réception de la facture : 1 998,80 €", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task X1_the_receipt_date_is_neither_in_the_future_nor_before_the_order_and_the_document_is_a_pdf_or_an_image_checked_by_its_content()
    {
        var order = await OrderAsync(app, March16);
        using var sales = await app.SignedInAsync(Roles.Sales);
        using (var future = await PreviewCancellationAsync(sales, order.Id, "client", "2026-03-03"))
        {
            var page = await PageAsync(future);
            Assert.Contains("<p class=\"field-error\" id=\"annulation-ReceivedOn-err\">La date de réception de la demande écrite ne peut pas être dans le futur.</p>", page, StringComparison.Ordinal);
            Assert.Contains("aria-describedby=\"annulation-ReceivedOn-err\"", page, StringComparison.Ordinal);
            Assert.Contains("<details class=\"change-form\" open=\"open\">", page, StringComparison.Ordinal);
        }
        using (var early = await PreviewCancellationAsync(sales, order.Id, "client", "2026-02-01"))
            Assert.Contains("La commande date du 02/02/2026 : la demande ne peut pas avoir été reçue avant.", await PageAsync(early), StringComparison.Ordinal);
        using (var text = await sales.PostMultipartAsync($"/gestion/commandes/{order.Id}", $"/gestion/commandes/{order.Id}/annulation/apercu",
                   [new("Reason", "client"), new("ReceivedOn", "2026-03-02")], [("File", "lettre.pdf", "application/pdf", "pas un PDF"u8.ToArray())]))
            Assert.Contains("Le fichier de la demande écrite n'est ni un PDF, ni une image JPEG ou PNG", await PageAsync(text), StringComparison.Ordinal);
        using (var reason = await sales.PostMultipartAsync($"/gestion/commandes/{order.Id}", $"/gestion/commandes/{order.Id}/annulation/apercu",
                   [new("Reason", "autre"), new("ReceivedOn", "")], []))
        {
            var page = await PageAsync(reason);
            Assert.Contains("Choisissez le motif de l'annulation.", page, StringComparison.Ordinal);
            Assert.Contains("Indiquez la date de réception de la demande écrite.", page, StringComparison.Ordinal);
        }
        await AssertUnchangedAsync(order);
        Assert.Empty(await WrittenRequestsAsync(app, order.ClientId));
    }

    [Fact]
    public async Task The_changes_are_for_the_staff_only_and_an_unknown_order_is_a_404()
    {
        var order = await OrderAsync(app, March16);
        using var client = await app.SignedInAsync(Roles.Client);
        using (var denied = await client.GetAsync($"/gestion/commandes/{order.Id}/report/expiration"))
            Assert.StartsWith("/compte/acces-refuse", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var sales = await app.SignedInAsync(Roles.Sales);
        using (var missing = await sales.GetAsync($"/gestion/commandes/{Guid.NewGuid()}/report/expiration"))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        foreach (var action in new[] { "annulation/apercu", "report/apercu" })
        {
            using var missing = await sales.PostMultipartAsync($"/gestion/commandes/{order.Id}", $"/gestion/commandes/{Guid.NewGuid()}/{action}",
                [new("Reason", "client"), new("ReceivedOn", "2026-03-02"), new("EmailReference", "e-mail"), new("NewStartsOn", "2026-05-04"), new("NewEndsOn", "2026-05-05")], []);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> RefundAsync(TestClient staff, Guid orderId, string amount, string reference) =>
        await staff.PostFormAsync($"/gestion/commandes/{orderId}", $"/gestion/commandes/{orderId}/remboursements",
            ("Amount", amount), ("PaidOn", "2026-03-02"), ("Reference", reference));

    /// <summary>No decision, no invoice but the deposit's, still confirmed, no e-mail.</summary>
    private async Task AssertUnchangedAsync(SeededOrder order)
    {
        var after = await ReadAsync(app, order.Id);
        Assert.Equal(OrderStatus.Confirmed, after.Status);
        Assert.Empty(after.Decisions);
        Assert.Equal([InvoiceKind.Deposit], after.Invoices.Select(i => i.Kind));
        Assert.Equal(D("2026-03-16"), after.StartsOn);
        Assert.Equal(0, await MailCountAsync(app, order.Email));
    }
}
