using EventPlatform.Program.Domain.Sessions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace EventPlatform.Program.Application.Programs;

/// <summary>A program as an RFC 5545 calendar file: one VEVENT per session, to add an event's talks in one click.</summary>
public static class ProgramCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string ToIcs(ProgramView view)
    {
        var rooms = view.Rooms.ToDictionary(r => r.Id, r => r.Name.Value);
        var speakers = view.Speakers.ToDictionary(s => s.Id, s => s.Profile.Name);
        var calendar = new Calendar { ProductId = "-//EventPlatform//Program//EN" };
        // Names the calendar after the event when it is subscribed to or imported as a whole.
        calendar.AddProperty("X-WR-CALNAME", view.Event.Title);
        foreach (var session in view.Sessions)
        {
            var names = session.Lineup.Speakers.Select(id => speakers.GetValueOrDefault(id, "")).Where(n => n.Length > 0).ToList();
            var entry = new CalendarEvent
            {
                // Stable across downloads, so a calendar updates the entry instead of adding a second one.
                Uid = $"{session.Id}@program.eventplatform",
                Summary = session.Title.Value,
                Description = string.Join("\n\n", new[] { names.Count == 0 ? "" : string.Join(", ", names), session.Abstract }.Where(p => p.Length > 0)),
                // UTC times need no VTIMEZONE block; calendars show them in the reader's own zone.
                DtStart = new CalDateTime(session.Slot.Start.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(session.Slot.End.UtcDateTime, "UTC"),
                DtStamp = new CalDateTime(session.UpdatedAt.UtcDateTime, "UTC"),
                // Grows with every change, as RFC 5545 asks of a revised entry.
                Sequence = (int)Math.Min(int.MaxValue, (session.UpdatedAt - session.CreatedAt).Ticks / TimeSpan.TicksPerSecond),
                Status = session.Status == SessionStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
                Location = session.RoomId is { } room ? rooms.GetValueOrDefault(room) : null,
            };
            if (session.Track.Length > 0)
            {
                entry.Categories.Add(session.Track);
            }

            calendar.Events.Add(entry);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
