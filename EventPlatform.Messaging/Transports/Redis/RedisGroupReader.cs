using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>
/// XREADGROUP … BLOCK over all the group's streams on a dedicated connection: new entries arrive as soon as they are
/// added, without polling. StackExchange.Redis has no blocking API (it would stall a shared multiplexer), so the command
/// is sent as is and its RESP2 reply parsed here.
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
        return Parse(reply);
    }

    private static List<RedisStreamEntry> Parse(RedisResult reply)
    {
        var entries = new List<RedisStreamEntry>();
        if (reply.IsNull)
        {
            return entries; // the block timed out
        }

        foreach (var stream in (RedisResult[])reply!)
        {
            var parts = (RedisResult[])stream!;
            var name = (string)parts[0]!;
            foreach (var entry in (RedisResult[])parts[1]!)
            {
                var idAndFields = (RedisResult[])entry!;
                entries.Add(new RedisStreamEntry(name, (RedisValue)idAndFields[0], Fields(idAndFields[1]), DeliveryCount: 1));
            }
        }

        return entries;
    }

    private static NameValueEntry[] Fields(RedisResult result)
    {
        if (result.IsNull)
        {
            return [];
        }

        var flat = (RedisValue[])result!;
        var fields = new NameValueEntry[flat.Length / 2];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = new NameValueEntry(flat[2 * i], flat[(2 * i) + 1]);
        }

        return fields;
    }
}
