using EventPlatform.Notification.Application;
using EventPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Proto = EventPlatform.Contracts.Notification.V1;

namespace EventPlatform.Notification.Grpc;

/// <summary>For operators and tests: a delivery, and sending a failed one again.</summary>
public sealed class NotificationInternalGrpcService(NotificationQueries queries, NotificationCommands commands)
    : Proto.NotificationInternalService.NotificationInternalServiceBase
{
    public override async Task<Proto.Delivery> GetDelivery(Proto.GetDeliveryRequest request, ServerCallContext context) =>
        (await queries.DeliveryAsync(RequestFields.Uuid(request.Id, "id", "a delivery id"), context.CancellationToken)).ToContract();

    public override async Task<Proto.Delivery> RetryDelivery(Proto.RetryDeliveryRequest request, ServerCallContext context) =>
        (await commands.RetryDeliveryAsync(RequestFields.Uuid(request.Id, "id", "a delivery id"), caller: null, context.CancellationToken)).ToContract();
}
