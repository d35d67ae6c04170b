using EventPlatform.Messaging.Transports.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class HealthCheckTests(MessagingInfrastructure infrastructure, ITestOutputHelper output)
{
    private readonly string _prefix = $"t{Guid.NewGuid():N}.";

    [Fact]
    public async Task The_service_is_ready_while_its_event_transport_answers()
    {
        await using var service = await BusService.StartAsync(
            new BusServiceSpec("registration", await infrastructure.CreateDatabaseAsync("registration"), infrastructure.RedisConnectionString, _prefix, output));

        var report = await service.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries[RedisTransportRegistration.HealthCheckName].Status.ShouldBe(HealthStatus.Healthy);
        report.Entries[RedisTransportRegistration.HealthCheckName].Tags.ShouldContain("ready");
    }

    [Fact]
    public async Task The_service_is_not_ready_while_its_event_transport_is_unreachable()
    {
        await using var service = await BusService.StartAsync(
            new BusServiceSpec("registration", await infrastructure.CreateDatabaseAsync("registration"), UnreachableRedis.Address(), _prefix, output));

        var report = await service.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var transport = report.Entries[RedisTransportRegistration.HealthCheckName];
        transport.Status.ShouldBe(HealthStatus.Unhealthy);
        transport.Description.ShouldBe("Redis Streams transport: Redis does not answer; events wait in the outbox.");
    }
}
