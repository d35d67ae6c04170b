using EventPlatform.Contracts.Program.V1;
using Google.Api;
using Grpc.Core;

namespace EventPlatform.Bff.Forwarding;

/// <summary>The program's public API at the edge: each call goes to the program service as it came.</summary>
public sealed class ProgramForwarder(ProgramService.ProgramServiceClient program) : ProgramService.ProgramServiceBase
{
    public override Task<Session> CreateSession(CreateSessionRequest request, ServerCallContext context) =>
        program.CreateSessionAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context) =>
        program.ListSessionsAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Session> GetSession(GetSessionRequest request, ServerCallContext context) =>
        program.GetSessionAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Session> UpdateSession(UpdateSessionRequest request, ServerCallContext context) =>
        program.UpdateSessionAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Session> CancelSession(CancelSessionRequest request, ServerCallContext context) =>
        program.CancelSessionAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<DeleteSessionResponse> DeleteSession(DeleteSessionRequest request, ServerCallContext context) =>
        program.DeleteSessionAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<EventProgram> GetProgram(GetProgramRequest request, ServerCallContext context) =>
        program.GetProgramAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<HttpBody> GetProgramCalendar(GetProgramCalendarRequest request, ServerCallContext context) =>
        program.GetProgramCalendarAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Room> CreateRoom(CreateRoomRequest request, ServerCallContext context) =>
        program.CreateRoomAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<ListRoomsResponse> ListRooms(ListRoomsRequest request, ServerCallContext context) =>
        program.ListRoomsAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Room> GetRoom(GetRoomRequest request, ServerCallContext context) =>
        program.GetRoomAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Room> UpdateRoom(UpdateRoomRequest request, ServerCallContext context) =>
        program.UpdateRoomAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<DeleteRoomResponse> DeleteRoom(DeleteRoomRequest request, ServerCallContext context) =>
        program.DeleteRoomAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Speaker> CreateSpeaker(CreateSpeakerRequest request, ServerCallContext context) =>
        program.CreateSpeakerAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<ListSpeakersResponse> ListSpeakers(ListSpeakersRequest request, ServerCallContext context) =>
        program.ListSpeakersAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Speaker> GetSpeaker(GetSpeakerRequest request, ServerCallContext context) =>
        program.GetSpeakerAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Speaker> UpdateSpeaker(UpdateSpeakerRequest request, ServerCallContext context) =>
        program.UpdateSpeakerAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<DeleteSpeakerResponse> DeleteSpeaker(DeleteSpeakerRequest request, ServerCallContext context) =>
        program.DeleteSpeakerAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<ListEventSpeakersResponse> ListEventSpeakers(ListEventSpeakersRequest request, ServerCallContext context) =>
        program.ListEventSpeakersAsync(request, Forward.Options(context)).ResponseAsync;
}
