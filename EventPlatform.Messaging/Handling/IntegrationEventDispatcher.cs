using System.Diagnostics;
using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Inbox;
using EventPlatform.Messaging.Transports;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Handling;

/// <summary>
/// Turns a delivered envelope into handler calls: finds the handlers of its type, parses the payload, and runs each
/// handler in its own transaction with its inbox record, under a consumer span that continues the producer's trace.
/// </summary>
internal sealed class IntegrationEventDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    SubscriptionRegistry registry,
    ITransportPublisher transport,
    MessagingMetrics metrics,
    IOptions<EventBusOptions> options,
    TimeProvider clock) where TDbContext : DbContext
{
    public async Task<DeliveryOutcome> DispatchAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var envelope = message.Envelope;
        var started = Stopwatch.GetTimestamp();
        if (!registry.TryGet(envelope.Type, out var subscription))
        {
            if (registry.IsOfConsumedContext(envelope.Type))
            {
                metrics.Handled(message.Topic, envelope.Type, "ignored", started, envelope.Time);
                return DeliveryOutcome.Ignored;
            }

            return DeliveryOutcome.Reject(
                $"Unknown event type '{envelope.Type}': {options.Value.ServiceName} handles none of that name and it belongs to no context it consumes.");
        }

        IMessage payload;
        try
        {
            payload = subscription.Parser.ParseFrom(envelope.Data.Span);
        }
        catch (InvalidProtocolBufferException e)
        {
            return DeliveryOutcome.Reject($"Unreadable payload: the data is not a valid {envelope.Type} ({e.Message}).");
        }

        using var activity = MessagingActivities.StartProcess(transport.System, message.Topic, options.Value.ServiceName, envelope);
        var context = new IntegrationEventContext
        {
            MessageId = envelope.Id,
            Source = envelope.Source,
            Type = envelope.Type,
            Time = envelope.Time,
            Subject = envelope.Subject,
            OrderingKey = envelope.PartitionKey,
            Topic = message.Topic,
            DeliveryAttempt = message.DeliveryAttempt,
        };
        try
        {
            var applied = false;
            foreach (var handler in subscription.Handlers)
            {
                applied |= await HandleOnceAsync(handler, payload, context, cancellationToken);
            }

            metrics.Handled(message.Topic, envelope.Type, applied ? "handled" : "duplicate", started, envelope.Time);
            return applied ? DeliveryOutcome.Handled : DeliveryOutcome.Duplicate;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity.RecordFailure(e);
            metrics.Handled(message.Topic, envelope.Type, "failed", started, envelope.Time);
            throw;
        }
    }

    /// <summary>
    /// The handler's effects and its inbox record in one transaction: both or neither. False when the inbox already
    /// had the record (a redelivery), in which case the handler does not run.
    /// </summary>
    private async Task<bool> HandleOnceAsync(
        HandlerRegistration handler, IMessage payload, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var tables = MessagingTables.Of(db);
        // Honors a retrying execution strategy if the service configured one: the whole unit is retried, not half of it.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                if (!await InboxRecords.TryRecordAsync(db, tables, handler.ConsumerName, context.MessageId, context.Type, clock.GetUtcNow(), token))
                {
                    return false;
                }

                await handler.InvokeAsync(scope.ServiceProvider, payload, context, token);
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
                return true;
            },
            cancellationToken);
    }
}
