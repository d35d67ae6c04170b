namespace EventPlatform.Messaging.Transports;

/// <summary>
/// Delivers the messages of the given topics to the handler until cancelled, with the transport's guarantees: a
/// message is acknowledged only after the handler returned, redelivered when its consumer dies, retried with backoff
/// when the handler throws, and dead-lettered after the last attempt or when it cannot be read at all.
/// </summary>
internal interface ITransportConsumer
{
    Task RunAsync(ConsumerSettings settings, DeliveryHandler handler, CancellationToken cancellationToken);
}

/// <summary>Handles one message. Throwing means "retry"; cancellation means "stop without acknowledging".</summary>
internal delegate Task<DeliveryOutcome> DeliveryHandler(IncomingMessage message, CancellationToken cancellationToken);
