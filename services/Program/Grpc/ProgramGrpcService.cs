using EventPlatform.Contracts.Program.V1;
using EventPlatform.Program.Application.Programs;
using EventPlatform.Program.Application.Rooms;
using EventPlatform.Program.Application.Sessions;
using EventPlatform.Program.Application.Speakers;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Grpc;
using EventPlatform.ServiceDefaults.Identity;
using Google.Api;
using Grpc.Core;
using EventPlatform.ServiceDefaults.Paging;

namespace EventPlatform.Program.Grpc;

/// <summary>Thin: map the request, call the application layer, map the result. Errors are mapped by the interceptor.</summary>
public sealed class ProgramGrpcService(
    SessionCommands sessionCommands,
    SessionQueries sessionQueries,
    RoomCommands roomCommands,
    RoomQueries roomQueries,
    SpeakerCommands speakerCommands,
    SpeakerQueries speakerQueries,
    ProgramQueries programs) : ProgramService.ProgramServiceBase
{
    public override async Task<Session> CreateSession(CreateSessionRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await sessionCommands.CreateAsync(caller, SessionMapping.ToCommand(request), context.CancellationToken)).ToContract();
    }

    public override async Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var page = await sessionQueries.ListAsync(SessionMapping.ToFilter(request), context.CallerIfAny(), context.CancellationToken);
        return new ListSessionsResponse { Sessions = { page.Items.Select(s => s.ToContract()) }, NextPageToken = page.NextPageToken ?? "" };
    }

    public override async Task<Session> GetSession(GetSessionRequest request, ServerCallContext context) =>
        (await sessionQueries.GetAsync(Ids.Session(request.Id), context.CallerIfAny(), context.CancellationToken)).ToContract();

    public override async Task<Session> UpdateSession(UpdateSessionRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = Ids.Session(request.Id);
        var (revision, notice) = SessionMapping.ToRevision(request);
        return (await sessionCommands.ReviseAsync(caller, id, revision, notice, context.CancellationToken)).ToContract();
    }

    public override async Task<Session> CancelSession(CancelSessionRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = Ids.Session(request.Id);
        var (reason, notice) = SessionMapping.ToCancellation(request);
        return (await sessionCommands.CancelAsync(caller, id, reason, notice, context.CancellationToken)).ToContract();
    }

    public override async Task<DeleteSessionResponse> DeleteSession(DeleteSessionRequest request, ServerCallContext context)
    {
        await sessionCommands.DeleteAsync(context.Caller(), Ids.Session(request.Id), context.CancellationToken);
        return new DeleteSessionResponse();
    }

    public override async Task<EventProgram> GetProgram(GetProgramRequest request, ServerCallContext context)
    {
        var caller = context.CallerIfAny();
        return (await programs.GetAsync(Ids.Event(request.EventId), request.IncludeCancelled, caller, context.CancellationToken)).ToContract(caller);
    }

    public override async Task<HttpBody> GetProgramCalendar(GetProgramCalendarRequest request, ServerCallContext context)
    {
        var only = request.SessionIds.Select((id, i) => Ids.Session(id, $"session_ids[{i}]")).ToList();
        return (await programs.ForCalendarAsync(Ids.Event(request.EventId), only, context.CallerIfAny(), context.CancellationToken)).ToCalendar();
    }

    public override async Task<Room> CreateRoom(CreateRoomRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await roomCommands.CreateAsync(caller, RoomMapping.ToCommand(request), context.CancellationToken)).ToContract();
    }

    public override async Task<ListRoomsResponse> ListRooms(ListRoomsRequest request, ServerCallContext context)
    {
        var page = await roomQueries.ListAsync(
            Ids.Event(request.EventId), PageRequest.Of(request.PageSize, request.PageToken), context.CallerIfAny(), context.CancellationToken);
        return new ListRoomsResponse { Rooms = { page.Items.Select(r => r.ToContract()) }, NextPageToken = page.NextPageToken ?? "" };
    }

    public override async Task<Room> GetRoom(GetRoomRequest request, ServerCallContext context) =>
        (await roomQueries.GetAsync(Ids.Room(request.Id), context.CallerIfAny(), context.CancellationToken)).ToContract();

    public override async Task<Room> UpdateRoom(UpdateRoomRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = Ids.Room(request.Id);
        var (name, capacity) = RoomMapping.ToRevision(request);
        return (await roomCommands.ReviseAsync(caller, id, name, capacity, context.CancellationToken)).ToContract();
    }

    public override async Task<DeleteRoomResponse> DeleteRoom(DeleteRoomRequest request, ServerCallContext context)
    {
        await roomCommands.DeleteAsync(context.Caller(), Ids.Room(request.Id), context.CancellationToken);
        return new DeleteRoomResponse();
    }

    public override async Task<Speaker> CreateSpeaker(CreateSpeakerRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await speakerCommands.CreateAsync(caller, SpeakerMapping.ToCommand(request), context.CancellationToken)).ToContract(caller);
    }

    public override async Task<ListSpeakersResponse> ListSpeakers(ListSpeakersRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        var organizerId = input.Capture(() => SpeakerMapping.OrganizerId(request.OrganizerId));
        var query = RequestFields.SearchQuery(request.Query, input);
        var pageRequest = input.Capture(() => PageRequest.Of(request.PageSize, request.PageToken));
        input.ThrowIfInvalid();
        var page = await speakerQueries.ListAsync(organizerId!, query, pageRequest!, context.CancellationToken);
        var caller = context.CallerIfAny();
        return new ListSpeakersResponse { Speakers = { page.Items.Select(s => s.ToContract(caller)) }, NextPageToken = page.NextPageToken ?? "" };
    }

    public override async Task<Speaker> GetSpeaker(GetSpeakerRequest request, ServerCallContext context) =>
        (await speakerQueries.GetAsync(Ids.Speaker(request.Id), context.CancellationToken)).ToContract(context.CallerIfAny());

    public override async Task<Speaker> UpdateSpeaker(UpdateSpeakerRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = Ids.Speaker(request.Id);
        return (await speakerCommands.ReviseAsync(caller, id, SpeakerMapping.ToChange(request), context.CancellationToken)).ToContract(caller);
    }

    public override async Task<DeleteSpeakerResponse> DeleteSpeaker(DeleteSpeakerRequest request, ServerCallContext context)
    {
        await speakerCommands.DeleteAsync(context.Caller(), Ids.Speaker(request.Id), context.CancellationToken);
        return new DeleteSpeakerResponse();
    }

    public override async Task<ListEventSpeakersResponse> ListEventSpeakers(ListEventSpeakersRequest request, ServerCallContext context)
    {
        var caller = context.CallerIfAny();
        var page = await speakerQueries.OfEventAsync(
            Ids.Event(request.EventId), PageRequest.Of(request.PageSize, request.PageToken), caller, context.CancellationToken);
        return new ListEventSpeakersResponse { Speakers = { page.Items.Select(s => s.ToContract(caller)) }, NextPageToken = page.NextPageToken ?? "" };
    }
}
