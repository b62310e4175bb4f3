using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Lexom.Training.Web.Email.Templates;

/// <summary>One half-day or day of a session, in Paris local time.</summary>
public sealed record CalendarSlot(DateTime StartsAt, DateTime EndsAt);

/// <summary>Someone invited to the events (RFC 5545 ATTENDEE).</summary>
public sealed record CalendarAttendee(string Email, string Name);

/// <summary>
/// What a convocation's calendar file says. <paramref name="Method"/> is PUBLISH (information), REQUEST (an invitation whose
/// <paramref name="Sequence"/> grows at each update) or CANCEL (the events withdrawn, STATUS:CANCELLED).
/// </summary>
public sealed record CalendarInvite(
    string Uid, string Summary, string Location, string Description, IReadOnlyList<CalendarSlot> Slots, string OrganizerEmail, string OrganizerName,
    string Method = CalendarAttachment.Publish, int Sequence = 0, IReadOnlyList<CalendarAttendee>? Attendees = null);

/// <summary>
/// The .ics file joined to a convocation (Ical.Net, which folds the lines at 75 octets and escapes the text): one event per
/// slot, in Europe/Paris with its VTIMEZONE. A stable <see cref="CalendarInvite.Uid"/> (the slot's number before it) and a
/// growing SEQUENCE let a calendar replace the events when a corrected convocation is sent, or remove them (CANCEL).
/// </summary>
public static class CalendarAttachment
{
    public const string TimeZone = "Europe/Paris";

    public const string Publish = "PUBLISH";

    public const string Request = "REQUEST";

    public const string Cancel = "CANCEL";

    public static EmailAttachment Create(CalendarInvite invite, string fileName = "convocation.ics")
    {
        ArgumentNullException.ThrowIfNull(invite);
        var calendar = new Calendar { Method = invite.Method, ProductId = "-//LEXOM//Lexom.Training//FR" };
        calendar.AddTimeZone(TimeZone);
        for (var i = 0; i < invite.Slots.Count; i++)
        {
            var slot = invite.Slots[i];
            var calendarEvent = new CalendarEvent
            {
                Uid = invite.Slots.Count == 1 ? invite.Uid : $"{i + 1}-{invite.Uid}",
                Summary = invite.Summary,
                Location = invite.Location,
                Description = invite.Description,
                DtStart = new CalDateTime(slot.StartsAt, TimeZone),
                DtEnd = new CalDateTime(slot.EndsAt, TimeZone),
                Organizer = new Organizer($"mailto:{invite.OrganizerEmail}") { CommonName = invite.OrganizerName },
                Transparency = "OPAQUE",
                Sequence = invite.Sequence,
                Status = invite.Method == Cancel ? "CANCELLED" : "CONFIRMED",
            };
            foreach (var attendee in invite.Attendees ?? [])
            {
                calendarEvent.Attendees.Add(new Attendee($"mailto:{attendee.Email}")
                {
                    CommonName = attendee.Name,
                    Role = "REQ-PARTICIPANT",
                    ParticipationStatus = "NEEDS-ACTION",
                    Rsvp = false,
                });
            }
            calendar.Events.Add(calendarEvent);
        }
        var ics = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new EmailAttachment(fileName, $"text/calendar; charset=utf-8; method={invite.Method}", Encoding.UTF8.GetBytes(ics));
    }
}
