using System.Net;
using Lexom.Training.Domain.Catalog;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Email.Templates;
using Lexom.Training.Web.Tests.Billing;
using Lexom.Training.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lexom.Training.Web.Tests.Sessions.SessionSteps;

namespace Lexom.Training.Web.Tests.Sessions;

/// <summary>« Clôturer la session » clicked twice at once: the session's row lock serves them one after the other.</summary>
public sealed class SessionClosingConcurrencyTests(LexomApp app) : IClassFixture<LexomApp>
{
    [Fact]
    public async Task K1_M5_two_simultaneous_closes_issue_each_attestation_invoice_and_email_once()
    {
        var order = await BillingSteps.SeedOrderAsync(app, BillingSteps.Past("double-clic@coteaux.example", 2));
        var (sessionId, _, _) = await ClosableSessionAsync(app, [order.Id], null, null);

        using var admin = await app.SignedInAsync(Roles.Admin);
        var page = $"/gestion/sessions/{sessionId}";
        var clicks = await Task.WhenAll(admin.PostFormAsync(page, $"{page}/cloture"), admin.PostFormAsync(page, $"{page}/cloture"));
        foreach (var click in clicks)
        {
            using (click) Redirected(click, $"{page}/attestations");
        }

        await using var db = app.OpenDb();
        Assert.Equal(SessionStatus.Closed, (await db.CourseSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId)).Status);
        Assert.Equal(2, await db.SessionAttestations.CountAsync(a => a.SessionId == sessionId));
        Assert.Equal(2, await db.StoredFiles.CountAsync(f => f.OrderId == order.Id && f.Kind == StoredFileKind.Attestation));
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Kind == AttestationEmail.Kind));
        var invoices = await db.Invoices.AsNoTracking().Where(i => EF.Property<Guid>(i, "OrderId") == order.Id && i.Kind == InvoiceKind.Final).CountAsync();
        Assert.Equal(1, invoices);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == InvoiceEmail.FinalKind));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{page}/attestations")).StatusCode);
    }
}
