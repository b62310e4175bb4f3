using System.Net;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using static Lexom.Training.Web.Tests.Opco.MoneySeeds;

namespace Lexom.Training.Web.Tests.LatePayment;

/// <summary>T1 through the order page: the formal notice, its answer, the termination from notice + 9. Each test has its own app: the clock moves.</summary>
public sealed class FormalNoticeTests
{
    private static Task<Seeded> ConfirmedAsync(LexomApp app) =>
        OrderAsync(app, new(2026, 2, 16), new(2026, 4, 13), new(2026, 4, 14), ConfirmAsync);

    private static Task<HttpResponseMessage> NoticeAsync(TestClient staff, Guid orderId, string on, byte[]? file = null) =>
        staff.PostMultipartAsync($"/gestion/commandes/{orderId}", $"/gestion/commandes/{orderId}/mise-en-demeure",
            [new("NoticeOn", on)], file is null ? [] : [("NoticeFile", "lettre-recommandee.pdf", "application/pdf", file)]);

    private static Task<HttpResponseMessage> TerminateAsync(TestClient staff, Guid orderId) =>
        staff.PostFormAsync($"/gestion/commandes/{orderId}", $"/gestion/commandes/{orderId}/resolution");

    [Fact]
    public async Task T1_a_notice_of_2_march_unanswered_is_refused_termination_on_day_8_and_allows_it_on_day_9()
    {
        await using var app = await StartAsync();
        var s = await ConfirmedAsync(app);
        using (var sales = await app.SignedInAsync(Roles.Sales))
        {
            Assert.Contains("Aucune mise en demeure n'est enregistrée.", await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
            // The file is required; nothing is recorded without it.
            using (await NoticeAsync(sales, s.OrderId, "2026-03-02")) { }
            Assert.Contains("Joignez la mise en demeure envoyée (PDF, JPEG ou PNG) (T1).", await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
            Assert.Null((await LoadAsync(app, s.OrderId)).FormalNoticeOn);
            // Not in the future.
            using (await NoticeAsync(sales, s.OrderId, "2026-03-03", OrderSteps.Pdf)) { }
            Assert.Contains("La date de la mise en demeure ne peut pas être dans le futur.", await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);

            using (var recorded = await NoticeAsync(sales, s.OrderId, "2026-03-02", OrderSteps.Pdf))
                Assert.Equal($"/gestion/commandes/{s.OrderId}#retards", recorded.Headers.Location!.OriginalString);
            var page = Squeezed(await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"));
            Assert.Contains("Mise en demeure enregistrée (T1).", page, StringComparison.Ordinal);
            Assert.Contains("<dt>Mise en demeure du</dt><dd>2 mars 2026 — <a href=\"/gestion/fichiers/", page, StringComparison.Ordinal);
            Assert.Contains($"mise-en-demeure-{s.Number}-20260302.pdf</a>", page, StringComparison.Ordinal);
            Assert.Contains("<dt>Délai de réponse</dt><dd>jusqu'au 10 mars 2026 inclus</dd>", page, StringComparison.Ordinal);
            Assert.Contains("<dt>Résolution possible à partir du</dt><dd>11 mars 2026</dd>", page, StringComparison.Ordinal);
            Assert.Contains("Mise en demeure du 02/03/2026 : sans réponse au 10/03/2026 inclus, le contrat pourra être résolu à partir du 11/03/2026 (T1).", page, StringComparison.Ordinal);
            Assert.DoesNotContain($"/gestion/commandes/{s.OrderId}/resolution", page, StringComparison.Ordinal);
        }
        await using (var db = app.OpenDb())
            Assert.Equal(StoredFileKind.WrittenRequest, (await db.StoredFiles.AsNoTracking().SingleAsync(f => f.OrderId == s.OrderId && f.FileName.StartsWith("mise-en-demeure-"))).Kind);

        // Day 8 (10 March): refused with the domain's sentence; nothing changes.
        app.Clock.SetUtcNow(Paris(2026, 3, 10, 18, 0));
        using (var sales = await app.SignedInAsync(Roles.Sales))
        {
            using (var refused = await TerminateAsync(sales, s.OrderId))
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("Mise en demeure du 02/03/2026 : sans réponse au 10/03/2026 inclus, le contrat pourra être résolu à partir du 11/03/2026 (T1).",
                await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
            var order = await LoadAsync(app, s.OrderId);
            Assert.Equal(OrderStatus.Confirmed, order.Status);
            Assert.Null(order.ClosedOn);
            await using var db = app.OpenDb();
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Kind == LatePaymentEmails.TerminatedKind));
        }

        // Day 9 (11 March): « Résoudre le contrat ».
        app.Clock.SetUtcNow(Paris(2026, 3, 11, 9, 0));
        using (var sales = await app.SignedInAsync(Roles.Sales))
        {
            var page = await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}");
            Assert.Contains("Mise en demeure du 02/03/2026 restée sans réponse huit jours (jusqu'au 10/03/2026) : le contrat peut être résolu depuis le 11/03/2026 (T1).", page, StringComparison.Ordinal);
            Assert.Contains("Résoudre le contrat</button>", page, StringComparison.Ordinal);
            using (var done = await TerminateAsync(sales, s.OrderId))
                Assert.Equal($"/gestion/commandes/{s.OrderId}#retards", done.Headers.Location!.OriginalString);
            var order = await LoadAsync(app, s.OrderId);
            Assert.Equal((OrderStatus.Terminated, new DateOnly(2026, 3, 11)), (order.Status, order.ClosedOn));
            Assert.Equal(DecisionKind.Termination, order.Decisions[^1].Kind);
            var after = await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}");
            Assert.Contains("Contrat résolu (T1) : le client en est informé par e-mail.", after, StringComparison.Ordinal);
            Assert.Contains("Contrat résolu le 11 mars 2026.", after, StringComparison.Ordinal);
            var mail = await OrderSteps.SingleMailAsync(app, LatePaymentEmails.TerminatedKind, s.Email);
            Assert.Equal($"Résolution du contrat : commande {s.Number}", mail.Subject);
            Assert.Contains("le contrat est résolu à compter du 11 mars 2026", TestClient.Readable(mail.TextBody ?? ""), StringComparison.Ordinal);
            // A second click changes nothing.
            using (await TerminateAsync(sales, s.OrderId)) { }
            Assert.Contains("Le contrat est déjà résolu depuis le 11/03/2026.", await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
            await OrderSteps.SingleMailAsync(app, LatePaymentEmails.TerminatedKind, s.Email);
        }
    }

    [Fact]
    public async Task T1_a_notice_answered_within_the_8_days_does_not_allow_termination()
    {
        await using var app = await StartAsync();
        var s = await ConfirmedAsync(app);
        using (var sales = await app.SignedInAsync(Roles.Sales))
        using (await NoticeAsync(sales, s.OrderId, "2026-03-02", OrderSteps.Pdf)) { }

        app.Clock.SetUtcNow(Paris(2026, 3, 6));
        using (var sales = await app.SignedInAsync(Roles.Sales))
        {
            using (await sales.PostFormAsync($"/gestion/commandes/{s.OrderId}", $"/gestion/commandes/{s.OrderId}/mise-en-demeure/reponse", ("AnsweredOn", "2026-03-01"))) { }
            Assert.Contains("La réponse ne peut pas précéder la mise en demeure du 02/03/2026.", await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
            using (await sales.PostFormAsync($"/gestion/commandes/{s.OrderId}", $"/gestion/commandes/{s.OrderId}/mise-en-demeure/reponse", ("AnsweredOn", "2026-03-05"))) { }
            var page = Squeezed(await sales.GetPageAsync($"/gestion/commandes/{s.OrderId}"));
            Assert.Contains("<dt>Réponse du client</dt><dd>le 5 mars 2026</dd>", page, StringComparison.Ordinal);
        }
        Assert.Equal(new DateOnly(2026, 3, 5), (await LoadAsync(app, s.OrderId)).FormalNoticeAnsweredOn);

        app.Clock.SetUtcNow(Paris(2026, 3, 20));
        using var later = await app.SignedInAsync(Roles.Sales);
        var text = "Le client a répondu le 05/03/2026 à la mise en demeure du 02/03/2026 : pas de résolution sur ce fondement (T1).";
        Assert.Contains(text, await later.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
        using (await TerminateAsync(later, s.OrderId)) { }
        Assert.Contains(text, await later.GetPageAsync($"/gestion/commandes/{s.OrderId}"), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Confirmed, (await LoadAsync(app, s.OrderId)).Status);
    }

    private static string Squeezed(string html) => System.Text.RegularExpressions.Regex.Replace(html, ">\\s+<", "><");
}
