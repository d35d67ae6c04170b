using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Registration.Application;
using Grpc.Core;

namespace EventPlatform.Registration.Grpc;

public sealed class RegistrationGrpcService(RegistrationCommands commands, RegistrationQueries queries)
    : RegistrationService.RegistrationServiceBase
{
    public override async Task<Contracts.Registration.V1.Registration> Register(RegisterRequest request, ServerCallContext context)
    {
        var registration = await commands.RegisterAsync(request.ToCommand(context.Caller()), context.CancellationToken);
        return await ViewAsync(registration.Id, context);
    }

    public override Task<Contracts.Registration.V1.Registration> GetRegistration(GetRegistrationRequest request, ServerCallContext context) =>
        ViewAsync(RegistrationMapping.ToId(request.Id, "id", "a registration"), context);

    public override async Task<ListMyRegistrationsResponse> ListMyRegistrations(ListMyRegistrationsRequest request, ServerCallContext context)
    {
        Guid? eventId = string.IsNullOrEmpty(request.EventId) ? null : RegistrationMapping.ToId(request.EventId, "event_id", "an event");
        var mine = await queries.MineAsync(context.Caller(), RegistrationContract.ToDomain(request.Status), eventId, context.CancellationToken);
        return new ListMyRegistrationsResponse { Registrations = { mine.Select(r => r.ToContract()) } };
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

    private async Task<Contracts.Registration.V1.Registration> ViewAsync(Guid id, ServerCallContext context)
    {
        var (registration, position) = await queries.GetAsync(id, context.Caller(), context.CancellationToken);
        return registration.ToContract(position);
    }
}
