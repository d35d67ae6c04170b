using Confluent.Kafka;
using EventPlatform.Messaging.Configuration;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Transports.Kafka;

/// <summary>The client settings every Kafka client of the bus shares, and the long-lived producer and admin client.</summary>
internal sealed class KafkaClients : IDisposable
{
    private readonly string _bootstrapServers;
    private readonly EventBusOptions _options;
    private readonly Lazy<IProducer<string, byte[]>> _producer;
    private readonly Lazy<IAdminClient> _admin;

    public KafkaClients(string bootstrapServers, IOptions<EventBusOptions> options)
    {
        _bootstrapServers = bootstrapServers;
        _options = options.Value;
        _producer = new Lazy<IProducer<string, byte[]>>(() => new ProducerBuilder<string, byte[]>(ProducerConfig()).Build());
        _admin = new Lazy<IAdminClient>(() => new AdminClientBuilder(Settings(new AdminClientConfig())).Build());
    }

    public IProducer<string, byte[]> Producer => _producer.Value;

    public IAdminClient Admin => _admin.Value;

    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Manual commits only: an offset moves past a message once its handler's transaction committed.</summary>
    public ConsumerConfig ConsumerConfig(string groupId, string clientId) => Settings(new ConsumerConfig
    {
        GroupId = groupId,
        ClientId = clientId,
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        AllowAutoCreateTopics = !_options.Kafka.CreateTopics,
        IsolationLevel = IsolationLevel.ReadCommitted,
        PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
        SessionTimeoutMs = (int)_options.Kafka.SessionTimeout.TotalMilliseconds,
    });

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            // Whatever is still in flight gets a chance to be acknowledged; the outbox republishes the rest anyway.
            _producer.Value.Flush(RequestTimeout);
            _producer.Value.Dispose();
        }

        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }

    /// <summary>
    /// Idempotent producer, acknowledged by all in-sync replicas: a retried send is neither duplicated nor reordered
    /// within its partition, and the key (the ordering key) keeps every event of one catalog event on one partition.
    /// </summary>
    private ProducerConfig ProducerConfig() => Settings(new ProducerConfig
    {
        ClientId = _options.ServiceName,
        Acks = Acks.All,
        EnableIdempotence = true,
        LingerMs = 5,
    });

    private T Settings<T>(T config) where T : ClientConfig
    {
        foreach (var (key, value) in _options.Kafka.Client)
        {
            config.Set(key, value);
        }

        config.BootstrapServers = _bootstrapServers;
        return config;
    }
}
