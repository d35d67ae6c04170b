using EventPlatform.Messaging.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Messaging.Transports;

/// <summary>What a transport does with a message once delivery is over: acknowledge it, or dead-letter it with a reason.</summary>
internal readonly record struct DeliveryDecision(string? DeadLetterReason, int Attempts)
{
    public bool Acknowledge => DeadLetterReason is null;
}

/// <summary>The retry policy both transports share, so a message is treated the same whichever broker carries it.</summary>
internal static class Delivery
{
    public static async Task<DeliveryDecision> DeliverAsync(
        IncomingMessage message, DeliveryHandler handler, ConsumerSettings settings, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var attempt = message.DeliveryAttempt;
        if (attempt > settings.MaxDeliveryAttempts)
        {
            // Delivered that often without an acknowledgement: it keeps killing or stalling its consumers.
            return new DeliveryDecision(
                $"Delivered {attempt - 1} times without being acknowledged: its consumers stopped while handling it.", attempt - 1);
        }

        var transientFailures = 0;
        while (true)
        {
            try
            {
                var outcome = await handler(message with { DeliveryAttempt = attempt }, cancellationToken);
                return outcome.Status == DeliveryStatus.Rejected
                    ? new DeliveryDecision(outcome.Reason ?? "Rejected by its handler.", attempt)
                    : new DeliveryDecision(null, attempt);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (settings.IsTransient?.Invoke(e) == true)
            {
                // A dependency is away (restarting, failing over): the message is not at fault, and dead-lettering it
                // would lose what it carries. Its key waits, as it would for a slow handler.
                var delay = settings.Retry.After(++transientFailures);
                logger.HandlerWaitsForDependency(message.Envelope.Type, message.Envelope.Id, message.Topic, e.GetType().Name, e.Message, delay);
                await Task.Delay(delay, clock, cancellationToken);
            }
            catch (Exception e)
            {
                if (attempt >= settings.MaxDeliveryAttempts)
                {
                    return new DeliveryDecision($"{e.GetType().Name}: {e.Message}", attempt);
                }

                var delay = settings.Retry.After(attempt);
                logger.HandlerFailed(e, message.Envelope.Type, message.Envelope.Id, message.Topic, attempt, settings.MaxDeliveryAttempts, delay);
                await Task.Delay(delay, clock, cancellationToken);
                attempt++;
            }
        }
    }
}
