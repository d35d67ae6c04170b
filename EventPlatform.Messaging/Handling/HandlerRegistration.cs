using Google.Protobuf;

namespace EventPlatform.Messaging.Handling;

/// <summary>One Subscribe call: which event, which handler, and the consumer name its inbox records are kept under.</summary>
internal sealed record HandlerRegistration(
    string EventType,
    string Topic,
    MessageParser Parser,
    string ConsumerName,
    Func<IServiceProvider, IMessage, IntegrationEventContext, CancellationToken, Task> InvokeAsync);
