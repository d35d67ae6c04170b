namespace EventPlatform.Tests.Messaging.Transports;

/// <summary>A test that needs a Kafka broker: reported as skipped, with the reason, when none is given.</summary>
public sealed class KafkaFactAttribute : FactAttribute
{
    public const string BootstrapServersVariable = "KAFKA_BOOTSTRAP_SERVERS";

    public KafkaFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            Skip = $"{BootstrapServersVariable} is not set: no Kafka broker to run the transport contract against.";
        }
    }

    public static string? BootstrapServers => Environment.GetEnvironmentVariable(BootstrapServersVariable);
}
