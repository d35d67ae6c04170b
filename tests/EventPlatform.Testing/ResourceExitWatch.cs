using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Testing;

/// <summary>
/// Notes every resource that ends on its own while a test platform runs — a non-zero exit or a failure to start that
/// no test asked for — in the temp folder's <c>eventplatform-resource-exits.log</c>, with its exit code and its last
/// lines of output. Resources' output is not the tests' and is dropped with the platform; a process that vanishes
/// mid-run still names its cause.
/// </summary>
internal sealed class ResourceExitWatch : IAsyncDisposable
{
    public static readonly string LogPath = Path.Combine(Path.GetTempPath(), "eventplatform-resource-exits.log");
    private const int KeptLines = 40;
    private static readonly Lock FileGate = new();
    private readonly ConcurrentDictionary<string, byte> _expected = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _lastLines = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    public ResourceExitWatch(DistributedApplication app) => _watching = WatchAsync(app, _stop.Token);

    /// <summary>A test stops or kills the resource on purpose: its end is not reported until it runs again.</summary>
    public void Expect(string resource) => _expected[resource] = 0;

    public void Running(string resource) => _expected.TryRemove(resource, out _);

    private async Task WatchAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var reported = new ConcurrentDictionary<string, string>();
        var readers = new List<Task>();
        try
        {
            await foreach (var change in app.ResourceNotifications.WatchAsync(cancellationToken))
            {
                var name = change.Resource.Name;
                if (_lastLines.TryAdd(name, new ConcurrentQueue<string>()))
                {
                    readers.Add(KeepLastLinesAsync(logs, name, cancellationToken));
                }

                var state = change.Snapshot.State?.Text ?? "";
                var ended = (state == KnownResourceStates.FailedToStart)
                    || ((state == KnownResourceStates.Exited || state == KnownResourceStates.Finished) && change.Snapshot.ExitCode is not (null or 0));
                if (!ended)
                {
                    reported.TryRemove(name, out _);
                }
                else if (!_expected.ContainsKey(name) && reported.TryAdd(name, state))
                {
                    Write($"{DateTimeOffset.UtcNow:O} {name}: {state}, exit code {change.Snapshot.ExitCode}{Environment.NewLine}"
                        + string.Join(Environment.NewLine, _lastLines[name].Select(l => $"    {l}")) + Environment.NewLine);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(readers);
    }

    private async Task KeepLastLinesAsync(ResourceLoggerService logs, string resource, CancellationToken cancellationToken)
    {
        var kept = _lastLines[resource];
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    kept.Enqueue(line.Content);
                    while (kept.Count > KeptLines && kept.TryDequeue(out _))
                    {
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static void Write(string text)
    {
        lock (FileGate)
        {
            File.AppendAllText(LogPath, text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }
}
