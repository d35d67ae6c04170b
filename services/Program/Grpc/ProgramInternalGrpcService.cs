using EventPlatform.Contracts.Program.V1;
using EventPlatform.Program.Application.Sessions;
using Grpc.Core;

namespace EventPlatform.Program.Grpc;

/// <summary>For other services only (the BFF never maps it): whole programs and sessions by id, whatever their status.</summary>
public sealed class ProgramInternalGrpcService(SessionQueries sessions) : ProgramInternalService.ProgramInternalServiceBase
{
    public override async Task<ListSessionsOfEventResponse> ListSessionsOfEvent(ListSessionsOfEventRequest request, ServerCallContext context)
    {
        var (found, rooms) = await sessions.OfEventAsync(Ids.Event(request.EventId), request.IncludeCancelled, context.CancellationToken);
        return new ListSessionsOfEventResponse { Sessions = { found.Select(s => s.ToContract()) }, Rooms = { rooms.Select(r => r.ToContract()) } };
    }

    public override async Task<BatchGetSessionsResponse> BatchGetSessions(BatchGetSessionsRequest request, ServerCallContext context)
    {
        var ids = request.Ids.Select((id, i) => Ids.Session(id, $"ids[{i}]")).Distinct().ToList();
        var found = await sessions.BatchGetAsync(ids, context.CancellationToken);
        return new BatchGetSessionsResponse { Sessions = { found.Select(s => s.ToContract()) } };
    }
}
