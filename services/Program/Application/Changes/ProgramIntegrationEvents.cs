using EventPlatform.Domain;
using EventPlatform.Program.Application.Events;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Proto = EventPlatform.Contracts.Program.V1;
using EventPlatform.Program.Application.Ports;

namespace EventPlatform.Program.Application.Changes;

/// <summary>
/// Tells attendees of program changes: the session changes of one command become one ProgramChanged per event,
/// committed with the change itself. A renamed room or speaker is a change of the scheduled sessions attendees know by
/// that name. Nothing is told for an event nobody could register to yet, nor when no change concerns attendees.
/// </summary>
public sealed class ProgramIntegrationEvents(ProgramDbContext db, IEventCatalog catalog, TimeProvider clock) : IIntegrationEventMapper
{
    public async Task<IReadOnlyList<OutgoingEvent>> MapAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        var changes = new List<SessionChanged>();
        foreach (var domainEvent in domainEvents)
        {
            changes.AddRange(domainEvent switch
            {
                SessionChanged changed => [changed],
                RoomRenamed renamed => await HeldInAsync(renamed, cancellationToken),
                SpeakerRenamed renamed => await FeaturingAsync(renamed.Speaker, cancellationToken),
                _ => [],
            });
        }

        var outgoing = new List<OutgoingEvent>();
        foreach (var ofEvent in changes.GroupBy(c => c.Event.Id))
        {
            if (await ProgramChangedAsync(ofEvent.ToList(), cancellationToken) is { } message)
            {
                outgoing.Add(message);
            }
        }

        return outgoing;
    }

    private async Task<OutgoingEvent?> ProgramChangedAsync(IReadOnlyList<SessionChanged> changes, CancellationToken cancellationToken)
    {
        var programEvent = changes[0].Event;
        var notice = new ChangeNotice(
            changes.Select(c => c.Notice.Note).FirstOrDefault(n => n.Length > 0) ?? "",
            changes.Any(c => c.Notice.NotifyAllAttendees),
            changes.Any(c => c.Notice.CausedByEventCancellation));
        var relevant = changes.Where(c => c.Kinds != SessionChangeKinds.None).ToList();
        if (relevant.Count == 0 || !(programEvent.HasAudience || notice.CausedByEventCancellation))
        {
            return null;
        }

        var names = await NamesAsync(relevant, cancellationToken);
        var message = new Proto.ProgramChanged
        {
            EventId = programEvent.Id.ToString(),
            TimeZone = programEvent.TimeZone,
            EventWide = notice.NotifyAllAttendees || relevant.Any(c =>
                c.Kinds.HasFlag(SessionChangeKinds.Added) || c.Current.Plenary || c.Previous?.Plenary == true),
            ChangeNote = notice.Note,
            CausedByEventCancellation = notice.CausedByEventCancellation,
            ChangeTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        };
        message.Changes.AddRange(relevant.Select(c => new Proto.SessionChange
        {
            SessionId = c.Session.ToString(),
            Kinds = { Kinds(c.Kinds) },
            Previous = c.Previous is null ? null : Snapshot(c.Previous, names.Previous),
            Current = Snapshot(c.Current, names.Current),
        }));
        return new OutgoingEvent(message, programEvent.Id.ToString(), relevant.Count == 1 ? relevant[0].Session.ToString() : null);
    }

    /// <summary>The scheduled sessions of the renamed room: unchanged themselves, but attendees know them by its name.</summary>
    private async Task<IEnumerable<SessionChanged>> HeldInAsync(RoomRenamed renamed, CancellationToken cancellationToken)
    {
        var held = await db.Sessions.Where(s => s.RoomId == renamed.Room && s.Status == SessionStatus.Scheduled).ToListAsync(cancellationToken);
        return held.Select(s => Unchanged(renamed.Event, s, SessionChangeKinds.Room));
    }

    /// <summary>The renamed speaker's scheduled sessions, in whichever events they are.</summary>
    private async Task<IEnumerable<SessionChanged>> FeaturingAsync(SpeakerId speaker, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions
            .Where(s => s.Status == SessionStatus.Scheduled && s.Speakers.Any(sp => sp.SpeakerId == speaker))
            .ToListAsync(cancellationToken);
        if (sessions.Count == 0)
        {
            return [];
        }

        var programEvents = await catalog.FindEventsAsync(sessions.Select(s => s.EventId).Distinct().ToList(), cancellationToken);
        return programEvents.SelectMany(e => sessions.Where(s => s.EventId == e.Id).Select(s => Unchanged(e, s, SessionChangeKinds.Speakers)));
    }

    private static SessionChanged Unchanged(ProgramEvent programEvent, Session session, SessionChangeKinds kinds) =>
        new(programEvent, session.Id, kinds, SessionState.Of(session), SessionState.Of(session), ChangeNotice.None);

    /// <summary>
    /// Names as they were (read from the database, where this command's changes are not saved yet) and as they are
    /// (tracked entities, which hold them): a room or speaker renamed by this command shows both names.
    /// </summary>
    private async Task<(Names Previous, Names Current)> NamesAsync(IReadOnlyList<SessionChanged> changes, CancellationToken cancellationToken)
    {
        var states = changes.SelectMany(c => new[] { c.Previous, c.Current }).OfType<SessionState>().ToList();
        var roomIds = states.Select(s => s.Room).OfType<RoomId>().Distinct().ToList();
        var speakerIds = states.SelectMany(s => s.Speakers).Distinct().ToList();

        var savedRooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var savedSpeakers = await db.Speakers.AsNoTracking().Where(s => speakerIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var currentRooms = await db.Rooms.Where(r => roomIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var currentSpeakers = await db.Speakers.Where(s => speakerIds.Contains(s.Id)).ToListAsync(cancellationToken);
        return (Names.Of(savedRooms, savedSpeakers), Names.Of(currentRooms, currentSpeakers));
    }

    private static Proto.SessionSnapshot Snapshot(SessionState state, Names names) => new()
    {
        Title = state.Title,
        Track = state.Track,
        StartTime = Timestamp.FromDateTimeOffset(state.Slot.Start),
        EndTime = Timestamp.FromDateTimeOffset(state.Slot.End),
        RoomId = state.Room?.ToString() ?? "",
        RoomName = state.Room is { } room ? names.Rooms.GetValueOrDefault(room, "") : "",
        SpeakerIds = { state.Speakers.Select(s => s.ToString()) },
        SpeakerNames = { state.Speakers.Select(s => names.Speakers.GetValueOrDefault(s, "")) },
        Plenary = state.Plenary,
        Status = state.Status == SessionStatus.Cancelled ? Proto.SessionStatus.Cancelled : Proto.SessionStatus.Scheduled,
    };

    private static IEnumerable<Proto.SessionChangeKind> Kinds(SessionChangeKinds kinds)
    {
        (SessionChangeKinds Kind, Proto.SessionChangeKind Contract)[] all =
        [
            (SessionChangeKinds.Time, Proto.SessionChangeKind.Time),
            (SessionChangeKinds.Room, Proto.SessionChangeKind.Room),
            (SessionChangeKinds.Cancelled, Proto.SessionChangeKind.Cancelled),
            (SessionChangeKinds.Speakers, Proto.SessionChangeKind.Speakers),
            (SessionChangeKinds.Title, Proto.SessionChangeKind.Title),
            (SessionChangeKinds.Added, Proto.SessionChangeKind.Added),
        ];
        return all.Where(k => kinds.HasFlag(k.Kind)).Select(k => k.Contract);
    }

    private sealed record Names(IReadOnlyDictionary<RoomId, string> Rooms, IReadOnlyDictionary<SpeakerId, string> Speakers)
    {
        public static Names Of(IEnumerable<Room> rooms, IEnumerable<Speaker> speakers) =>
            new(rooms.ToDictionary(r => r.Id, r => r.Name.Value), speakers.ToDictionary(s => s.Id, s => s.Profile.Name));
    }
}
