using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.AppHost.Infrastructure;

/// <summary>
/// librdkafka's built-in Kafka-protocol mock cluster, held in this process: brokers on loopback ports that any Kafka
/// client reaches through <see cref="BootstrapServers"/>. For development and tests only — it keeps everything in
/// memory and is gone with the process; a real cluster is configured with <c>ConnectionStrings__kafka</c>.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly IAdminClient _holder;

    private KafkaMockCluster(IAdminClient holder, string bootstrapServers)
    {
        _holder = holder;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    public static KafkaMockCluster Start(int brokers = 3)
    {
        var config = new AdminClientConfig();
        config.Set("test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The mock cluster logs its brokers' addresses at start; the metadata below says the same.
        var holder = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
        var metadata = holder.GetMetadata(TimeSpan.FromSeconds(10));
        return new KafkaMockCluster(holder, string.Join(',', metadata.Brokers.Select(b => $"{b.Host}:{b.Port}")));
    }

    public void Dispose() => _holder.Dispose();
}

public static class KafkaTransportResources
{
    /// <summary>
    /// <c>EventPlatform:Transport=kafka</c>: the services exchange their integration events over Kafka — librdkafka's mock
    /// cluster held by the AppHost for the run, or the cluster named by <c>ConnectionStrings:kafka</c> — instead of Redis
    /// Streams. Redis stays for what else it does (seat gates, caches).
    /// </summary>
    public static void UseKafkaIfAsked(this IDistributedApplicationBuilder builder, IEnumerable<IResourceBuilder<ProjectResource>> services)
    {
        if (!string.Equals(builder.Configuration["EventPlatform:Transport"], "kafka", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var servers = builder.Configuration.GetConnectionString("kafka");
        var mock = string.IsNullOrWhiteSpace(servers);
        if (mock)
        {
            var cluster = KafkaMockCluster.Start();
            builder.Services.AddSingleton(cluster);
            servers = cluster.BootstrapServers;
            Console.WriteLine($"Integration events travel over Kafka: librdkafka's MOCK cluster in this process ({servers}), "
                + "in memory, for development only — not a broker. Set ConnectionStrings:kafka for a real cluster.");
        }

        foreach (var service in services)
        {
            service.WithEnvironment("ConnectionStrings__kafka", servers);
            if (mock)
            {
                // The mock creates topics as they are first used; its admin API cannot.
                service.WithEnvironment("Messaging__Kafka__CreateTopics", "false");
            }
        }
    }
}
