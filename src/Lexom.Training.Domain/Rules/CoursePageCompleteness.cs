namespace Lexom.Training.Domain.Rules;

/// <summary>LW6: what a course's public page shows before any contract (Qualiopi indicator 1), as plain values.</summary>
public sealed record CoursePageFacts(
    int ObjectiveCount,
    string? Prerequisites,
    string? Audience,
    decimal DurationHours,
    string? Methods,
    string? Evaluation,
    bool HasPrice,
    string? AccessTermsAndDelay,
    string? Contact,
    string? DisabilityAccess,
    DateOnly? LastUpdatedOn);

/// <summary>LW6: whether a course page may be published; the catalogue (issue of the catalogue) calls it with its entity's values.</summary>
public static class CoursePageCompleteness
{
    public static IReadOnlyList<string> Missing(CoursePageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var missing = new List<string>();
        void Check(bool ok, string label)
        {
            if (!ok)
            {
                missing.Add(label);
            }
        }

        Check(facts.ObjectiveCount > 0, "les objectifs");
        Check(!string.IsNullOrWhiteSpace(facts.Prerequisites), "les prérequis");
        Check(!string.IsNullOrWhiteSpace(facts.Audience), "le public visé");
        Check(facts.DurationHours > 0, "la durée");
        Check(!string.IsNullOrWhiteSpace(facts.Methods), "les méthodes pédagogiques");
        Check(!string.IsNullOrWhiteSpace(facts.Evaluation), "les modalités d'évaluation");
        Check(facts.HasPrice, "le prix");
        Check(!string.IsNullOrWhiteSpace(facts.AccessTermsAndDelay), "les modalités et délais d'accès");
        Check(!string.IsNullOrWhiteSpace(facts.Contact), "les contacts");
        Check(!string.IsNullOrWhiteSpace(facts.DisabilityAccess), "l'accessibilité aux personnes handicapées");
        Check(facts.LastUpdatedOn is not null, "la date de dernière mise à jour");
        return missing;
    }
}
