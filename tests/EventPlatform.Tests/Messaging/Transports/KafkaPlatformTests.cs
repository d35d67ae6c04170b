using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using EventPlatform.AppHost.Infrastructure;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Tests.Messaging.Transports;

/// <summary>The platform with the AppHost's Kafka switch on: integration events travel over Kafka topics end to end.</summary>
public sealed class KafkaPlatformTests : IAsyncLifetime
{
    private TestPlatform _app = null!;
    private string? _lastRefusal;

    public async Task InitializeAsync() => _app = await TestPlatform.StartAsync(new PlatformOptions
    {
        Transport = "kafka",
        // What a free registration needs, and no more: a platform on Kafka beside the other test platforms on two cores.
        Except = ["program", "payment", "billing", "notification", "stripe-sandbox", "mail"],
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_registration_through_the_bff_travels_over_kafka_to_the_services_that_consume_it()
    {
        var organizer = _app.CreateToken($"organizer-{Guid.NewGuid():N}", CallerRole.Organizer);
        var attendee = _app.CreateToken($"attendee-{Guid.NewGuid():N}", CallerRole.Attendee);
        var club = new
        {
            requestId = Guid.NewGuid().ToString(), legalName = "Kafka Club", invoicePrefix = "KAFKA", contactEmail = "club@example.org",
            address = new { line1 = "1 rue", city = "Lyon", countryCode = "FR" },
        };
        // The first call into a platform just started pays for its JIT beside the other test platforms on two cores and
        // can outlast its deadline; the request id makes asking again safe.
        var created = await Eventually.ReturnsAsync(() => TryPostAsync(organizer, "/organizers", club), r => r is not null, "catalog to take the organizer");
        var e = await PostAsync(organizer, "/events", new
        {
            requestId = Guid.NewGuid().ToString(), organizerId = (string)created!["id"]!, title = "Streams Days", onlineUrl = "https://meet.example.org/x",
            startTime = $"{DateTime.UtcNow.Year + 1}-03-10T08:00:00Z", endTime = $"{DateTime.UtcNow.Year + 1}-03-10T17:00:00Z", timeZone = "Europe/Paris",
            capacity = 10,
        });
        await PostAsync(organizer, $"/events/{e["id"]}/publish", new { });

        // Registration learns of the event from catalog's EventPublished, over Kafka, before it accepts registrations.
        var registration = await Eventually.ReturnsAsync(
            () => TryPostAsync(attendee, "/registrations", new { requestId = Guid.NewGuid().ToString(), eventId = (string)e["id"]!, name = "Ada", email = "ada@example.org", locale = "en-GB" }),
            r => r is not null, "the registration to be accepted");
        // Analytics counts it from registration's events, also over Kafka.
        var statistics = await Eventually.ReturnsAsync(
            () => TryGetAsync(organizer, $"/analytics/events/{e["id"]}"), s => (int?)s?["confirmedCount"] == 1, "analytics to count the registration");

        ((string?)registration!["status"]).ShouldBe("REGISTRATION_STATUS_CONFIRMED");
        ((int?)statistics!["requestedCount"]).ShouldBe(1);
        var cluster = _app.App.Services.GetRequiredService<KafkaMockCluster>();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var topics = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.Select(t => t.Topic).ToList();
        topics.ShouldContain(t => t.EndsWith("catalog.events", StringComparison.Ordinal));
        topics.ShouldContain(t => t.EndsWith("registration.events", StringComparison.Ordinal));
        MessagesIn(cluster.BootstrapServers, admin, topics.First(t => t.EndsWith("registration.events", StringComparison.Ordinal))).ShouldBeGreaterThanOrEqualTo(2);
    }

    private static long MessagesIn(string servers, IAdminClient admin, string topic)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = servers, GroupId = $"probe-{Guid.NewGuid():N}" }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;
        return partitions.Sum(p =>
        {
            var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), TimeSpan.FromSeconds(10));
            return offsets.High.Value - offsets.Low.Value;
        });
    }

    private async Task<JsonNode> PostAsync(string token, string path, object body) =>
        await TryPostAsync(token, path, body) ?? throw new InvalidOperationException($"POST {path} answered {_lastRefusal}");

    private async Task<JsonNode?> TryPostAsync(string token, string path, object body)
    {
        using var http = Bff(token);
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            return JsonNode.Parse(text);
        }

        _lastRefusal = $"{(int)response.StatusCode}: {text}";
        return null;
    }

    private async Task<JsonNode?> TryGetAsync(string token, string path)
    {
        using var http = Bff(token);
        using var response = await http.GetAsync(path);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    private HttpClient Bff(string token)
    {
        var http = new HttpClient { BaseAddress = _app.GetEndpoint("bff", "http") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }
}
