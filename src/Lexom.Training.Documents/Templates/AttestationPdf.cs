using Lexom.Training.Documents.Layout;

namespace Lexom.Training.Documents.Templates;

/// <summary>Attestation de fin de formation (K1, LW2, A1).</summary>
internal static class AttestationPdf
{
    public static byte[] Render(AttestationDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.Objectives.Count == 0)
        {
            throw new ArgumentException("K1: an attestation lists every pedagogical objective of the course; none was given.", nameof(d));
        }

        var reference = d.Number is null ? $"{d.CourseReference} — {Fr.ShortDate(d.End)}" : $"N° {d.Number}";
        using var doc = new FlowDocument(
            Parts.Chrome(d.Seller, "Attestation de fin de formation", reference),
            $"Attestation de fin de formation — {d.TraineeName}", $"{d.CourseReference} — {d.CourseTitle}", d.Seller.LegalName);

        doc.Heading("Attestation de fin de formation", 1);
        doc.Paragraph("Article L6353-1 du Code du travail", Theme.Small, spaceAfter: 8);
        doc.Paragraph(
            $"Je soussigné(e), {d.Seller.Signatory}, représentant l'organisme de formation {d.Seller.LegalName} "
            + $"(déclaration d'activité n° {d.Seller.TrainingDeclarationNumber}), atteste que :",
            spaceAfter: 8);
        doc.Paragraph(d.TraineeName, new TextStyle(14, true, Theme.Navy), TextAlign.Center, spaceAfter: 2);
        if (!string.IsNullOrWhiteSpace(d.CompanyName))
        {
            doc.Paragraph($"salarié(e) de {d.CompanyName}", Theme.Body, TextAlign.Center, spaceAfter: 8);
        }
        else
        {
            doc.Space(6);
        }

        doc.Paragraph("a suivi l'action de formation :", spaceAfter: 4);
        doc.Paragraph(d.CourseTitle, new TextStyle(12, true, Theme.Ink), TextAlign.Center, spaceAfter: 8);

        var rate = d.DurationHours > 0 ? Math.Round(d.AttendedHours / d.DurationHours, 2, MidpointRounding.AwayFromZero) : 0m;
        Parts.Facts(doc,
        [
            ("Référence", d.CourseReference),
            ("Nature de l'action", d.NatureOfAction),
            ("Dates", Parts.Capitalize(Fr.Range(d.Start, d.End))),
            ("Lieu", d.Place),
            ("Durée de la formation", Fr.Hours(d.DurationHours)),
            ("Durée suivie", $"{Fr.Hours(d.AttendedHours)} (assiduité : {Fr.Percent(rate)})"),
        ]);

        doc.Heading("Objectifs pédagogiques", 3);
        if (d.ObjectiveAssessments.Count == d.Objectives.Count)
        {
            doc.Table(
                [new TableColumn("Objectif", 4), new TableColumn("Évaluation", 1.4)],
                d.Objectives.Select((o, i) => TableRow.Of(o, d.ObjectiveAssessments[i])));
        }
        else
        {
            doc.Bullets(d.Objectives);
        }

        doc.Heading("Évaluation des acquis", 3);
        doc.Bullets(d.EvaluationMethods);
        doc.Paragraph([new Span("Résultats de l'évaluation : ", Theme.BodyBold), new Span(d.EvaluationResult, Theme.Body)], spaceAfter: 6);

        if (d.Attendance.Count > 0)
        {
            doc.Heading("Assiduité (feuilles d'émargement)", 3);
            doc.Table(
                [new TableColumn("Date", 2), new TableColumn("Demi-journée", 1.5), new TableColumn("Présence", 1.2), new TableColumn("Heures", 1, TextAlign.Right)],
                d.Attendance.Select(a => TableRow.Of(Fr.Date(a.Date), a.HalfDay, a.Present ? "Présent(e)" : "Absent(e)", Fr.Hours(a.Present ? a.Hours : 0))),
                new TableOptions { Body = Theme.Body.WithSize(8), PadY = 1.8 });
        }

        doc.Paragraph($"Fait à {d.Seller.SignatureCity}, le {Fr.Date(d.IssuedOn)}, pour servir et valoir ce que de droit.", spaceAfter: 8);
        doc.Boxes(
        [
            BoxSpec.Lines("Le stagiaire", ["Signature :"], Theme.Small),
            BoxSpec.Lines("Pour LEXOM, l'organisme de formation", [d.Seller.Signatory, "Signature et cachet :"], Theme.Small),
        ], minHeight: 80);
        return doc.Finish();
    }
}
