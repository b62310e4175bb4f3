using System.Text;
using Lexom.Training.Documents;

namespace Lexom.Training.Web.Email.Templates;

/// <summary>
/// The frame of every e-mail: a plain HTML page (tables and inline styles, which mail clients understand)
/// and its plain-text twin, both ending with LEXOM's identity (LW3). Templates write their body with
/// <see cref="Html"/> and <see cref="Text"/> builders and call <see cref="Render"/>.
/// </summary>
public static class EmailLayout
{
    private const string Brand = "#1d4f91";

    /// <summary>Wraps a body (already HTML-encoded) and its text version into a complete message.</summary>
    public static EmailContent Render(string subject, string htmlBody, string textBody, SellerIdentity seller, IReadOnlyList<EmailAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f4f6f9;font-family:Arial,Helvetica,sans-serif;color:#1b2430;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f4f6f9;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">\n")
            .Append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;width:100%;background:#ffffff;border:1px solid #d8dee8;border-radius:6px;\">\n")
            .Append("<tr><td style=\"background:").Append(Brand).Append(";color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold;border-radius:6px 6px 0 0;\">LEXOM <span style=\"font-weight:normal;font-size:15px;\">Formation</span></td></tr>\n")
            .Append("<tr><td style=\"padding:24px;font-size:15px;line-height:1.5;\">\n")
            .Append(htmlBody)
            .Append("\n</td></tr>\n")
            .Append("<tr><td style=\"padding:16px 24px;border-top:1px solid #d8dee8;font-size:12px;line-height:1.5;color:#5b6675;\">\n");
        foreach (var line in FooterLines(seller))
            html.Append(Encode(line)).Append("<br>\n");
        html.Append("</td></tr>\n</table>\n</td></tr></table>\n</body>\n</html>\n");

        var text = new StringBuilder(textBody.TrimEnd()).Append("\n\n-- \n");
        foreach (var line in FooterLines(seller))
            text.Append(line).Append('\n');

        return new EmailContent(subject, html.ToString(), text.ToString(), attachments);
    }

    /// <summary>A link to the client space at the end of a letter: its HTML label and the sentence that leads to it in the text version.</summary>
    public sealed record PortalLink(string Url, string HtmlLabel, string TextLead);

    /// <summary>
    /// A letter to a contact: « Bonjour … », the paragraphs, an optional link to the client space, LEXOM's signature, in
    /// HTML and in plain text.
    /// </summary>
    public static EmailContent Letter(string subject, string contactName, IEnumerable<string> paragraphs, PortalLink? link, SellerIdentity seller, IReadOnlyList<EmailAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var html = new StringBuilder().Append(P($"Bonjour {contactName},"));
        var text = new StringBuilder().Append("Bonjour ").Append(contactName).Append(",\n\n");
        foreach (var paragraph in paragraphs)
        {
            html.Append(P(paragraph));
            text.Append(paragraph).Append("\n\n");
        }

        if (link is not null)
        {
            html.Append("<p style=\"margin:0 0 14px;\">").Append(Link(link.Url, link.HtmlLabel)).Append("</p>\n");
            text.Append(link.TextLead).Append(" : ").Append(link.Url).Append("\n\n");
        }

        html.Append(P("Bien cordialement,")).Append(P("L'équipe LEXOM Formation"));
        text.Append("Bien cordialement,\nL'équipe LEXOM Formation\n");
        return Render(subject, html.ToString(), text.ToString(), seller, attachments);
    }

    /// <summary>LEXOM's identity, as at the foot of its documents.</summary>
    public static IEnumerable<string> FooterLines(SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var a = seller.Address;
        yield return $"{seller.LegalName}, {seller.LegalForm}";
        yield return string.Join(", ", new[] { a.Line1, a.Line2, $"{a.PostalCode} {a.City}" }.Where(s => !string.IsNullOrWhiteSpace(s)));
        yield return $"SIRET {seller.Siret} · {seller.Rcs} · TVA {seller.VatNumber}";
        yield return $"Déclaration d'activité n° {seller.TrainingDeclarationNumber} auprès du préfet de la région {seller.TrainingDeclarationRegion}";
        yield return $"{seller.Email} · {seller.Phone} · {seller.Website}";
        yield return $"Vos données personnelles : {seller.DpoEmail}";
        if (seller.IsPlaceholder)
            yield return "Identité fictive de démonstration : ce message n'a aucune valeur.";
    }

    /// <summary>Escapes the five HTML-special characters; accents stay as they are (the message is UTF-8).</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>A paragraph.</summary>
    public static string P(string text) => $"<p style=\"margin:0 0 14px;\">{Encode(text)}</p>\n";

    /// <summary>A link whose text is its address (readable in any client, and in the text part).</summary>
    public static string Link(string url, string? label = null) =>
        $"<a href=\"{Encode(url)}\" style=\"color:{Brand};\">{Encode(label ?? url)}</a>";

    /// <summary>A button-like link.</summary>
    public static string Button(string url, string label) =>
        $"<p style=\"margin:18px 0;\"><a href=\"{Encode(url)}\" style=\"display:inline-block;background:{Brand};color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:4px;font-weight:bold;\">{Encode(label)}</a></p>\n";
}
