using Lexom.Training.Documents.Layout;

namespace Lexom.Training.Documents.Templates;

/// <summary>A course's programme as printed from the catalog (LW6: objectives, prerequisites, audience, duration, methods, evaluation, price, delay, contact, accessibility, last update).</summary>
internal static class CourseSheetPdf
{
    public static byte[] Render(CourseSheetDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        using var doc = new FlowDocument(
            Parts.Chrome(d.Seller, "Programme de formation", $"Réf. {d.Reference} — mis à jour le {Fr.ShortDate(d.LastUpdatedOn)}"),
            $"{d.Reference} — {d.Title}", "Programme de formation", d.Seller.LegalName);

        doc.Paragraph(d.Domain, new TextStyle(8, true, Theme.Accent), spaceAfter: 2);
        doc.Heading(d.Title, 1);
        var facts = new List<(string, string)>
        {
            ("Référence", d.Reference),
            ("Durée", Fr.Duration(d.DurationDays, d.DurationHours)),
            ("Prix INTER", d.InterPricePerParticipant is { } inter ? $"{Fr.Money(inter)} HT par participant" : "Non proposé en INTER"),
            ("Prix INTRA", d.IntraPricePerDay is { } intra ? $"{Fr.Money(intra)} HT par jour, pour un groupe" : "Sur devis"),
        };
        if (d.MaxParticipants is { } max)
        {
            facts.Add(("Effectif", $"{Fr.Int(max)} participants au maximum par session"));
        }

        Parts.Facts(doc, facts);
        doc.Paragraph("Prix hors taxes, TVA en sus au taux en vigueur ; frais de déplacement et de repas des stagiaires non compris.", Theme.Small, spaceAfter: 6);

        doc.Heading("Objectifs de la formation", 2);
        doc.Bullets(d.Objectives);

        doc.Heading("Programme de la formation", 2);
        if (!string.IsNullOrWhiteSpace(d.ProgrammeIntroduction))
        {
            doc.Paragraph(d.ProgrammeIntroduction);
        }

        foreach (var day in d.Programme)
        {
            foreach (var half in day.HalfDays)
            {
                doc.Heading($"Jour {Fr.Int(day.DayNumber)} — {half.Label}", 3);
                foreach (var module in half.Modules)
                {
                    doc.KeepSpace(Theme.Body.Size * LineBreaker.Leading * 3);
                    doc.Paragraph($"{Fr.Int(module.Number)}. {module.Title}", Theme.BodyBold, spaceAfter: 1.5);
                    doc.Bullets(module.Topics, indent: 14, spaceAfter: 4);
                }
            }
        }

        doc.Heading("Pré-requis", 2);
        doc.Bullets(d.Prerequisites);
        doc.Heading("Public cible", 2);
        doc.Bullets(d.Audience);
        doc.Heading("Méthodes pédagogiques", 2);
        doc.Bullets(d.PedagogicalMethods);
        doc.Heading("Modalités d'évaluation", 2);
        doc.Bullets(d.EvaluationMethods);
        doc.Paragraph(d.AttestationStatement);

        doc.Heading("Informations pratiques", 2);
        Parts.Facts(doc,
        [
            ("Accessibilité", d.Accessibility),
            ("Délai d'accès", d.AccessDelay),
            ("Contact", d.Contact),
            ("Dernière mise à jour", Fr.Date(d.LastUpdatedOn)),
        ]);
        return doc.Finish();
    }
}
