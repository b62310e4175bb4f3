using System.Text;
using Lexom.Training.Documents;
using Lexom.Training.Web.Email;
using Lexom.Training.Web.Email.Templates;
using MimeKit;

namespace Lexom.Training.Web.Tests.Email;

/// <summary>Templates and MIME composition, without SMTP nor database.</summary>
public sealed class EmailTemplateTests
{
    private static readonly ProgrammeEmailModel Model = new(
        "RCL-RCL-02", "CRM <fondamentaux> & enjeux", 1.5m, 10.5m,
        "https://www.lexom.test/formations/RCL-RCL-02", "https://www.lexom.test/demande-de-proposition?formation=RCL-RCL-02",
        "%PDF-1.7 factice"u8.ToArray());

    [Fact]
    public void The_programme_email_is_french_html_with_a_text_alternative_and_the_pdf()
    {
        var content = ProgrammeEmail.Render(Model, SellerIdentity.DemoPlaceholder);

        Assert.Equal("Programme de la formation « CRM <fondamentaux> & enjeux » (RCL-RCL-02)", content.Subject);
        Assert.Contains("(référence RCL-RCL-02, 1,5 jours, 10,5 heures)", content.Text, StringComparison.Ordinal);
        Assert.Contains("Demander une proposition : https://www.lexom.test/demande-de-proposition?formation=RCL-RCL-02", content.Text, StringComparison.Ordinal);
        Assert.Contains("CRM &lt;fondamentaux&gt; &amp; enjeux", content.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<fondamentaux>", content.Html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"fr\">", content.Html, StringComparison.Ordinal);
        var attachment = Assert.Single(content.Attachments);
        Assert.Equal("programme-RCL-RCL-02.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
    }

    [Fact]
    public void Every_email_ends_with_lexom_identity_and_the_demo_warning_when_the_identity_is_fictive()
    {
        var content = ProgrammeEmail.Render(Model, SellerIdentity.DemoPlaceholder);
        var seller = SellerIdentity.DemoPlaceholder;
        foreach (var expected in new[] { $"SIRET {seller.Siret}", $"Déclaration d'activité n° {seller.TrainingDeclarationNumber}", seller.DpoEmail, "Identité fictive de démonstration" })
        {
            Assert.Contains(expected, content.Text, StringComparison.Ordinal);
            Assert.Contains(EmailLayout.Encode(expected), content.Html, StringComparison.Ordinal);
        }
        var real = ProgrammeEmail.Render(Model, seller with { IsPlaceholder = false });
        Assert.DoesNotContain("Identité fictive", real.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mime_message_has_text_and_html_alternatives_the_attachment_and_a_message_id_on_the_sender_domain()
    {
        var id = Guid.NewGuid();
        var content = ProgrammeEmail.Render(Model, SellerIdentity.DemoPlaceholder);
        using var message = EmailOutbox.Compose(id, new EmailRecipient("client@exemple.fr", "Élodie Dupré"), content,
            new EmailOptions { From = "LEXOM Formation <formation@lexom.fr>", ReplyTo = "commercial@lexom.fr" }, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal($"{id:N}@lexom.fr", message.MessageId);
        Assert.Equal("commercial@lexom.fr", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("Élodie Dupré", message.To.Mailboxes.Single().Name);
        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("programme-RCL-RCL-02.pdf", Assert.Single(message.Attachments).ContentDisposition!.FileName);

        // The bytes round-trip: what is stored is what is sent.
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        using var parsed = MimeMessage.Load(stream);
        Assert.Equal(content.Subject, parsed.Subject);
        Assert.Equal(message.MessageId, parsed.MessageId);
    }

    [Fact]
    public void The_calendar_attachment_has_one_paris_event_per_slot_with_stable_uids()
    {
        var invite = new CalendarInvite(
            "session-2026-03-16-rcl-rcl-02@lexom.fr", "Formation CRM - fondamentaux et enjeux", "LEXOM, 12 rue des Écoles, 07200 Aubenas",
            "Convocation : accueil à 8 h 45.",
            [new CalendarSlot(new DateTime(2026, 3, 16, 9, 0, 0), new DateTime(2026, 3, 16, 17, 0, 0)),
             new CalendarSlot(new DateTime(2026, 3, 17, 9, 0, 0), new DateTime(2026, 3, 17, 17, 0, 0))],
            "formation@lexom.fr", "LEXOM Formation");

        var attachment = CalendarAttachment.Create(invite);
        Assert.Equal("convocation.ics", attachment.FileName);
        Assert.StartsWith("text/calendar", attachment.ContentType, StringComparison.Ordinal);
        var ics = Encoding.UTF8.GetString(attachment.Content).Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("METHOD:PUBLISH", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
        Assert.Equal(2, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20260316T090000", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Paris:20260317T170000", ics, StringComparison.Ordinal);
        Assert.Contains("UID:1-session-2026-03-16-rcl-rcl-02@lexom.fr", ics, StringComparison.Ordinal);
        Assert.Contains("UID:2-session-2026-03-16-rcl-rcl-02@lexom.fr", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Formation CRM - fondamentaux et enjeux", ics, StringComparison.Ordinal);
        Assert.Contains("Écoles", ics, StringComparison.Ordinal);
        Assert.Contains("mailto:formation@lexom.fr", ics, StringComparison.Ordinal);
    }
}
