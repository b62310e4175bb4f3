namespace Lexom.Training.Documents.Tests;

public class AttestationTests
{
    private static readonly DocumentRenderer Renderer = DocumentRenderer.Instance;
    private static readonly Lazy<ReadPdf> Pdf = new(() => PdfAssert.Read(Renderer.Render(SampleDocuments.Attestation())));

    [Fact]
    public void K1_every_objective_of_RCL_RCL_02_is_on_the_attestation()
    {
        Assert.Equal(3, SampleDocuments.Rcl02Objectives.Count);
        foreach (var objective in SampleDocuments.Rcl02Objectives)
        {
            PdfAssert.Contains(Pdf.Value, objective);
        }
    }

    [Fact]
    public void LW2_states_trainee_course_nature_dates_hours_attendance_evaluation_place_and_signature()
    {
        PdfAssert.Contains(Pdf.Value,
            "Attestation de fin de formation", "Marie-Christine Dupont-Delacroix-Vandenberghe", "Société Coopérative Agricole",
            "CRM - fondamentaux et enjeux", "Référence RCL-RCL-02", "Nature de l'action Action de formation (article L6313-1 du Code du travail)",
            "Du lundi 16 mars 2026 au mardi 17 mars 2026", "Durée de la formation 14 h", "Durée suivie 10,5 h (assiduité : 75 %)",
            "Salle Tanargue", "réalisation de cas pratiques", "mise en application des méthodes",
            "Résultats de l'évaluation : Objectifs atteints", "En cours d'acquisition",
            "17 mars 2026 Après-midi Absent(e) 0 h",
            "Fait à Aubenas, le 17 mars 2026", "Le stagiaire", "Signature et cachet");
        PdfAssert.PagesNumbered(Pdf.Value);
        Assert.Single(Pdf.Value.Pages);
    }

    [Fact]
    public void K1_an_attestation_without_objectives_is_refused()
        => Assert.Throws<ArgumentException>(() => Renderer.Render(SampleDocuments.Attestation() with { Objectives = [] }));

    [Fact]
    public void Objectives_are_listed_as_bullets_when_no_assessment_is_given()
    {
        var pdf = PdfAssert.Read(Renderer.Render(SampleDocuments.Attestation() with { ObjectiveAssessments = [], Attendance = [] }));
        PdfAssert.Contains(pdf, "• Utiliser le CRM", "• Identifier les enjeux du CRM");
    }
}

public class CourseSheetTests
{
    private static readonly Lazy<ReadPdf> Pdf = new(() => PdfAssert.Read(DocumentRenderer.Instance.Render(SampleDocuments.CourseSheet())));

    [Fact]
    public void LW6_programme_prints_everything_the_catalog_page_must_show()
    {
        PdfAssert.Contains(Pdf.Value,
            "RELATION CLIENT - RELATION CLIENTS", "CRM - fondamentaux et enjeux", "Référence RCL-RCL-02", "Durée 2 jours (14 h)",
            "Prix INTER 1 190,00 € HT par participant", "Prix INTRA 2 400,00 € HT par jour",
            "A l'issue de la formation, les participants seront préparés à :",
            "Aucune connaissance préalable n'est requise pour suivre cette formation", "Toute personne souhaitant découvrir le CRM",
            "présentations théoriques : concepts, outils et méthodes", "interactivité avec le formateur",
            "réalisation de cas pratiques", "attestation de formation reprenant l'ensemble des objectifs pédagogiques",
            "Accessibilité", "référent handicap", "Délai d'accès", "Contact", "Dernière mise à jour 15 janvier 2026");
        PdfAssert.PagesNumbered(Pdf.Value);
    }

    [Fact]
    public void Programme_days_half_days_numbered_modules_and_topics_come_back_in_order()
    {
        var sheet = SampleDocuments.CourseSheet();
        var text = Pdf.Value.Text;
        var last = -1;
        var modules = 0;
        foreach (var day in sheet.Programme)
        {
            foreach (var half in day.HalfDays)
            {
                last = AssertAfter(text, $"Jour {day.DayNumber} — {half.Label}", last);
                foreach (var module in half.Modules)
                {
                    modules++;
                    last = AssertAfter(text, $"{module.Number}. {module.Title}", last);
                    foreach (var topic in module.Topics)
                    {
                        last = AssertAfter(text, "• " + topic, last);
                    }
                }
            }
        }

        Assert.Equal(6, modules);
        foreach (var objective in SampleDocuments.Rcl02Objectives)
        {
            PdfAssert.Contains(Pdf.Value, objective);
        }
    }

    private static int AssertAfter(string text, string fragment, int after)
    {
        var at = text.IndexOf(PdfAssert.Normalize(fragment), after + 1, StringComparison.Ordinal);
        Assert.True(at > after, $"«{fragment}» is missing or out of order.");
        return at;
    }
}
