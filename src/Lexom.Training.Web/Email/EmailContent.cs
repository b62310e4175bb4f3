namespace Lexom.Training.Web.Email;

/// <summary>What a template produces: a subject, the HTML body, its plain-text alternative and the attachments.</summary>
public sealed record EmailContent(string Subject, string Html, string Text, IReadOnlyList<EmailAttachment> Attachments)
{
    public EmailContent(string subject, string html, string text) : this(subject, html, text, []) { }
}

/// <summary>A file joined to a message.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content)
{
    public static EmailAttachment Pdf(string fileName, byte[] content) => new(fileName, "application/pdf", content);
}

/// <summary>Who receives a message.</summary>
public sealed record EmailRecipient(string Address, string? Name = null);
