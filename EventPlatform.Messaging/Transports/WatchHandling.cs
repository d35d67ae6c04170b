using EventPlatform.Messaging.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Messaging.Transports;

internal static class WatchHandling
{
    /// <summary>A watcher that fails on one message does not stop the watch: the message is not delivered again anyway.</summary>
    public static async ValueTask SeeAsync(WatchHandler onMessage, IncomingMessage message, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await onMessage(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.WatcherFailed(e, message.Envelope.Type, message.Envelope.Id);
        }
    }
}
