using EventPlatform.Domain;
using EventPlatform.Program.Application.Events;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Data;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application.Rooms;

public sealed record CreateRoom(string RequestId, EventId EventId, RoomName Name, RoomCapacity Capacity);

/// <summary>Every change to a room, by the event's organizer (or an admin); a rename tells the attendees concerned.</summary>
public sealed class RoomCommands(CommandPipeline<ProgramDbContext> pipeline, EventAccess events, TimeProvider clock)
{
    public async Task<Room> CreateAsync(Caller caller, CreateRoom command, CancellationToken cancellationToken)
    {
        var programEvent = await events.ManagedByAsync(caller, command.EventId, cancellationToken);
        return await pipeline.CreateOnceAsync(command.RequestId, (_, _) =>
        {
            var room = Room.Create(RoomId.New(), programEvent, command.Name, command.Capacity, clock.GetUtcNow());
            pipeline.Db.Rooms.Add(room);
            return Task.FromResult(room);
        }, cancellationToken);
    }

    public Task<Room> ReviseAsync(Caller caller, RoomId id, RoomName? name, RoomCapacity? capacity, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var room = await pipeline.Db.Rooms.SingleOrNotFoundAsync(r => r.Id == id, nameof(Room), id, token);
            var programEvent = await events.ManagedByAsync(caller, room.EventId, token);
            var held = await pipeline.Db.Sessions
                .Where(s => s.RoomId == id && s.Status == SessionStatus.Scheduled)
                .ToListAsync(token);
            room.Revise(programEvent, name, capacity, held.Count == 0 ? 0 : held.Max(s => s.Capacity.Seats), clock.GetUtcNow());
            return room;
        }, cancellationToken);

    /// <summary>Deletes a room no scheduled session takes place in; deleting one that is already gone succeeds.</summary>
    public async Task DeleteAsync(Caller caller, RoomId id, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.RunAsync(async (_, token) =>
            {
                if (await pipeline.Db.Rooms.SingleOrDefaultAsync(r => r.Id == id, token) is not { } room)
                {
                    return;
                }

                await events.ManagedByAsync(caller, room.EventId, token);
                room.EnsureCanBeDeleted(await pipeline.Db.Sessions.CountAsync(
                    s => s.RoomId == id && s.Status == SessionStatus.Scheduled, token));
                await pipeline.Db.ReleaseRoomAsync(id, token);
                pipeline.Db.Rooms.Remove(room);
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (ScheduleConstraints.IsForeignKeyViolation(e))
        {
            throw new BusinessRuleBrokenException(RoomWithScheduledSessionsCannotBeDeletedRule.ReportedByDatabase());
        }
    }
}
