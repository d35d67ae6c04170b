using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>
/// The RESP2 reply of XREAD and XREADGROUP, sent as raw commands because StackExchange.Redis has no blocking API:
/// streams, each with its entries and their fields.
/// </summary>
internal static class StreamReplies
{
    public static List<RedisStreamEntry> Parse(RedisResult reply)
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
