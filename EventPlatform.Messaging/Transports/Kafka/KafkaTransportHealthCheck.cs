using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventPlatform.Messaging.Transports.Kafka;

/// <summary>Ready while the cluster answers a metadata request with at least one broker.</summary>
internal sealed class KafkaTransportHealthCheck(KafkaClients clients) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var metadata = await Task.Run(() => clients.Admin.GetMetadata(TimeSpan.FromSeconds(5)), cancellationToken);
            return metadata.Brokers.Count > 0
                ? HealthCheckResult.Healthy($"Kafka transport: {metadata.Brokers.Count} broker(s) reachable.")
                : HealthCheckResult.Unhealthy("Kafka transport: the cluster reports no broker; events wait in the outbox.");
        }
        catch (KafkaException e)
        {
            return HealthCheckResult.Unhealthy("Kafka transport: the cluster does not answer; events wait in the outbox.", e);
        }
    }
}
