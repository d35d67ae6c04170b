using EventPlatform.Program.Application.Events;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application.Programs;

/// <summary>An event's program in one read, for the program page and the calendar file.</summary>
public sealed class ProgramQueries(ProgramDbContext db, EventAccess events)
{
    public async Task<ProgramView> GetAsync(EventId eventId, bool includeCancelled, Caller? caller, CancellationToken cancellationToken)
    {
        var programEvent = await events.VisibleToAsync(caller, eventId, cancellationToken);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EventId == eventId && (includeCancelled || s.Status == SessionStatus.Scheduled))
            .ToListAsync(cancellationToken);
        return await ViewAsync(programEvent, sessions, cancellationToken);
    }

    /// <summary>
    /// The sessions named (whatever their status, so a calendar learns of a cancellation), or every scheduled one.
    /// </summary>
    public async Task<ProgramView> ForCalendarAsync(
        EventId eventId, IReadOnlyCollection<SessionId> only, Caller? caller, CancellationToken cancellationToken)
    {
        var programEvent = await events.VisibleToAsync(caller, eventId, cancellationToken);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EventId == eventId)
            .Where(s => only.Count == 0 ? s.Status == SessionStatus.Scheduled : only.Contains(s.Id))
            .ToListAsync(cancellationToken);
        return await ViewAsync(programEvent, sessions, cancellationToken);
    }

    private async Task<ProgramView> ViewAsync(ProgramEvent programEvent, List<Session> sessions, CancellationToken cancellationToken)
    {
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EventId == programEvent.Id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var speakerIds = sessions.SelectMany(s => s.Speakers.Select(sp => sp.SpeakerId)).Distinct().ToList();
        var speakers = speakerIds.Count == 0
            ? []
            : await db.Speakers.AsNoTracking().Where(s => speakerIds.Contains(s.Id)).OrderBy(s => s.Profile.Name).ToListAsync(cancellationToken);
        return ProgramView.Of(programEvent, sessions, rooms, speakers);
    }
}
