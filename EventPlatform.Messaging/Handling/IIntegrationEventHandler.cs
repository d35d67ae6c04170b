using Google.Protobuf;

namespace EventPlatform.Messaging.Handling;

/// <summary>
/// Applies one integration event to the service's state. It runs inside a transaction of the service's DbContext,
/// together with the inbox record of the event: use that DbContext (inject it) for every effect, and a redelivered
/// event is acknowledged without running the handler again. Throw to have the event retried (then dead-lettered).
/// Changes left unsaved are saved when the handler returns; events enqueued on <c>IOutbox</c> commit with them.
/// </summary>
public interface IIntegrationEventHandler<TEvent> where TEvent : IMessage<TEvent>
{
    Task HandleAsync(TEvent message, IntegrationEventContext context, CancellationToken cancellationToken);
}
