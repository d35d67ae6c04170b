using EventPlatform.Domain;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using EventPlatform.Program.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application.Schedule;

/// <summary>Loads what a session's placement is checked against, so the aggregate can judge it.</summary>
public sealed class Placements(ProgramDbContext db)
{
    public async Task<ScheduleContext> ContextAsync(ProgramEvent programEvent, SessionPlan plan, SessionId session, CancellationToken cancellationToken)
    {
        var room = plan.Room is { } roomId
            ? await db.Rooms.SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken) ?? throw new NotFoundException(nameof(Room), roomId.ToString())
            : null;
        var speakerIds = plan.Lineup.Speakers;
        var speakers = speakerIds.Count == 0
            ? []
            : await db.Speakers.Where(s => speakerIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var missing = speakerIds.Where(id => speakers.All(s => s.Id != id)).ToList();
        if (missing.Count > 0)
        {
            throw new NotFoundException(nameof(Speaker), missing[0].ToString());
        }

        var booked = await BookedAsync(plan.Slot, plan.Room, speakerIds, session, cancellationToken);
        return new ScheduleContext(programEvent, room, speakers, booked);
    }

    /// <summary>Scheduled sessions of any event overlapping the slot that hold the room or one of the speakers.</summary>
    private async Task<List<BookedSession>> BookedAsync(
        TimeSlot slot, RoomId? room, IReadOnlyList<SpeakerId> speakers, SessionId self, CancellationToken cancellationToken)
    {
        var start = slot.Start;
        var end = slot.End;
        var overlapping = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled && s.Id != self && s.Slot.Start < end && s.Slot.End > start)
            .Where(s => (room != null && s.RoomId == room) || s.Speakers.Any(sp => speakers.Contains(sp.SpeakerId)))
            .ToListAsync(cancellationToken);
        return overlapping.Select(BookedSession.Of).ToList();
    }
}
