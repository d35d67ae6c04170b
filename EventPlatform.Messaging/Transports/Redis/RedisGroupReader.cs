using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>
/// XREADGROUP … BLOCK over all the group's streams on a dedicated connection: new entries arrive as soon as they are
/// added, without polling.
/// </summary>
internal sealed class RedisGroupReader(IDatabase dedicated, ConsumerSettings settings)
{
    public async Task<IReadOnlyList<RedisStreamEntry>> ReadNewAsync(TimeSpan block)
    {
        var arguments = new List<object>
        {
            "GROUP", settings.Group, settings.ConsumerName,
            "COUNT", settings.BatchSize,
            "BLOCK", (long)Math.Max(1, block.TotalMilliseconds),
            "STREAMS",
        };
        arguments.AddRange(settings.Topics.Select(topic => (object)new RedisKey(topic)));
        arguments.AddRange(settings.Topics.Select(_ => (object)">"));

        var reply = await dedicated.ExecuteAsync("XREADGROUP", arguments);
        return StreamReplies.Parse(reply);
    }
}
