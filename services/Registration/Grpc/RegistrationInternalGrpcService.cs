using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Domain;
using EventPlatform.Registrations.Application;
using Grpc.Core;
using EventPlatform.ServiceDefaults.Paging;

namespace EventPlatform.Registrations.Grpc;

/// <summary>For other services only: the BFF never maps this service, so it cannot be reached from outside.</summary>
public sealed class RegistrationInternalGrpcService(RegistrationQueries queries) : RegistrationInternalService.RegistrationInternalServiceBase
{
    public override async Task<Contracts.Registration.V1.Registration> GetRegistration(GetRegistrationRequest request, ServerCallContext context)
    {
        var (registration, position) = await queries.GetAsync(
            RegistrationMapping.ToId(request.Id, "id", "a registration"), caller: null, context.CancellationToken);
        return registration.ToContract(position);
    }

    /// <summary>Unknown ids are left out; at most 100 ids.</summary>
    public override async Task<BatchGetRegistrationsResponse> BatchGetRegistrations(BatchGetRegistrationsRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        if (request.Ids.Count > 100)
        {
            input.Add("ids", "At most 100 ids.");
        }

        var ids = request.Ids.Select((id, i) => input.Capture(() => (Guid?)RegistrationMapping.ToId(id, $"ids[{i}]", "a registration")))
            .OfType<Guid>().Distinct().ToList();
        input.ThrowIfInvalid();
        var found = await queries.BatchGetAsync(ids, context.CancellationToken);
        return new BatchGetRegistrationsResponse { Registrations = { found.Select(r => r.Registration.ToContract(r.WaitlistPosition)) } };
    }

    public override async Task<Contracts.Registration.V1.SeatCounts> GetSeatCounts(GetSeatCountsRequest request, ServerCallContext context)
    {
        var counts = await queries.SeatCountsAsync(RegistrationMapping.ToId(request.EventId, "event_id", "an event"), context.CancellationToken);
        return new Contracts.Registration.V1.SeatCounts
        {
            EventId = counts.EventId.ToString(),
            Capacity = counts.Capacity,
            ConfirmedCount = counts.Confirmed,
            HeldCount = counts.Held,
            WaitlistedCount = counts.Waitlisted,
        };
    }

    public override async Task<ListConfirmedAttendeesResponse> ListConfirmedAttendees(ListConfirmedAttendeesRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        var eventId = input.Capture(() => (Guid?)RegistrationMapping.ToId(request.EventId, "event_id", "an event"));
        var pageRequest = input.Capture(() => PageRequest.Of(request.PageSize, request.PageToken, maxSize: 1000, defaultSize: 500));
        input.ThrowIfInvalid();
        var page = await queries.ConfirmedAttendeesAsync(eventId!.Value, request.SessionIds, pageRequest!, context.CancellationToken);
        return new ListConfirmedAttendeesResponse
        {
            Attendees =
            {
                page.Items.Select(r => new Contracts.Registration.V1.ConfirmedAttendee
                {
                    RegistrationId = r.Id.ToString(),
                    Attendee = r.ToContract().Attendee,
                    SessionIds = { r.SessionIds },
                }),
            },
            NextPageToken = page.NextPageToken ?? string.Empty,
        };
    }
}
