using EventPlatform.Messaging.Transports.Redis;
using EventPlatform.Tests.Messaging.Transports;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class RedisStreamTrimmerTests(MessagingInfrastructure infrastructure, ITestOutputHelper output)
{
    [Fact]
    public async Task Old_entries_are_trimmed_once_acknowledged_and_those_still_pending_or_recent_are_kept()
    {
        await using var transport = TransportUnderTest.Redis(infrastructure.RedisConnectionString, output);
        await using var redis = await RedisProbe.ConnectAsync(infrastructure.RedisConnectionString);
        var stream = $"trim-{Guid.NewGuid():N}.catalog.events";
        // Ids are milliseconds since 1970: these three are far older than the week of retention.
        foreach (var id in new[] { "1000-0", "2000-0", "3000-0" })
        {
            await redis.Database.StreamAddAsync(stream, [new NameValueEntry("n", id)], messageId: id);
        }

        var recent = await redis.Database.StreamAddAsync(stream, [new NameValueEntry("n", "recent")]);
        await redis.Database.StreamCreateConsumerGroupAsync(stream, "billing", StreamPosition.Beginning);
        var delivered = await redis.Database.StreamReadGroupAsync(stream, "billing", "consumer-1", ">", count: 2);
        await redis.Database.StreamAcknowledgeAsync(stream, "billing", delivered[0].Id);

        var trimmed = await transport.Get<RedisStreamTrimmer>().TrimAsync(stream);

        trimmed.ShouldBe(1);
        (await redis.Database.StreamRangeAsync(stream)).Select(e => e.Id.ToString()).ShouldBe(["2000-0", "3000-0", recent.ToString()]);
    }
}
