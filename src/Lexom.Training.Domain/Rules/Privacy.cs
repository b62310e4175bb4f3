namespace Lexom.Training.Domain.Rules;

/// <summary>What a staff member did with personal data (G2). Stored as text.</summary>
public enum PersonalDataAction
{
    Viewed,
    Changed,
    Exported,
    Anonymised,
}

/// <summary>
/// G2: one line of the audit trail: who, when, whose file, what. The web project writes one for every
/// access by staff to a client's file and for every change; the domain only says what a line holds.
/// </summary>
public sealed record AuditEntry
{
    public AuditEntry(DateTimeOffset at, string staffUserId, string subjectKind, Guid subjectId, PersonalDataAction action, string? detail = null)
    {
        if (string.IsNullOrWhiteSpace(staffUserId) || string.IsNullOrWhiteSpace(subjectKind) || subjectId == Guid.Empty)
        {
            throw new DomainException("Une entrée du journal d'accès dit qui a accédé à quel dossier (G2).", "G2");
        }

        At = at;
        StaffUserId = staffUserId;
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        Action = action;
        Detail = detail;
    }

    public DateTimeOffset At { get; }

    public string StaffUserId { get; }

    public string SubjectKind { get; }

    public Guid SubjectId { get; }

    public PersonalDataAction Action { get; }

    public string? Detail { get; }
}

/// <summary>G3: what an erasure request does.</summary>
public sealed record ErasureDecision(
    bool AnonymiseNow,
    bool KeepAccountingData,
    IReadOnlyList<string> RuleIds,
    string Explanation) : Decision(RuleIds, Explanation);

/// <summary>G3: the rights of a person over their data.</summary>
public static class PersonalDataRights
{
    /// <summary>G3: the DPO's address, shown on the privacy page.</summary>
    public const string DpoAddress = "dpo@lexom.fr";

    /// <summary>G3 (with G1's exception, LW5): erasure is an anonymisation that keeps what accounting law requires.</summary>
    public static ErasureDecision Erase(bool hasAccountingDocuments) =>
        new(true, hasAccountingDocuments, hasAccountingDocuments ? ["G3", "G1", "LW5"] : ["G3"],
            hasAccountingDocuments
                ? "Effacement demandé : les données personnelles sont anonymisées ; les factures, avoirs et paiements gardent les seules mentions exigées par la loi comptable, 10 ans (G3, G1, LW5)."
                : "Effacement demandé : les données personnelles sont anonymisées (G3).");
}
