using EventPlatform.Domain;
using EventPlatform.Program.Application.Sessions;
using EventPlatform.Program.Domain.Sessions;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Program.V1;
using EventPlatform.ServiceDefaults.Paging;
using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Program.Grpc;

/// <summary>Maps between the contracts and the domain; every broken field rule is reported at once.</summary>
internal static class SessionMapping
{
    public const int MaxChangeNoteLength = 2_000;

    public static CreateSession ToCommand(Proto.CreateSessionRequest request)
    {
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);

        var eventId = input.Capture(() => (Domain.Events.EventId?)Ids.Event(request.EventId));
        var title = input.Capture(() => SessionTitle.Create(request.Title));
        var summary = input.Capture(() => SessionText.Abstract(request.Abstract));
        var track = input.Capture(() => SessionText.Track(request.Track));
        var room = input.Capture(() => Ids.OptionalRoom(request.RoomId));
        if (request.StartTime is null)
        {
            input.Add("start_time", "Required.");
        }

        if (request.EndTime is null)
        {
            input.Add("end_time", "Required.");
        }

        var slot = request.StartTime is null || request.EndTime is null
            ? null
            : input.Capture(() => TimeSlot.Create(request.StartTime.ToDateTimeOffset(), request.EndTime.ToDateTimeOffset()));
        var lineup = input.Capture(() => SpeakerLineup.Create(Ids.Speakers(request.SpeakerIds)));
        var capacity = request.HasCapacity ? input.Capture(() => (SessionCapacity?)SessionCapacity.Create(request.Capacity)) : null;
        input.ThrowIfInvalid();

        return new CreateSession(
            request.RequestId, eventId!.Value, new SessionPlan(title!, summary!, track!, room, slot!, lineup!, capacity, request.Plenary));
    }

    public static (SessionRevision Revision, ChangeNotice Notice) ToRevision(Proto.UpdateSessionRequest request)
    {
        var input = new InputValidation();
        var title = request.HasTitle ? input.Capture(() => SessionTitle.Create(request.Title)) : null;
        var summary = request.HasAbstract ? input.Capture(() => SessionText.Abstract(request.Abstract)) : null;
        var track = request.HasTrack ? input.Capture(() => SessionText.Track(request.Track)) : null;
        var room = request.HasRoomId ? input.Capture(() => (RoomMove?)new RoomMove(Ids.OptionalRoom(request.RoomId))) : null;
        var lineup = request.SpeakerIds is null ? null : input.Capture(() => SpeakerLineup.Create(Ids.Speakers(request.SpeakerIds.Ids)));
        var capacity = request.HasCapacity ? input.Capture(() => (SessionCapacity?)SessionCapacity.Create(request.Capacity)) : null;
        CheckNote(input, request.ChangeNote, "change_note");
        input.ThrowIfInvalid();

        var revision = new SessionRevision(
            title, summary, track, room, request.StartTime?.ToDateTimeOffset(), request.EndTime?.ToDateTimeOffset(), lineup, capacity,
            request.HasPlenary ? request.Plenary : null);
        return (revision, new ChangeNotice(request.ChangeNote.Trim(), request.NotifyAllAttendees));
    }

    public static (string? Reason, ChangeNotice Notice) ToCancellation(Proto.CancelSessionRequest request)
    {
        var input = new InputValidation();
        var reason = input.Capture(() => SessionText.CancellationReason(request.Reason));
        input.ThrowIfInvalid();
        return (reason, new ChangeNotice(reason ?? "", request.NotifyAllAttendees));
    }

    public static SessionFilter ToFilter(Proto.ListSessionsRequest request)
    {
        var input = new InputValidation();
        var eventId = input.Capture(() => (Domain.Events.EventId?)Ids.Event(request.EventId));
        var room = input.Capture(() => Ids.OptionalRoom(request.RoomId));
        var speaker = string.IsNullOrEmpty(request.SpeakerId) ? null : input.Capture(() => (Domain.Speakers.SpeakerId?)Ids.Speaker(request.SpeakerId, "speaker_id"));
        var page = input.Capture(() => PageRequest.Of(request.PageSize, request.PageToken));
        input.ThrowIfInvalid();
        return new SessionFilter(eventId!.Value, request.Track, room, speaker, request.IncludeCancelled, page!);
    }

    public static Proto.Session ToContract(this Session s) => new()
    {
        Id = s.Id.ToString(),
        EventId = s.EventId.ToString(),
        Title = s.Title.Value,
        Abstract = s.Abstract,
        Track = s.Track,
        RoomId = s.RoomId?.ToString() ?? "",
        StartTime = Timestamp.FromDateTimeOffset(s.Slot.Start),
        EndTime = Timestamp.FromDateTimeOffset(s.Slot.End),
        SpeakerIds = { s.Lineup.Speakers.Select(id => id.ToString()) },
        Capacity = s.Capacity.Seats,
        Plenary = s.Plenary,
        Status = s.Status == SessionStatus.Cancelled ? Proto.SessionStatus.Cancelled : Proto.SessionStatus.Scheduled,
        CancellationReason = s.CancellationReason ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(s.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(s.UpdatedAt),
    };

    private static void CheckNote(InputValidation input, string note, string field)
    {
        if (note.Length > MaxChangeNoteLength)
        {
            input.Add(field, $"A note to attendees is at most {MaxChangeNoteLength} characters.");
        }
    }
}
