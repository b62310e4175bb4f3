namespace Lexom.Training.Web.Features.Privacy;

/// <summary>The French words of the privacy pages.</summary>
public static class PrivacyText
{
    public static string Kind(PrivacyRequestKind kind) => kind switch
    {
        PrivacyRequestKind.Access => "Accès et portabilité (export)",
        PrivacyRequestKind.Rectification => "Rectification",
        PrivacyRequestKind.Objection => "Opposition à la prospection",
        PrivacyRequestKind.Restriction => "Limitation du traitement",
        PrivacyRequestKind.Erasure => "Effacement",
        _ => kind.ToString(),
    };

    public static string Status(PrivacyRequestStatus status) => status switch
    {
        PrivacyRequestStatus.Open => "à traiter",
        PrivacyRequestStatus.Done => "traitée",
        PrivacyRequestStatus.Refused => "refusée",
        _ => status.ToString(),
    };

    /// <summary>The kinds as the forms post them.</summary>
    public static readonly IReadOnlyDictionary<string, PrivacyRequestKind> Keys = new Dictionary<string, PrivacyRequestKind>(StringComparer.Ordinal)
    {
        ["acces"] = PrivacyRequestKind.Access,
        ["rectification"] = PrivacyRequestKind.Rectification,
        ["opposition"] = PrivacyRequestKind.Objection,
        ["limitation"] = PrivacyRequestKind.Restriction,
        ["effacement"] = PrivacyRequestKind.Erasure,
    };
}

/// <summary>Settings of personal-data retention (section <c>Lexom:Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Lexom:Privacy";

    /// <summary>G1: years after the end of the relationship before a client's personal data are anonymised (5, the CGV's 5.5).</summary>
    public int PersonalDataRetentionYears { get; set; } = Domain.Rules.CgvReadings.PersonalDataRetentionYears;

    /// <summary>G2: years an audit line is kept (6: the 5 years of the data it is about, plus one to answer a claim).</summary>
    public int AuditRetentionYears { get; set; } = 6;
}
