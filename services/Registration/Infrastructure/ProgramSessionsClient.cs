using EventPlatform.Contracts.Program.V1;
using EventPlatform.Registrations.Application.Ports;

namespace EventPlatform.Registrations.Infrastructure;

/// <summary>Asks program, which owns sessions, for those an attendee chooses and for an event's program.</summary>
internal sealed class ProgramSessionsClient(ProgramInternalService.ProgramInternalServiceClient program) : IProgramSessions
{
    public async Task<IReadOnlyList<Domain.Sessions.Session>> FindAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var response = await program.BatchGetSessionsAsync(new BatchGetSessionsRequest { Ids = { ids } }, cancellationToken: cancellationToken);
        return response.Sessions.Select(ToDomain).ToList();
    }

    public async Task<IReadOnlyList<Domain.Sessions.Session>> OfEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var response = await program.ListSessionsOfEventAsync(
            new ListSessionsOfEventRequest { EventId = eventId.ToString() }, cancellationToken: cancellationToken);
        return response.Sessions.Select(ToDomain).ToList();
    }

    private static Domain.Sessions.Session ToDomain(Session s) => new(
        s.Id,
        Guid.Parse(s.EventId),
        s.StartTime.ToDateTimeOffset(),
        s.EndTime.ToDateTimeOffset(),
        s.Capacity,
        s.Plenary,
        s.Status == SessionStatus.Scheduled);
}
