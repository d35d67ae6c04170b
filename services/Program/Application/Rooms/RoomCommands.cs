using EventPlatform.Domain;
using EventPlatform.Program.Application.Changes;
using EventPlatform.Program.Application.Events;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application.Rooms;

public sealed record CreateRoom(string RequestId, EventId EventId, RoomName Name, RoomCapacity Capacity);

/// <summary>Every change to a room, by the event's organizer (or an admin); a rename tells the attendees concerned.</summary>
public sealed class RoomCommands(ProgramStore store, EventAccess events, ProgramChangeLog changes, TimeProvider clock)
{
    public async Task<Room> CreateAsync(Caller caller, CreateRoom command, CancellationToken cancellationToken)
    {
        var programEvent = await events.ManagedByAsync(caller, command.EventId, cancellationToken);
        if (await store.FindCreatedAsync<Room>(command.RequestId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var room = Room.Create(RoomId.New(), programEvent, command.Name, command.Capacity, clock.GetUtcNow());
        return await store.AddOnceAsync(room, command.RequestId, cancellationToken);
    }

    public async Task<Room> ReviseAsync(Caller caller, RoomId id, RoomName? name, RoomCapacity? capacity, CancellationToken cancellationToken)
    {
        var room = await store.RoomForChangeAsync(id, cancellationToken);
        var programEvent = await events.ManagedByAsync(caller, room.EventId, cancellationToken);
        var held = await store.Db.Sessions
            .Where(s => s.RoomId == id && s.Status == SessionStatus.Scheduled)
            .ToListAsync(cancellationToken);
        var largest = held.Count == 0 ? 0 : held.Max(s => s.Capacity.Seats);
        if (room.Revise(programEvent, name, capacity, largest, clock.GetUtcNow()))
        {
            // The sessions did not change, but the room's name attendees know them by did.
            await changes.RecordAsync(
                programEvent,
                held.Select(s => new SessionChange(s.Id, SessionChangeKinds.Room, SessionState.Of(s), SessionState.Of(s))).ToList(),
                ChangeNotice.None,
                cancellationToken);
        }

        await store.SaveAsync(cancellationToken);
        return room;
    }

    /// <summary>Deletes a room no scheduled session takes place in; deleting one that is already gone succeeds.</summary>
    public async Task DeleteAsync(Caller caller, RoomId id, CancellationToken cancellationToken)
    {
        if (await store.Db.Rooms.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } room)
        {
            return;
        }

        await events.ManagedByAsync(caller, room.EventId, cancellationToken);
        room.EnsureCanBeDeleted(await store.Db.Sessions.CountAsync(
            s => s.RoomId == id && s.Status == SessionStatus.Scheduled, cancellationToken));
        try
        {
            await store.InTransactionAsync(
                async () =>
                {
                    await store.Db.ReleaseRoomAsync(id, cancellationToken);
                    store.Db.Rooms.Remove(room);
                    return await store.Db.SaveChangesAsync(cancellationToken);
                },
                cancellationToken);
        }
        catch (DbUpdateException e) when (ScheduleConstraints.IsForeignKeyViolation(e))
        {
            throw new BusinessRuleBrokenException(RoomWithScheduledSessionsCannotBeDeletedRule.ReportedByDatabase());
        }
    }
}
