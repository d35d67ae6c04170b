using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Testing;

/// <summary>Waits until every resource that starts is healthy, or says which one failed and what it printed last.</summary>
internal static class ResourceHealth
{
    public static async Task WaitForAllAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var starting = model.Resources
            .Where(r => r is not ParameterResource && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any())
            .Where(r => r is not ProjectResource || r.Annotations.OfType<EndpointAnnotation>().Any())
            .ToList();
        try
        {
            await Task.WhenAll(starting.Select(r => WaitForOneAsync(app, r, cancellationToken)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var late = starting.Where(r => !IsHealthy(app, r)).ToList();
            var said = new StringBuilder();
            using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            foreach (var resource in late.Where(r => r is ProjectResource or ExecutableResource))
            {
                said.AppendLine().Append(resource.Name).Append("'s last output:").AppendLine()
                    .Append(await LastLogLinesAsync(app, resource.Name, reading.Token));
            }

            throw new TimeoutException($"Not healthy in time: {string.Join(", ", late.Select(r => $"{r.Name} ({StateOf(app, r)})"))}.{said}");
        }
    }

    private static async Task WaitForOneAsync(DistributedApplication app, IResource resource, CancellationToken cancellationToken)
    {
        var reached = await app.ResourceNotifications.WaitForResourceAsync(
            resource.Name,
            e => e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy ||
                 KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text ?? ""),
            cancellationToken);
        if (reached.Snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
        {
            throw new InvalidOperationException(
                $"{resource.Name} stopped before it was healthy ({reached.Snapshot.State?.Text}, exit code {reached.Snapshot.ExitCode}). " +
                $"Its last output:{Environment.NewLine}{await LastLogLinesAsync(app, resource.Name, cancellationToken)}");
        }
    }

    private static bool IsHealthy(DistributedApplication app, IResource resource) =>
        app.ResourceNotifications.TryGetCurrentState(resource.Name, out var e) &&
        e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;

    private static string StateOf(DistributedApplication app, IResource resource) =>
        app.ResourceNotifications.TryGetCurrentState(resource.Name, out var e) ? $"{e.Snapshot.State?.Text}, {e.Snapshot.HealthStatus}" : "unknown";

    private static async Task<string> LastLogLinesAsync(DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        await foreach (var batch in app.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(resource).WithCancellation(cancellationToken))
        {
            lines.AddRange(batch.Select(l => "  " + l.Content));
        }

        return new StringBuilder().AppendJoin(Environment.NewLine, lines.TakeLast(25)).ToString();
    }
}
