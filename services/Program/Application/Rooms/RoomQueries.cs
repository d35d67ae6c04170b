using EventPlatform.Domain;
using EventPlatform.Program.Application.Events;
using EventPlatform.ServiceDefaults.Paging;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application.Rooms;

public sealed class RoomQueries(ProgramDbContext db, EventAccess events)
{
    public async Task<Room> GetAsync(RoomId id, Caller? caller, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return room is not null && await events.CanSeeAsync(caller, room.EventId, cancellationToken)
            ? room
            : throw new NotFoundException(nameof(Room), id.ToString());
    }

    /// <summary>In the order the organizer created them.</summary>
    public async Task<Page<Room>> ListAsync(EventId eventId, PageRequest page, Caller? caller, CancellationToken cancellationToken)
    {
        await events.VisibleToAsync(caller, eventId, cancellationToken);
        var rooms = db.Rooms.AsNoTracking().Where(r => r.EventId == eventId);
        if (page.After is { } position)
        {
            var afterId = new RoomId(position.Id);
            rooms = rooms.Where(r => r.Id > afterId);
        }

        var found = await rooms.OrderBy(r => r.Id).Take(page.Take + 1).ToListAsync(cancellationToken);
        return Page<Room>.FromReadOneMore(found, page.Take, r => PageToken.After("", r.Id.Value));
    }
}
