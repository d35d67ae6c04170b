using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using EventPlatform.Domain;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Application.Seats;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Infrastructure.Seats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Registrations.Application.Registering;

/// <summary>
/// Group commit for a rush: one queue per event, drained by one worker that commits whatever arrived while the
/// previous group was committing (up to <see cref="MaxGroup"/>) as one <see cref="RegistrationGroup"/>. A lone
/// registration is a group of one and waits for nobody. Replicas each group their own arrivals; the ledger's row lock
/// orders their groups, so correctness does not depend on there being one allocator.
/// </summary>
public sealed class RegistrationQueues(IServiceScopeFactory scopes, ILogger<RegistrationQueues> logger, IMeterFactory meters) : IAsyncDisposable
{
    public const int MaxGroup = 64;
    private static readonly TimeSpan SlowGroup = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Lazy<Channel<QueuedRegistration>>> _queues = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Histogram<int> _groupSizes = meters.Create(RedisSeatGate.ActivitySource.Name)
        .CreateHistogram<int>("eventplatform.registration.group_size", "{registration}", "Registrations committed together in one transaction.");

    public async Task<(Registration Registration, int WaitlistPosition)> RegisterAsync(QueuedRegistration queued, CancellationToken cancellationToken)
    {
        var queue = _queues.GetOrAdd(queued.Policy.EventId, _ => new Lazy<Channel<QueuedRegistration>>(StartQueue)).Value;
        if (!queue.Writer.TryWrite(queued))
        {
            throw new OperationCanceledException("The registration service is stopping.");
        }

        // Not WaitAsync: a caller that gives up is answered once its seat went back to the gate, not before.
        using var giveUp = cancellationToken.Register(() =>
        {
            if (queued.TryAbandon())
            {
                _ = AbandonAsync(queued);
            }
        });
        return await queued.Outcome.Task;
    }

    private Channel<QueuedRegistration> StartQueue()
    {
        var queue = Channel.CreateUnbounded<QueuedRegistration>(new UnboundedChannelOptions { SingleReader = true });
        // The worker outlives the request that happened to start it: it must not carry that request's trace.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => DrainAsync(queue.Reader));
        }

        return queue;
    }

    private async Task DrainAsync(ChannelReader<QueuedRegistration> reader)
    {
        var group = new List<QueuedRegistration>(MaxGroup);
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                group.Clear();
                while (group.Count < MaxGroup && reader.TryRead(out var queued))
                {
                    if (queued.TryJoinGroup())
                    {
                        group.Add(queued);
                    }
                }

                if (group.Count > 0)
                {
                    _groupSizes.Record(group.Count);
                    var plan = GroupPlan.Of(group);
                    await CommitAsync(plan.Together, plan.TogetherAnswers);
                    for (var i = 0; i < plan.After.Count; i++)
                    {
                        await CommitAsync([plan.After[i]], [plan.AfterAnswers[i]]);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: whoever still waits is told at once rather than at their deadline; nothing of theirs was saved.
            while (reader.TryRead(out var queued))
            {
                if (queued.TryJoinGroup())
                {
                    queued.Outcome.TrySetCanceled(_stopping.Token);
                }
            }
        }
    }

    /// <summary>Never throws: each registration's outcome carries its result or its failure.</summary>
    private async Task CommitAsync(IReadOnlyList<QueuedRegistration> group, IReadOnlyList<SeatGateAnswer> answers)
    {
        // One span for the group's transaction, linked to the requests it serves (each keeps its own trace).
        using var activity = RedisSeatGate.ActivitySource.StartActivity(
            ActivityKind.Internal, links: group.Where(q => q.Caller is not null).Select(q => new ActivityLink(q.Caller!.Context)),
            name: "registration group commit");
        activity?.SetTag("eventplatform.registration.group_size", group.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // A registration alone is abandoned with its caller, as if it had not queued; one that shares its group's
            // transaction with others stands once the group started (retrying with its request_id returns it).
            using var giveUp = group.Count == 1
                ? CancellationTokenSource.CreateLinkedTokenSource(group[0].CallerGaveUp, _stopping.Token)
                : CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            await using var scope = scopes.CreateAsyncScope();
            var outcomes = await scope.ServiceProvider.GetRequiredService<RegistrationGroup>().CommitAsync(group, answers, giveUp.Token);
            for (var i = 0; i < group.Count; i++)
            {
                if (outcomes[i].Refusal is { } refusal)
                {
                    group[i].Outcome.TrySetException(refusal);
                }
                else
                {
                    group[i].Outcome.TrySetResult((outcomes[i].Registration!, outcomes[i].WaitlistPosition));
                }
            }

            if (Stopwatch.GetElapsedTime(started) > SlowGroup)
            {
                // Everyone queued behind it waited as long: worth one line.
                logger.LogWarning("A group of {Count} registrations of event {EventId} took {Milliseconds:N0} ms",
                    group.Count, group[0].Policy.EventId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (DbUpdateException) when (group.Count > 1)
        {
            // One of them clashed with a unique index (the same request, or the same attendee, twice): each on its own,
            // so only that one fails, with the answer it would have had alone.
            for (var i = 0; i < group.Count; i++)
            {
                await CommitAsync([group[i]], [answers[i]]);
            }
        }
        catch (Exception e)
        {
            // A broken rule (the event closed meanwhile) is an answer to its callers, not a fault of the service.
            if (e is not (DbUpdateException or OperationCanceledException or BusinessRuleBrokenException))
            {
                logger.LogWarning(e, "A group of {Count} registrations failed", group.Count);
            }

            foreach (var queued in group)
            {
                queued.Outcome.TrySetException(e);
            }
        }
    }

    /// <summary>A caller that gave up before its registration joined a group: the seat the gate granted it goes back.</summary>
    private async Task AbandonAsync(QueuedRegistration queued)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SeatAllocator>().GiveBackGrantsAsync(queued.Policy.EventId, [queued.Gate]);
        }
        catch (Exception e)
        {
            // Reconciliation corrects a counter left too low once the event is quiet.
            logger.LogWarning(e, "Could not give back the seat granted to an abandoned registration of event {EventId}", queued.Policy.EventId);
        }

        queued.Outcome.TrySetCanceled(queued.CallerGaveUp);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var queue in _queues.Values.Where(q => q.IsValueCreated))
        {
            queue.Value.Writer.TryComplete();
        }
    }
}
