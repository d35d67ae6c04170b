using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Domain;
using EventPlatform.Registrations.Application;
using EventPlatform.Registrations.Application.Registering;
using EventPlatform.Registrations.Application.Sessions;
using EventPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using EventPlatform.ServiceDefaults.Paging;

namespace EventPlatform.Registrations.Grpc;

public sealed class RegistrationGrpcService(
    RegistrationCommands commands, RegistrationQueries queries, SessionChoices sessions, RegistrationAdmission admission)
    : RegistrationService.RegistrationServiceBase
{
    public override async Task<Contracts.Registration.V1.Registration> Register(RegisterRequest request, ServerCallContext context)
    {
        // What was just saved is the answer: the caller is its attendee, and its position was counted when it was drawn.
        var command = request.ToCommand(context.Caller());
        var (registration, position) = await admission.AdmitAsync(
            () => commands.RegisterAsync(command, context.CancellationToken), context.CancellationToken);
        return registration.ToContract(position);
    }

    public override Task<Contracts.Registration.V1.Registration> GetRegistration(GetRegistrationRequest request, ServerCallContext context) =>
        ViewAsync(RegistrationMapping.ToId(request.Id, "id", "a registration"), context);

    public override async Task<ListMyRegistrationsResponse> ListMyRegistrations(ListMyRegistrationsRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        Guid? eventId = string.IsNullOrEmpty(request.EventId)
            ? null
            : input.Capture(() => (Guid?)RegistrationMapping.ToId(request.EventId, "event_id", "an event"));
        var pageRequest = input.Capture(() => PageRequest.Of(request.PageSize, request.PageToken));
        input.ThrowIfInvalid();
        var page = await queries.MineAsync(
            context.Caller(), RegistrationContract.ToDomain(request.Status), eventId, pageRequest!, context.CancellationToken);
        return new ListMyRegistrationsResponse
        {
            Registrations = { page.Registrations.Select(r => r.Registration.ToContract(r.WaitlistPosition)) },
            NextPageToken = page.NextPageToken ?? string.Empty,
        };
    }

    public override async Task<ListEventRegistrationsResponse> ListEventRegistrations(ListEventRegistrationsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = new InputValidation();
        var eventId = input.Capture(() => (Guid?)RegistrationMapping.ToId(request.EventId, "event_id", "an event"));
        if (request.SessionId.Length > 0 && !Guid.TryParse(request.SessionId, out _))
        {
            input.Add("session_id", "Expected a session id (a UUID).");
        }

        var query = RequestFields.SearchQuery(request.Query, input);
        var pageRequest = input.Capture(() => PageRequest.Of(request.PageSize, request.PageToken));
        input.ThrowIfInvalid();
        var page = await queries.ForEventAsync(
            new EventRegistrationsFilter(
                eventId!.Value,
                RegistrationContract.ToDomain(request.Status),
                query,
                request.SessionId.Length > 0 ? request.SessionId : null,
                pageRequest!),
            caller,
            context.CancellationToken);
        return new ListEventRegistrationsResponse
        {
            Registrations = { page.Registrations.Select(r => r.Registration.ToContract(r.WaitlistPosition)) },
            NextPageToken = page.NextPageToken ?? string.Empty,
            TotalCount = page.TotalCount ?? 0,
        };
    }

    public override async Task<Contracts.Registration.V1.Registration> CancelRegistration(CancelRegistrationRequest request, ServerCallContext context)
    {
        var id = RegistrationMapping.ToId(request.Id, "id", "a registration");
        await commands.CancelAsync(id, request.Reason, context.Caller(), context.CancellationToken);
        return await ViewAsync(id, context);
    }

    public override async Task<Contracts.Registration.V1.Registration> ApproveRegistration(ApproveRegistrationRequest request, ServerCallContext context)
    {
        var id = RegistrationMapping.ToId(request.Id, "id", "a registration");
        await commands.ApproveAsync(id, context.Caller(), context.CancellationToken);
        return await ViewAsync(id, context);
    }

    public override async Task<Contracts.Registration.V1.Registration> RejectRegistration(RejectRegistrationRequest request, ServerCallContext context)
    {
        var id = RegistrationMapping.ToId(request.Id, "id", "a registration");
        await commands.RejectAsync(id, request.Reason, context.Caller(), context.CancellationToken);
        return await ViewAsync(id, context);
    }

    public override async Task<Contracts.Registration.V1.Registration> ChooseSessions(ChooseSessionsRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        var id = input.Capture(() => (Guid?)RegistrationMapping.ToId(request.Id, "id", "a registration"));
        var sessionIds = RegistrationMapping.SessionIds(request.SessionIds, input);
        input.ThrowIfInvalid();
        await sessions.ChooseAsync(id!.Value, sessionIds, context.Caller(), context.CancellationToken);
        return await ViewAsync(id.Value, context);
    }

    /// <summary>Public: the event page shows it to anyone, signed in or not, so no caller is asked for.</summary>
    public override async Task<EventAvailability> GetEventAvailability(GetEventAvailabilityRequest request, ServerCallContext context)
    {
        var eventId = RegistrationMapping.ToId(request.EventId, "event_id", "an event");
        var availability = await queries.AvailabilityAsync(eventId, context.CancellationToken);
        var sessionAvailability = await queries.SessionAvailabilityAsync(eventId, context.CancellationToken);
        return new EventAvailability
        {
            EventId = availability.EventId.ToString(),
            Capacity = availability.Capacity,
            RemainingSeats = availability.RemainingSeats,
            WaitlistEnabled = availability.WaitlistEnabled,
            WaitlistLength = availability.WaitlistLength,
            ApprovalRequired = availability.ApprovalRequired,
            RegistrationOpen = availability.RegistrationOpen,
            Sessions =
            {
                sessionAvailability.Select(a => new SessionAvailability
                {
                    SessionId = a.SessionId, Capacity = a.Capacity, ChosenCount = a.Chosen, RemainingSeats = a.Remaining,
                }),
            },
        };
    }

    private async Task<Contracts.Registration.V1.Registration> ViewAsync(Guid id, ServerCallContext context)
    {
        var (registration, position) = await queries.GetAsync(id, context.Caller(), context.CancellationToken);
        return registration.ToContract(position);
    }
}
