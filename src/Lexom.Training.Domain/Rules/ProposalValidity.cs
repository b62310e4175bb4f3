namespace Lexom.Training.Domain.Rules;

/// <summary>P3: whether a proposal can still be accepted on a given day.</summary>
public sealed record ValidityDecision(
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    DateOnly ExpiredFrom,
    DateOnly AsOf,
    bool CanBeAccepted,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation);

/// <summary>P3: a proposal is valid 30 calendar days from its issue date, the last day included.</summary>
public static class ProposalValidity
{
    public static ValidityDecision On(DateOnly issuedOn, DateOnly asOf)
    {
        // P3
        var validUntil = CgvReadings.ProposalValidUntil(issuedOn);
        var open = asOf <= validUntil;
        var explanation = open
            ? French.Format($"La proposition émise le {French.Date(issuedOn)} peut être acceptée jusqu'au {French.Date(validUntil)} inclus (P3 : validité de {CgvReadings.ProposalValidityDays} jours).")
            : French.Format($"La proposition émise le {French.Date(issuedOn)} a expiré le {French.Date(validUntil)} au soir ; elle ne peut plus être acceptée et doit être réémise dans une nouvelle version (P3).");
        return new ValidityDecision(issuedOn, validUntil, validUntil.AddDays(1), asOf, open, ["P3"], explanation);
    }
}
