using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Lexom.Training.Web.Email.Templates;

/// <summary>One half-day or day of a session, in Paris local time.</summary>
public sealed record CalendarSlot(DateTime StartsAt, DateTime EndsAt);

/// <summary>What a convocation's calendar file says.</summary>
public sealed record CalendarInvite(
    string Uid, string Summary, string Location, string Description, IReadOnlyList<CalendarSlot> Slots, string OrganizerEmail, string OrganizerName);

/// <summary>
/// The .ics file joined to a convocation (Ical.Net): one event per slot, in Europe/Paris, METHOD:PUBLISH (an
/// information, not a meeting request). A stable <see cref="CalendarInvite.Uid"/> lets a calendar replace the
/// events when a corrected convocation is sent.
/// </summary>
public static class CalendarAttachment
{
    public const string TimeZone = "Europe/Paris";

    public static EmailAttachment Create(CalendarInvite invite, string fileName = "convocation.ics")
    {
        ArgumentNullException.ThrowIfNull(invite);
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//LEXOM//Lexom.Training//FR" };
        calendar.AddTimeZone(TimeZone);
        for (var i = 0; i < invite.Slots.Count; i++)
        {
            var slot = invite.Slots[i];
            calendar.Events.Add(new CalendarEvent
            {
                Uid = invite.Slots.Count == 1 ? invite.Uid : $"{i + 1}-{invite.Uid}",
                Summary = invite.Summary,
                Location = invite.Location,
                Description = invite.Description,
                DtStart = new CalDateTime(slot.StartsAt, TimeZone),
                DtEnd = new CalDateTime(slot.EndsAt, TimeZone),
                Organizer = new Organizer($"mailto:{invite.OrganizerEmail}") { CommonName = invite.OrganizerName },
                Transparency = "OPAQUE",
            });
        }
        var ics = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new EmailAttachment(fileName, "text/calendar; charset=utf-8; method=PUBLISH", Encoding.UTF8.GetBytes(ics));
    }
}
