using Lexom.Training.Documents.Layout;

namespace Lexom.Training.Documents.Templates;

/// <summary>Feuille d'émargement (A1): per day, each trainee's morning and afternoon, with the trainer's signature.</summary>
internal static class AttendanceSheetPdf
{
    public static byte[] Render(AttendanceSheetDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.End < d.Start) throw new ArgumentException("The session ends before it starts.", nameof(d));

        using var doc = new FlowDocument(
            Parts.Chrome(d.Seller, "Feuille d'émargement", $"{d.CourseReference} — {Fr.ShortDate(d.Start)}"),
            $"Feuille d'émargement — {d.CourseReference}", $"{d.CourseReference} — {d.CourseTitle}", d.Seller.LegalName);

        doc.Heading("Feuille d'émargement", 1);
        doc.Paragraph(d.CourseTitle, new TextStyle(12, true, Theme.Ink), spaceAfter: 6);
        Parts.Facts(doc,
        [
            ("Référence", d.CourseReference),
            ("Dates", Parts.Capitalize(Fr.Range(d.Start, d.End))),
            ("Lieu", d.Place),
            ("Formateur", d.TrainerName ?? "…………………………………………"),
            ("Demi-journée", Fr.Hours(d.HalfDayHours)),
        ]);
        doc.Paragraph("Chaque stagiaire signe pour chaque demi-journée de présence (A1). Une demi-journée déjà saisie dans l'application est imprimée avec son état.",
            Theme.Small, spaceAfter: 6);

        for (var day = d.Start; day <= d.End; day = day.AddDays(1))
        {
            var current = day;
            doc.Heading(Parts.Capitalize(Fr.Date(current)), 3);
            doc.Table(
                [new TableColumn("Stagiaire", 2.4), new TableColumn("Entreprise", 2), new TableColumn("Matin", 1.6), new TableColumn("Après-midi", 1.6)],
                d.Trainees.Select(t => TableRow.Of(t.Name, t.CompanyName ?? "", Cell(t, current, "Matin"), Cell(t, current, "Après-midi"))),
                new TableOptions { PadY = 9, Zebra = false });
        }

        doc.Boxes(
        [
            BoxSpec.Lines("Le formateur", [d.TrainerName ?? "Nom :", "Signature :"], Theme.Small),
            BoxSpec.Lines("Pour LEXOM, l'organisme de formation", [d.Seller.Signatory, "Signature et cachet :"], Theme.Small),
        ], minHeight: 70);
        return doc.Finish();
    }

    private static string Cell(AttendanceSheetTrainee trainee, DateOnly day, string halfDay) =>
        trainee.Recorded.FirstOrDefault(a => a.Date == day && a.HalfDay == halfDay) is { } recorded
            ? recorded.Present ? "Présent(e)" : "Absent(e)"
            : "";
}
