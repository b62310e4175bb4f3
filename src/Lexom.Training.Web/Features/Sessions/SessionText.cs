using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Features.Sessions;

/// <summary>The French words of the sessions' pages.</summary>
public static class SessionText
{
    public static string Kind(SessionKind kind) => kind == SessionKind.Inter ? "INTER" : "INTRA";

    public static string Status(SessionStatus status) => status switch
    {
        SessionStatus.Planned => "Planifiée",
        SessionStatus.Cancelled => "Annulée par LEXOM (X4)",
        _ => "Clôturée",
    };

    /// <summary>Issue 8: why LEXOM moves a session (the keys of <see cref="OrderChanges.ChangeText.PostponementReasons"/>).</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> MoveReasons =
    [
        ("formateur-absent", "LEXOM : formateur absent, report sans indemnité accepté par les clients (X4, R1)"),
        ("lieu-indisponible", "LEXOM : lieu indisponible, report sans indemnité accepté par les clients (X4, R1)"),
        ("client", "À la demande écrite du client (R1, R2)"),
    ];

    /// <summary>X4: why LEXOM cancels a session (the keys of <see cref="OrderChanges.ChangeText.CancellationReasons"/>).</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> CancelReasons =
    [
        ("formateur-absent", "Formateur absent"),
        ("lieu-indisponible", "Lieu indisponible"),
    ];

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", FrenchCulture.Culture);

    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The state of an attestation's e-mail, in French.</summary>
    public static string Mail(Email.OutboxStatus? status) => status switch
    {
        Email.OutboxStatus.Sent => "envoyé",
        Email.OutboxStatus.Failed => "échec",
        Email.OutboxStatus.Pending or Email.OutboxStatus.Sending => "en attente d'envoi",
        _ => "inconnu (message purgé)",
    };
}
