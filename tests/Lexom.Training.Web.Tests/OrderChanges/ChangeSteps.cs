using System.Net;
using System.Text.RegularExpressions;
using Lexom.Training.Domain.Orders;
using Lexom.Training.Web.Data;
using Lexom.Training.Web.Tests.Infrastructure;
using Lexom.Training.Web.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Lexom.Training.Web.Tests.OrderChanges;

/// <summary>The steps of the change tests through the pages: the forms of the order page, the preview, « Confirmer ».</summary>
internal static partial class ChangeSteps
{
    // ------------------------------------------------------------------ the pages

    public static readonly (string Field, string FileName, string ContentType, byte[] Content) Letter =
        ("File", "lettre-annulation.pdf", "application/pdf", OrderSteps.Pdf);

    /// <summary>« Annuler la commande » on the order page: the preview (the page the POST answers).</summary>
    public static async Task<HttpResponseMessage> PreviewCancellationAsync(TestClient staff, Guid orderId, string reason, string receivedOn,
        string? emailReference = null, bool withLetter = true) =>
        await staff.PostMultipartAsync($"/gestion/commandes/{orderId}", $"/gestion/commandes/{orderId}/annulation/apercu",
            [new("Reason", reason), new("ReceivedOn", receivedOn), new("EmailReference", emailReference ?? "")],
            withLetter ? [Letter] : []);

    /// <summary>« Reporter la formation » on the order page: the preview.</summary>
    public static async Task<HttpResponseMessage> PreviewPostponementAsync(TestClient staff, Guid orderId, string reason, string receivedOn,
        string newStartsOn, string newEndsOn, string? emailReference = null, bool withLetter = true) =>
        await staff.PostMultipartAsync($"/gestion/commandes/{orderId}", $"/gestion/commandes/{orderId}/report/apercu",
            [new("Reason", reason), new("ReceivedOn", receivedOn), new("EmailReference", emailReference ?? ""), new("NewStartsOn", newStartsOn), new("NewEndsOn", newEndsOn)],
            withLetter ? [Letter with { FileName = "demande-report.pdf" }] : []);

    /// <summary>The preview page of a response, which must be a page (200), readable.</summary>
    public static async Task<string> PageAsync(HttpResponseMessage response)
    {
        var body = await TestClient.BodyAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.Headers.Location}\n{(body.Length > 2000 ? body[..2000] : body)}");
        return body;
    }

    /// <summary>« Confirmer » on a preview page: posts its form as the browser does (hidden fields and antiforgery token).</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(TestClient staff, string previewPage)
    {
        var start = previewPage.IndexOf("<form method=\"post\" action=\"/gestion/commandes/", StringComparison.Ordinal);
        Assert.True(start >= 0, "La page d'aperçu n'a pas de formulaire de confirmation.");
        var form = previewPage[start..previewPage.IndexOf("</form>", start, StringComparison.Ordinal)];
        var action = ActionPattern().Match(form).Groups[1].Value;
        var fields = HiddenPattern().Matches(form).Select(m => new KeyValuePair<string, string>(m.Groups["name"].Value, m.Groups["value"].Value)).ToList();
        Assert.Contains(fields, f => f.Key == "__RequestVerificationToken");
        return await staff.Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The amount a row of the preview's table « Montants de la décision » shows.</summary>
    public static string Amount(string previewPage, string label)
    {
        var match = Regex.Match(previewPage, $"<th scope=\"row\">{Regex.Escape(label)}</th><td>([^<]+)</td>");
        Assert.True(match.Success, $"La ligne « {label} » est absente des montants.");
        return match.Groups[1].Value;
    }

    /// <summary>After a confirmation: the redirect to the order page and the flash it shows.</summary>
    public static async Task<string> FlashAfterAsync(TestClient staff, HttpResponseMessage response, Guid orderId)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/gestion/commandes/{orderId}", response.Headers.Location!.OriginalString);
        var page = await staff.GetPageAsync($"/gestion/commandes/{orderId}");
        var flash = FlashPattern().Match(page);
        Assert.True(flash.Success, "Pas de message après la confirmation.");
        return flash.Groups[1].Value;
    }

    /// <summary>The order with everything a change touches, read back.</summary>
    public static async Task<Order> ReadAsync(LexomApp app, Guid orderId)
    {
        await using var db = app.OpenDb();
        return await db.Orders.AsNoTracking().Include(o => o.Invoices).Include(o => o.Participants).AsSplitQuery().SingleAsync(o => o.Id == orderId);
    }

    public static async Task<List<StoredFile>> WrittenRequestsAsync(LexomApp app, Guid clientId)
    {
        await using var db = app.OpenDb();
        return await db.StoredFiles.AsNoTracking().Where(f => f.ClientId == clientId && f.Kind == StoredFileKind.WrittenRequest).ToListAsync();
    }

    public static async Task<int> MailCountAsync(LexomApp app, string recipient)
    {
        await using var db = app.OpenDb();
        return await db.OutboxMessages.CountAsync(m => m.Recipient == recipient);
    }

    /// <summary>The stored PDF of an invoice or credit note, as text.</summary>
    public static async Task<string> PdfTextAsync(LexomApp app, Guid orderId, string number)
    {
        await using var db = app.OpenDb();
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.OrderId == orderId && f.Kind == StoredFileKind.Invoice && f.FileName.EndsWith($"-{number}.pdf"));
        return Proposals.ProposalSteps.PdfText(file.Content);
    }

    /// <summary>Markup without the white space between tags, so rows read as one line.</summary>
    public static string Squeezed(string html) => BetweenTags().Replace(html, "><");

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<input (?:type=\"hidden\" name=\"(?<name>[^\"]+)\"|name=\"(?<name>[^\"]+)\" type=\"hidden\") value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<p class=\"flash flash-(?:ok|error)\" role=\"(?:status|alert)\">([^<]+)</p>")]
    private static partial Regex FlashPattern();

    [GeneratedRegex(">\\s+<")]
    private static partial Regex BetweenTags();
}
