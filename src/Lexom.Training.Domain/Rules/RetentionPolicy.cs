namespace Lexom.Training.Domain.Rules;

/// <summary>G1: how long a person's data are kept.</summary>
public sealed record PersonalDataRetentionDecision(
    DateOnly RelationshipEndedOn,
    DateOnly KeptUntil,
    DateOnly AnonymiseFrom,
    bool MustAnonymise,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation);

/// <summary>LW5: how long an accounting document is kept.</summary>
public sealed record AccountingRetentionDecision(
    DateOnly IssuedOn,
    DateOnly KeptUntil,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation)
{
    /// <summary>Never: anonymisation keeps invoices, credit notes and payments (LW5); only the data accounting law does not require are removed.</summary>
    public static bool AnonymisationDeletesIt => false;
}

/// <summary>G1 and LW5: retention of personal data and of accounting documents.</summary>
public static class RetentionPolicy
{
    /// <summary>G1: 5 years after the end of the relationship (the later of the last training's end and the last payment).</summary>
    public static PersonalDataRetentionDecision ForPersonalData(DateOnly? lastTrainingEndedOn, DateOnly? lastPaymentOn, DateOnly lastContactOn, DateOnly today)
    {
        // G1: the end of the relationship; with neither a training nor a payment, the last contact (a request, a proposal).
        var ended = new[] { lastTrainingEndedOn, lastPaymentOn, lastContactOn }.Where(d => d is not null).Max()!.Value;
        var until = CgvReadings.PersonalDataKeptUntil(ended);
        var from = until.AddDays(1);
        var must = today >= from;
        return new PersonalDataRetentionDecision(ended, until, from, must, ["G1", "LW5"], must
            ? French.Format($"Relation terminée le {French.Date(ended)} : les données personnelles doivent être anonymisées depuis le {French.Date(from)} ; les factures gardent les seules mentions comptables (G1, LW5).")
            : French.Format($"Relation terminée le {French.Date(ended)} : données conservées jusqu'au {French.Date(until)} inclus, anonymisées ensuite (G1)."));
    }

    /// <summary>LW5: invoices, credit notes and payments are kept 10 years.</summary>
    public static AccountingRetentionDecision ForAccountingDocument(DateOnly issuedOn)
    {
        var until = CgvReadings.AccountingDocumentKeptUntil(issuedOn);
        return new AccountingRetentionDecision(issuedOn, until, ["LW5", "G1"],
            French.Format($"Pièce comptable du {French.Date(issuedOn)} conservée jusqu'au {French.Date(until)} au moins ; l'anonymisation ne la supprime jamais (LW5)."));
    }
}
