using System.Globalization;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Envelope;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>
/// Moves a message the group gave up on to <c>&lt;stream&gt;.dead-letter</c>: every original field, plus why, who gave
/// up, after how many attempts and when. Added first and acknowledged second, not in one MULTI (the two keys may live
/// on different cluster nodes): a crash in between leaves it pending, to be dead-lettered again — never lost.
/// </summary>
internal sealed class RedisDeadLetterWriter(IDatabase database, ConsumerSettings settings, MessagingMetrics metrics, TimeProvider clock, ILogger logger)
{
    public async Task WriteAsync(RedisStreamEntry entry, string reason, int attempts)
    {
        var deadLetterStream = Topics.DeadLetterOf(entry.Stream);
        NameValueEntry[] fields =
        [
            .. entry.Fields.Where(f => !DeadLetterAttributes.IsDeadLetterAttribute(f.Name.ToString())),
            new(DeadLetterAttributes.Reason, reason),
            new(DeadLetterAttributes.Group, settings.Group),
            new(DeadLetterAttributes.Consumer, settings.ConsumerName),
            new(DeadLetterAttributes.Attempts, attempts),
            new(DeadLetterAttributes.Time, EnvelopeReader.FormatTime(clock.GetUtcNow())),
            new(DeadLetterAttributes.Position, entry.Id),
        ];
        await database.StreamAddAsync(deadLetterStream, fields);
        await database.StreamAcknowledgeAsync(entry.Stream, settings.Group, entry.Id);

        metrics.DeadLettered(RedisStreamPublisher.SystemName, entry.Stream, settings.Group);
        var messageId = entry.Fields.FirstOrDefault(f => f.Name == CloudEventAttributes.Id).Value;
        logger.DeadLettered(
            messageId.IsNull ? $"(entry {entry.Id})" : messageId.ToString(), entry.Stream, settings.Group,
            attempts, reason, deadLetterStream);
    }

    public static int ParseAttempts(RedisValue value) =>
        int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempts) ? attempts : 0;
}
