using EventPlatform.Contracts.Registration.V1;
using Grpc.Core;

namespace EventPlatform.Bff.Forwarding;

/// <summary>Registration's public API at the edge; RegistrationInternalService is never mapped here.</summary>
public sealed class RegistrationForwarder(RegistrationService.RegistrationServiceClient registration)
    : RegistrationService.RegistrationServiceBase
{
    public override Task<Registration> Register(RegisterRequest request, ServerCallContext context) =>
        registration.RegisterAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<ListMyRegistrationsResponse> ListMyRegistrations(ListMyRegistrationsRequest request, ServerCallContext context) =>
        registration.ListMyRegistrationsAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Registration> GetRegistration(GetRegistrationRequest request, ServerCallContext context) =>
        registration.GetRegistrationAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Registration> CancelRegistration(CancelRegistrationRequest request, ServerCallContext context) =>
        registration.CancelRegistrationAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Registration> ApproveRegistration(ApproveRegistrationRequest request, ServerCallContext context) =>
        registration.ApproveRegistrationAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Registration> RejectRegistration(RejectRegistrationRequest request, ServerCallContext context) =>
        registration.RejectRegistrationAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Registration> ChooseSessions(ChooseSessionsRequest request, ServerCallContext context) =>
        registration.ChooseSessionsAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<ListEventRegistrationsResponse> ListEventRegistrations(ListEventRegistrationsRequest request, ServerCallContext context) =>
        registration.ListEventRegistrationsAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<EventAvailability> GetEventAvailability(GetEventAvailabilityRequest request, ServerCallContext context) =>
        registration.GetEventAvailabilityAsync(request, Forward.Options(context)).ResponseAsync;
}
