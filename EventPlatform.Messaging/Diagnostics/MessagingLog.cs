using Microsoft.Extensions.Logging;

namespace EventPlatform.Messaging.Diagnostics;

/// <summary>Every log line of the bus, each saying what happened and what happens next.</summary>
internal static partial class MessagingLog
{
    [LoggerMessage(1, LogLevel.Warning, "The outbox relay of {Service} cannot start yet ({Reason}); trying again in {Delay}. Are the service's migrations applied?")]
    public static partial void RelayNotReady(this ILogger logger, string service, string reason, TimeSpan delay);

    [LoggerMessage(2, LogLevel.Error, "The outbox relay failed; trying again in {Delay}.")]
    public static partial void RelayFailed(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Warning, "Publishing {Type} {MessageId} (key {OrderingKey}) to {Topic} failed on attempt {Attempt}: {Error}. Its key waits until {NextAttemptAt:O}.")]
    public static partial void PublishFailed(this ILogger logger, string type, Guid messageId, string orderingKey, string topic, int attempt, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(4, LogLevel.Warning, "Lost the outbox notification connection ({Error}); polling every {PollInterval} until it is back.")]
    public static partial void ListenerLost(this ILogger logger, string error, TimeSpan pollInterval);

    [LoggerMessage(5, LogLevel.Error, "The consumer of {Group} stopped unexpectedly; restarting it in {Delay}.")]
    public static partial void ConsumerFailed(this ILogger logger, Exception exception, string group, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Warning, "Handling {Type} {MessageId} from {Topic} failed on attempt {Attempt} of {MaxAttempts}; retrying in {Delay}.")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string type, string messageId, string topic, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(18, LogLevel.Warning, "Handling {Type} {MessageId} from {Topic} failed on something that passes ({Error}: {Reason}); retrying in {Delay}, for as long as it takes.")]
    public static partial void HandlerWaitsForDependency(this ILogger logger, string type, string messageId, string topic, string error, string reason, TimeSpan delay);

    [LoggerMessage(7, LogLevel.Error, "Dead-lettered message {MessageId} of {Topic} for {Group} after {Attempts} attempt(s): {Reason} Inspect it on {DeadLetterTopic} and replay it once fixed.")]
    public static partial void DeadLettered(this ILogger logger, string messageId, string topic, string group, int attempts, string reason, string deadLetterTopic);

    [LoggerMessage(8, LogLevel.Warning, "{System} is unavailable ({Error}); trying again in {Delay}.")]
    public static partial void TransportUnavailable(this ILogger logger, string system, string error, TimeSpan delay);

    [LoggerMessage(9, LogLevel.Information, "Took over {Count} message(s) of {Topic} left unacknowledged by consumers of {Group} that stopped.")]
    public static partial void Claimed(this ILogger logger, int count, string topic, string group);

    [LoggerMessage(10, LogLevel.Information, "Removed consumer {Consumer} from {Group} on {Topic}: idle for {Idle} with nothing pending.")]
    public static partial void RemovedIdleConsumer(this ILogger logger, string consumer, string group, string topic, TimeSpan idle);

    [LoggerMessage(11, LogLevel.Warning, "Messaging housekeeping ({Task}) failed; it runs again in {Interval}.")]
    public static partial void HousekeepingFailed(this ILogger logger, Exception exception, string task, TimeSpan interval);

    [LoggerMessage(12, LogLevel.Information, "Replayed {Count} dead letter(s) of {Topic} for {Group}.")]
    public static partial void Replayed(this ILogger logger, int count, string topic, string group);

    [LoggerMessage(13, LogLevel.Information, "Pruned {Count} row(s) from {Table} older than {Before:O}.")]
    public static partial void Pruned(this ILogger logger, int count, string table, DateTimeOffset before);

    [LoggerMessage(14, LogLevel.Debug, "Trimmed {Count} entr(y/ies) from {Topic} below {MinId}.")]
    public static partial void Trimmed(this ILogger logger, long count, string topic, string minId);

    [LoggerMessage(15, LogLevel.Information, "Consuming {Topics} as {Consumer} in group {Group} over {System}.")]
    public static partial void Consuming(this ILogger logger, string topics, string consumer, string group, string system);

    [LoggerMessage(16, LogLevel.Warning, "A watcher failed on {Type} {Id}; the watch goes on.")]
    public static partial void WatcherFailed(this ILogger logger, Exception error, string type, string id);

    [LoggerMessage(17, LogLevel.Information, "Watching {Topics} over {System}.")]
    public static partial void Watching(this ILogger logger, string topics, string system);
}
