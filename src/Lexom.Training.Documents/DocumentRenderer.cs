using Lexom.Training.Documents.Layout;
using Lexom.Training.Documents.Templates;

namespace Lexom.Training.Documents;

/// <summary>Turns a document record into PDF bytes. Implementations are thread-safe.</summary>
public interface IDocumentRenderer
{
    byte[] Render(ProposalDocument document);

    byte[] Render(TrainingAgreementDocument document);

    byte[] Render(InvoiceDocument document);

    byte[] Render(AttestationDocument document);

    byte[] Render(CourseSheetDocument document);

    byte[] Render(AttendanceSheetDocument document);
}

/// <summary>
/// The PDF renderer (PDFsharp). Stateless and thread-safe: each call builds its own document; the embedded
/// fonts are installed once per process on first use. Register it as a singleton.
/// </summary>
public sealed class DocumentRenderer : IDocumentRenderer
{
    public DocumentRenderer()
    {
        DocumentFonts.EnsureInstalled();
    }

    /// <summary>A shared instance for callers without dependency injection.</summary>
    public static DocumentRenderer Instance { get; } = new();

    public byte[] Render(ProposalDocument document) => ProposalPdf.Render(document);

    public byte[] Render(TrainingAgreementDocument document) => TrainingAgreementPdf.Render(document);

    public byte[] Render(InvoiceDocument document) => InvoicePdf.Render(document);

    public byte[] Render(AttestationDocument document) => AttestationPdf.Render(document);

    public byte[] Render(CourseSheetDocument document) => CourseSheetPdf.Render(document);

    public byte[] Render(AttendanceSheetDocument document) => AttendanceSheetPdf.Render(document);
}
