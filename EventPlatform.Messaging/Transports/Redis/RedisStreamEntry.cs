using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>An entry read from a stream, with how often the group has delivered it so far (1 = first time).</summary>
internal sealed record RedisStreamEntry(string Stream, RedisValue Id, NameValueEntry[] Fields, int DeliveryCount);
