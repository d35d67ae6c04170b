using EventPlatform.Catalog.Domain.Events;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using EventStatus = EventPlatform.Catalog.Domain.Events.EventStatus;

namespace EventPlatform.Catalog.Application.Events;

/// <summary>An event as an RFC 5545 calendar file, to add it to a calendar in one click.</summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string ToIcs(Event e)
    {
        var calendarEvent = new CalendarEvent
        {
            // Stable across downloads, so a calendar updates the entry instead of adding a second one.
            Uid = $"{e.Id}@eventplatform",
            Summary = e.Title.Value,
            Description = string.IsNullOrEmpty(e.Description) ? null : e.Description,
            // UTC times need no VTIMEZONE block; calendars show them in the reader's own zone.
            DtStart = new CalDateTime(e.Schedule.Start.UtcDateTime, "UTC"),
            DtEnd = new CalDateTime(e.Schedule.End.UtcDateTime, "UTC"),
            DtStamp = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC"),
            // Grows with every change, as RFC 5545 asks of a revised entry.
            Sequence = (int)Math.Min(int.MaxValue, (e.UpdatedAt - e.CreatedAt).Ticks / TimeSpan.TicksPerSecond),
            Status = e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            Location = e.Location.Venue is { } venue ? Describe(venue) : e.Location.OnlineUrl,
        };
        if (e.Location.OnlineUrl is { } url)
        {
            calendarEvent.Url = new Uri(url);
        }

        var calendar = new Calendar { ProductId = "-//EventPlatform//Catalog//EN" };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string Describe(Venue venue) =>
        string.Join(", ", new[] { venue.Name, venue.Address.Line1, venue.Address.Line2, $"{venue.Address.PostalCode} {venue.Address.City}".Trim(), venue.Address.CountryCode }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
}
