using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Transports;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.DeadLetters;

internal sealed class ServiceDeadLetters(IDeadLetterQueue queue, IOptions<EventBusOptions> options) : IDeadLetters
{
    public Task<IReadOnlyList<DeadLetter>> ListAsync(string topic, int max = 100, CancellationToken cancellationToken = default) =>
        queue.ListAsync(options.Value.PhysicalTopic(topic), options.Value.ServiceName, max, cancellationToken);

    public Task<int> ReplayAsync(string topic, int max = 100, CancellationToken cancellationToken = default) =>
        queue.ReplayAsync(options.Value.PhysicalTopic(topic), options.Value.ServiceName, max, cancellationToken);
}
