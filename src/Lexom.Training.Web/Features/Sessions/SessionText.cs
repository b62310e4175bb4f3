using Lexom.Training.Domain.Catalog;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Features.Sessions;

/// <summary>The French words of the sessions' pages.</summary>
public static class SessionText
{
    public static string Kind(SessionKind kind) => kind == SessionKind.Inter ? "INTER" : "INTRA";

    public static string Status(SessionStatus status) => status == SessionStatus.Planned ? "Planifiée" : "Clôturée";

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
