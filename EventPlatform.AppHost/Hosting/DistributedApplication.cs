using System.Diagnostics;
using System.Runtime.InteropServices;
using EventPlatform.AppHost.Hosting.Resources;
using EventPlatform.AppHost.Telemetry;
using EventPlatform.AppHost.Testing;
using EventPlatform.ServiceDefaults.Identity;

namespace EventPlatform.AppHost.Hosting;

/// <summary>
/// The running system: starts each resource once what it waits for is healthy, shows where everything is, and on
/// stop (Ctrl+C, SIGTERM, dispose) ends services first and infrastructure last, leaving no process behind.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(200);

    private readonly HostingContext _context;
    private readonly List<Resource> _resources;
    private readonly TelemetryReceiverResource _telemetry;
    private bool _started;
    private bool _stopped;

    internal DistributedApplication(DistributedApplicationOptions options, List<Resource> resources)
    {
        Logs = new ResourceLogBuffer(options.Log ?? (options.Interactive ? new ConsoleResourceLog() : null));
        _context = new HostingContext(options, Logs);
        _resources = resources;
        _telemetry = resources.OfType<TelemetryReceiverResource>().Single();
        foreach (var resource in _resources)
        {
            resource.AllocatePorts(_context);
            if (options.Except.Contains(resource.Name))
            {
                resource.State = ResourceState.External;
            }
        }
    }

    public IReadOnlyList<Resource> Resources => _resources;

    public ResourceLogBuffer Logs { get; }

    public SpanStore Spans => _telemetry.Spans;

    public DistributedApplicationOptions Options => _context.Options;

    /// <summary>Pids of every child process running now (services, PostgreSQL, Redis, mail sink).</summary>
    public IReadOnlyList<int> ProcessIds => _resources.SelectMany(r => r.Processes).Where(p => !p.HasExited).Select(p => p.Pid).ToList();

    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var options = TestingHook.Current?.Options ?? DistributedApplicationOptions.FromArguments(args);
        return new DistributedApplicationBuilder(options);
    }

    /// <summary>A development token the services accept, for a caller with these roles (tests, curl).</summary>
    public string CreateToken(string subject, params CallerRole[] roles) =>
        DevelopmentTokens.Create(_context.SigningKey, subject, roles);

    public Resource GetResource(string name) =>
        _resources.SingleOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No resource named '{name}' is running. Running: {string.Join(", ", _resources)}.");

    public string GetConnectionString(string name) =>
        GetResource(name) is IResourceWithConnectionString target
            ? target.ConnectionString
            : throw new ArgumentException($"'{name}' has no connection string.");

    public Uri GetEndpoint(string resource, string endpoint = "http") => GetResource(resource) switch
    {
        ProjectResource project when project.Endpoints.TryGetValue(endpoint, out var found) => found.Url,
        MailDevResource mail => endpoint == "smtp" ? mail.Smtp.Url : mail.Web.Url,
        TelemetryReceiverResource telemetry => endpoint == "grpc" ? telemetry.Otlp.Url : telemetry.Api.Url,
        var other => throw new ArgumentException($"'{other.Name}' has no endpoint '{endpoint}'."),
    };

    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (TestingHook.Current is { } hook)
        {
            // Under the testing entry point, Program.cs hands its application over instead of running it.
            hook.Capture(this);
            return;
        }

        if (Options.Token is { } token)
        {
            Console.WriteLine(CreateToken(token.Subject, [.. token.Roles]));
            return;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopping.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });

        try
        {
            await StartAsync(stopping.Token);
            Options.Progress("Press Ctrl+C to stop everything.");
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (MissingPrerequisiteException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 2;
        }
        catch (ResourceFailedException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            Options.Progress("Stopping…");
            await StopAsync();
            Options.Progress("Stopped: no process left running.");
        }
    }

    /// <summary>Starts every resource in dependency order; returns once all are healthy, or stops all and throws.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("The application is already started.");
        }

        _started = true;
        var stopwatch = Stopwatch.StartNew();
        await PrepareDataDirectoryAsync();

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        failed.CancelAfter(Options.StartTimeout);
        var healthy = _resources.ToDictionary(r => r, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var starts = _resources.Select(resource => StartOneAsync(resource, healthy, failed)).ToList();
        try
        {
            await Task.WhenAll(starts);
        }
        catch (Exception) when (starts.Select(s => s.Exception?.InnerException).OfType<Exception>().FirstOrDefault() is { } first)
        {
            await StopAsync();
            if (first is ResourceFailedException or MissingPrerequisiteException)
            {
                throw first;
            }

            throw new ResourceFailedException("startup", $"The system did not start: {first.Message}", first);
        }

        if (Options.Interactive)
        {
            ResourceTable.Print(_resources, stopwatch.Elapsed);
        }
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        // Services first, so none of them sees its database vanish under it; then infrastructure, last declared first.
        await Task.WhenAll(_resources.OfType<ProjectResource>().Select(StopOneAsync));
        foreach (var resource in _resources.Where(r => r is not ProjectResource).Reverse())
        {
            await StopOneAsync(resource);
        }
    }

    /// <summary>Stops one resource and starts it again on the same ports and data (fault tests: a broker restart).</summary>
    public async Task RestartAsync(string name, CancellationToken cancellationToken = default)
    {
        var resource = GetResource(name);
        await resource.StopAsync();
        resource.State = ResourceState.Starting;
        await resource.StartAsync(_context, cancellationToken);
        resource.State = ResourceState.Running;
        await WaitHealthyAsync(resource, cancellationToken);
        resource.State = ResourceState.Healthy;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (TestingHook.IsThrowaway(Options))
        {
            TryDeleteDirectory(Options.DataDirectory);
        }
    }

    private async Task StartOneAsync(Resource resource, Dictionary<Resource, TaskCompletionSource> healthy, CancellationTokenSource failed)
    {
        if (resource.State == ResourceState.External)
        {
            healthy[resource].SetResult();
            return;
        }

        try
        {
            resource.State = ResourceState.Waiting;
            await Task.WhenAll(resource.WaitsFor.Select(d => healthy[d].Task)).WaitAsync(failed.Token);
            resource.State = ResourceState.Starting;
            await resource.StartAsync(_context, failed.Token);
            resource.State = ResourceState.Running;
            await WaitHealthyAsync(resource, failed.Token);
            resource.State = ResourceState.Healthy;
            healthy[resource].SetResult();
        }
        catch (Exception e)
        {
            resource.State = ResourceState.Failed;
            resource.Failure = e.Message;
            healthy[resource].TrySetCanceled();
            if (!failed.IsCancellationRequested)
            {
                failed.Cancel();
                throw e is MissingPrerequisiteException or ResourceFailedException
                    ? e
                    : new ResourceFailedException(resource.Name, Describe(resource, e.Message), e);
            }

            throw new OperationCanceledException($"{resource.Name} was not started: another resource failed first.");
        }
    }

    private async Task WaitHealthyAsync(Resource resource, CancellationToken cancellationToken)
    {
        while (!await resource.IsHealthyAsync(cancellationToken))
        {
            if (resource is ProcessResource { HasExited: true } process)
            {
                throw new ResourceFailedException(resource.Name, Describe(resource, $"exited with code {process.ExitCode} before it was healthy"));
            }

            await Task.Delay(HealthPollInterval, cancellationToken);
        }
    }

    private async Task StopOneAsync(Resource resource)
    {
        if (resource.State is ResourceState.External or ResourceState.NotStarted)
        {
            return;
        }

        await resource.StopAsync();
        resource.State = ResourceState.Stopped;
    }

    private string Describe(Resource resource, string problem)
    {
        var tail = Logs.Tail(resource.Name, 25);
        return tail.Count == 0
            ? $"{resource.Name} {problem}."
            : $"{resource.Name} {problem}. Its last output:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", tail)}";
    }

    private async Task PrepareDataDirectoryAsync()
    {
        if (Options.Fresh && Directory.Exists(Options.DataDirectory))
        {
            await _context.PidFiles.EndLeftoversAsync(Options.Progress);
            Options.Progress($"--fresh: wiping {Options.DataDirectory}");
            Directory.Delete(Options.DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(Options.DataDirectory);
        await _context.PidFiles.EndLeftoversAsync(Options.Progress);
        foreach (var port in _resources.Where(r => r.State != ResourceState.External).SelectMany(r => r.Ports).Where(p => !Ports.IsFree(p)))
        {
            throw new ResourceFailedException("ports",
                $"Port {port} is already in use. Is another AppHost running? Stop it, or free the port, and start again.");
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A process may still hold a file for a moment; the folder is in the temp directory anyway.
        }
    }
}

public sealed class ResourceFailedException(string resource, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Resource { get; } = resource;
}
