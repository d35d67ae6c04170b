using EventPlatform.Domain;
using EventPlatform.Program.Application.Events;
using EventPlatform.ServiceDefaults.Paging;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application.Sessions;

public sealed record SessionFilter(
    EventId EventId, string? Track, RoomId? Room, SpeakerId? Speaker, bool IncludeCancelled, PageRequest Page);

/// <summary>Reading sessions: the program of a published event is public, a draft's only its organizer's.</summary>
public sealed class SessionQueries(ProgramDbContext db, EventAccess events)
{
    public async Task<Session> GetAsync(SessionId id, Caller? caller, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return session is not null && await events.CanSeeAsync(caller, session.EventId, cancellationToken)
            ? session
            : throw new NotFoundException(nameof(Session), id.ToString());
    }

    /// <summary>In start order, then by id; the page token is the last (start, id) seen.</summary>
    public async Task<Page<Session>> ListAsync(SessionFilter filter, Caller? caller, CancellationToken cancellationToken)
    {
        await events.VisibleToAsync(caller, filter.EventId, cancellationToken);
        var sessions = db.Sessions.AsNoTracking().Where(s => s.EventId == filter.EventId);
        if (!filter.IncludeCancelled)
        {
            sessions = sessions.Where(s => s.Status == SessionStatus.Scheduled);
        }

        if (!string.IsNullOrWhiteSpace(filter.Track))
        {
            var track = filter.Track.Trim();
            sessions = sessions.Where(s => s.Track == track);
        }

        if (filter.Room is { } room)
        {
            sessions = sessions.Where(s => s.RoomId == room);
        }

        if (filter.Speaker is { } speaker)
        {
            sessions = sessions.Where(s => s.Speakers.Any(sp => sp.SpeakerId == speaker));
        }

        if (filter.Page.After is { } position)
        {
            var afterStart = position.Instant;
            var afterId = new SessionId(position.Id);
            sessions = sessions.Where(s => s.Slot.Start > afterStart || (s.Slot.Start == afterStart && s.Id > afterId));
        }

        var take = filter.Page.Take;
        var page = await sessions.OrderBy(s => s.Slot.Start).ThenBy(s => s.Id).Take(take + 1).ToListAsync(cancellationToken);
        return Page<Session>.FromReadOneMore(page, take, s => PageToken.After(s.Slot.Start, s.Id.Value));
    }

    /// <summary>For other services: the sessions asked for that exist, whatever their event or status.</summary>
    public async Task<IReadOnlyList<Session>> BatchGetAsync(IReadOnlyCollection<SessionId> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);

    /// <summary>For other services: an event's whole program (bounded, so unpaged), with its rooms.</summary>
    public async Task<(IReadOnlyList<Session> Sessions, IReadOnlyList<Room> Rooms)> OfEventAsync(
        EventId eventId, bool includeCancelled, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EventId == eventId && (includeCancelled || s.Status == SessionStatus.Scheduled))
            .OrderBy(s => s.Slot.Start).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return (sessions, rooms);
    }
}
