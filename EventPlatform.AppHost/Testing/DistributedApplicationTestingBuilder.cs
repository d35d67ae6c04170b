using EventPlatform.AppHost.Hosting;

namespace EventPlatform.AppHost.Testing;

/// <summary>
/// The testing entry point, in the style of Aspire.Hosting.Testing: runs the AppHost's own Program.cs with free
/// ports, a throwaway data folder and no console output, and returns the application to start, query and dispose.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static DistributedApplication Create(Action<DistributedApplicationOptions>? configure = null)
    {
        var options = new DistributedApplicationOptions
        {
            RandomPorts = true,
            Durable = false,
            Interactive = false,
            Progress = _ => { },
            DataDirectory = Path.Combine(Path.GetTempPath(), TestingHook.ThrowawayPrefix + Guid.NewGuid().ToString("N")[..12]),
        };
        configure?.Invoke(options);

        var hook = new TestingHook(options);
        var previous = TestingHook.Current;
        TestingHook.Current = hook;
        try
        {
            var entryPoint = typeof(DistributedApplicationTestingBuilder).Assembly.EntryPoint
                ?? throw new InvalidOperationException("The AppHost assembly has no entry point.");
            entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        finally
        {
            TestingHook.Current = previous;
        }

        return hook.Captured ?? throw new InvalidOperationException("Program.cs did not build and run an application.");
    }

    /// <summary>Creates the application and starts it; returns once every resource is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(
        Action<DistributedApplicationOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var application = Create(configure);
        try
        {
            await application.StartAsync(cancellationToken);
            return application;
        }
        catch
        {
            await application.DisposeAsync();
            throw;
        }
    }
}
