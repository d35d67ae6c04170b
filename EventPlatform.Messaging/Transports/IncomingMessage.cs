using EventPlatform.Messaging.Envelope;

namespace EventPlatform.Messaging.Transports;

/// <param name="Topic">The physical topic or stream it was read from.</param>
/// <param name="DeliveryAttempt">1 on first delivery; higher after handler failures or a dead consumer.</param>
internal sealed record IncomingMessage(string Topic, IntegrationEventEnvelope Envelope, int DeliveryAttempt);
