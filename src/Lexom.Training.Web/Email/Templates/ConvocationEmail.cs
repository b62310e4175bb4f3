using Lexom.Training.Documents;
using Lexom.Training.Web.Infrastructure;

namespace Lexom.Training.Web.Email.Templates;

/// <summary>
/// What a convocation says (issue 8). <see cref="Participants"/> are the people convened by this e-mail: the participant
/// it is addressed to, or, when it goes to the client's contact, every participant of the order without an address.
/// <see cref="Slots"/> are the half-days in Paris time; <see cref="Invite"/> is the calendar file's content.
/// </summary>
public sealed record ConvocationEmailModel(
    string GreetingName, bool ToContact, IReadOnlyList<string> Participants, string CourseReference, string CourseTitle, DateOnly StartsOn, DateOnly EndsOn,
    IReadOnlyList<CalendarSlot> Slots, string Place, string? Trainer, string Bring, string Contact, bool Update, CalendarInvite Invite, string? PortalUrl);

/// <summary>
/// The convocation to a session, French, in the shared letter layout, with its <c>.ics</c> (METHOD:REQUEST; the SEQUENCE
/// grows when the session moves), and the cancellation (X4) with the calendar's CANCEL.
/// </summary>
public static class ConvocationEmail
{
    public const string Kind = "convocation-session";

    public const string CancelKind = "convocation-annulation";

    public static EmailContent Compose(ConvocationEmailModel model, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var who = Who(model);
        var subject = (model.Update ? "Nouvelles dates : convocation" : "Convocation") + $" à la formation {model.CourseTitle} ({model.CourseReference}) du {model.StartsOn.Numeric()}";
        var paragraphs = new List<string>
        {
            model.Update
                ? $"La session de la formation « {model.CourseTitle} » (référence {model.CourseReference}) a changé de dates. {who} aux nouvelles dates ci-dessous ; cette convocation remplace la précédente."
                : $"{who} à la formation « {model.CourseTitle} » (référence {model.CourseReference}).",
            $"Dates et horaires : {string.Join(" ; ", Schedule(model.Slots))}.",
            $"Lieu : {model.Place}.",
            $"Formateur : {model.Trainer ?? "communiqué avant le début de la session"}.",
            $"À apporter : {model.Bring}",
            $"Contact : {model.Contact}",
            "Le fichier joint (convocation.ics) ajoute les demi-journées à votre agenda.",
        };
        if (model.ToContact)
            paragraphs.Add("Merci de transmettre cette convocation aux participants.");
        return EmailLayout.Letter(subject, model.GreetingName, paragraphs,
            model.PortalUrl is { } url ? new EmailLayout.PortalLink(url, "Voir la commande dans mon espace client", "Retrouvez la commande dans votre espace client") : null,
            seller, [CalendarAttachment.Create(model.Invite)]);
    }

    /// <summary>X4: the session is cancelled by LEXOM; the calendar file withdraws the events (METHOD:CANCEL).</summary>
    public static EmailContent Cancelled(ConvocationEmailModel model, string cause, SellerIdentity seller)
    {
        ArgumentNullException.ThrowIfNull(model);
        var subject = $"Annulation de la session : {model.CourseTitle} ({model.CourseReference}) du {model.StartsOn.Numeric()}";
        var names = string.Join(", ", model.Participants);
        var paragraphs = new List<string>
        {
            $"LEXOM annule la session de la formation « {model.CourseTitle} » du {model.StartsOn.Written()} au {model.EndsOn.Written()} ({model.Place}) en raison de {cause} (X4).",
            $"La convocation de {names} est annulée ; le fichier joint retire les demi-journées de votre agenda.",
            "Le client reçoit par ailleurs le détail de sa commande : remboursement de l'acompte ou report de la formation (X4).",
            $"Contact : {model.Contact}",
        };
        return EmailLayout.Letter(subject, model.GreetingName, paragraphs, null, seller, [CalendarAttachment.Create(model.Invite, "annulation.ics")]);
    }

    private static string Who(ConvocationEmailModel model) =>
        model.ToContact
            ? (model.Participants.Count == 1 ? $"{model.Participants[0]} est convoqué(e)" : $"{string.Join(", ", model.Participants)} sont convoqué(e)s")
            : "Vous êtes convoqué(e)";

    /// <summary>« lundi 13 avril 2026, 9 h 00 – 12 h 30 et 14 h 00 – 17 h 30 » per day.</summary>
    public static IEnumerable<string> Schedule(IReadOnlyList<CalendarSlot> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        return slots.GroupBy(s => DateOnly.FromDateTime(s.StartsAt))
            .Select(day => $"{day.Key.Written()}, {string.Join(" et ", day.Select(s => $"{Time(s.StartsAt)} – {Time(s.EndsAt)}"))}");
    }

    private static string Time(DateTime t) => $"{t.Hour} h {t.Minute:00}";
}
