using System.Diagnostics;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Domain.Policies;
using EventPlatform.Registrations.Domain.Registrations;

namespace EventPlatform.Registrations.Application.Registering;

/// <summary>
/// A registration checked and answered by the seat gate, waiting for its event's next group commit.
/// <paramref name="Caller"/> is the request's span, which its events continue; <paramref name="CallerGaveUp"/> takes it
/// out of the queue if it has not joined a group yet.
/// </summary>
public sealed record QueuedRegistration(
    RegisterCommand Command, CapacityPolicy Policy, SeatGateAnswer Gate, DateTimeOffset Now, Activity? Caller, CancellationToken CallerGaveUp)
{
    private const int Waiting = 0, InGroup = 1, Abandoned = 2;
    private int _state;

    public TaskCompletionSource<(Registration Registration, int WaitlistPosition)> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Exactly one of joining a group and abandoning succeeds.</summary>
    public bool TryJoinGroup() => Interlocked.CompareExchange(ref _state, InGroup, Waiting) == Waiting;

    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;
}
