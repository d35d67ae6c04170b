using EventPlatform.Messaging.Envelope;

namespace EventPlatform.Messaging.Transports;

/// <summary>Hands one event to the broker; returns once the broker has it durably enough to count as published.</summary>
internal interface ITransportPublisher
{
    /// <summary>The messaging.system of our spans and metrics: "redis" or "kafka".</summary>
    string System { get; }

    Task PublishAsync(string topic, IntegrationEventEnvelope envelope, CancellationToken cancellationToken);
}
