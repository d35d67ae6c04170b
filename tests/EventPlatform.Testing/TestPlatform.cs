using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using EventPlatform.AppHost.Infrastructure;
using EventPlatform.AppHost.Launcher;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Testing;

/// <summary>What to start, for a test fixture or a benchmark.</summary>
public sealed record PlatformOptions
{
    /// <summary>Start only these resources and what they need (empty: everything).</summary>
    public IReadOnlyCollection<string> Only { get; init; } = [];

    /// <summary>Declared but not started, and waited for by nobody.</summary>
    public IReadOnlyCollection<string> Except { get; init; } = [];

    /// <summary>Off for tests (PostgreSQL without fsync); benchmarks measure the durable setup.</summary>
    public bool Durable { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>"kafka": integration events travel over Kafka (librdkafka's mock cluster, held by the AppHost) instead of Redis Streams.</summary>
    public string? Transport { get; init; }

    /// <summary>Settings given to resources on top of the AppHost's, by resource then variable (e.g. a short seat hold).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Environment { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
}

/// <summary>
/// The platform as the AppHost declares it, started through Aspire.Hosting.Testing on free ports with a throwaway
/// data folder; every service exports its telemetry to an in-process OTLP receiver. Disposal stops every process
/// and deletes the data.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    private readonly OtlpCollector _collector;
    private static readonly HttpClient TokenClient = new();
    private readonly Dictionary<string, string> _connectionStrings;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tokens = new();
    private readonly ResourceExitWatch _exits;

    private TestPlatform(DistributedApplication app, OtlpCollector collector, string dataDirectory, Dictionary<string, string> connectionStrings)
    {
        App = app;
        _exits = new ResourceExitWatch(app);
        _collector = collector;
        DataDirectory = dataDirectory;
        _connectionStrings = connectionStrings;
    }

    public DistributedApplication App { get; }

    public string DataDirectory { get; }

    /// <summary>Every span the services exported.</summary>
    public SpanStore Spans => _collector.Spans;

    /// <summary>What the services logged, as their OTLP exporters sent it.</summary>
    public LogStore Logs => _collector.Logs;

    /// <summary>The resources of the model (services, infrastructure), by name.</summary>
    public IReadOnlyList<IResource> Resources => App.Services.GetRequiredService<DistributedApplicationModel>().Resources.ToList();

    /// <summary>
    /// Platforms start one at a time. Started together, a dozen test fixtures' worth of processes shared two cores for
    /// minutes, each one's first calls (JIT, EF Core's query compilation) outlasting the callers' 15 s deadlines; one at
    /// a time, each is up in a fraction of that, and its tests start while the next one starts.
    /// </summary>
    private static readonly SemaphoreSlim Starting = new(1);

    public static async Task<TestPlatform> StartAsync(PlatformOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PlatformOptions();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "eventplatform-test-" + Guid.NewGuid().ToString("N")[..12]);
        var collector = await OtlpCollector.StartAsync();
        DistributedApplication? app = null;
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.EventPlatform_AppHost>(
                Arguments(options, dataDirectory, collector), cancellationToken);
            // Resources' output and the health checks that fail while they start are not the test's: a failure to start
            // is reported with the resource's last lines instead.
            builder.Services.AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
                .AddFilter($"{typeof(Projects.EventPlatform_AppHost).Assembly.GetName().Name}.Resources", LogLevel.None));
            foreach (var (resource, variables) in options.Environment)
            {
                var target = builder.CreateResourceBuilder<IResourceWithEnvironment>(resource);
                foreach (var (name, value) in variables)
                {
                    target.WithEnvironment(name, value);
                }
            }

            // Aspire asks for metrics every second, for its dashboard. Tests read spans and logs, never metrics: once a
            // minute spares every service (and the collector) that CPU, which the other platforms on two cores need.
            foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
            {
                builder.CreateResourceBuilder(project).WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "60000");
            }

            app = await builder.BuildAsync(cancellationToken);
            await Starting.WaitAsync(cancellationToken);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.StartTimeout + FirstStartAllowance(builder));
                await app.StartAsync(timeout.Token);
                await ResourceHealth.WaitForAllAsync(app, timeout.Token);
            }
            finally
            {
                Starting.Release();
            }

            var connectionStrings = await ConnectionStringsAsync(app, cancellationToken);
            return new TestPlatform(app, collector, dataDirectory, connectionStrings);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await collector.DisposeAsync();
            DeleteQuietly(dataDirectory);
            throw;
        }
    }

    /// <summary>
    /// The mail sink is installed from npm on a machine's first start, before it runs: minutes with a cold npm cache,
    /// which are not the platform's start-up time.
    /// </summary>
    private static TimeSpan FirstStartAllowance(IDistributedApplicationTestingBuilder builder) =>
        builder.Resources.OfType<MailDevResource>().Any(mail => !File.Exists(mail.Script)) ? TimeSpan.FromMinutes(10) : TimeSpan.Zero;

    public Uri GetEndpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    public string GetConnectionString(string resource) =>
        _connectionStrings.TryGetValue(resource, out var value)
            ? value
            : throw new ArgumentException($"'{resource}' has no connection string here. Known: {string.Join(", ", _connectionStrings.Keys)}.");

    /// <summary>
    /// A database of its own on the platform's PostgreSQL, named after <paramref name="purpose"/>, for a service the test
    /// hosts in its own process; returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"{purpose}_{Guid.NewGuid():N}";
        await using (var connection = new Npgsql.NpgsqlConnection($"{GetConnectionString("postgres")};Database=postgres"))
        {
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return $"{GetConnectionString("postgres")};Database={name};Maximum Pool Size=30;Timeout=60;Command Timeout=60";
    }

    /// <summary>
    /// A development token from the identity service (its Development-only grant) for a caller with these roles; one
    /// per subject and roles, reused. Synchronous, as test drivers ask for tokens in property initializers.
    /// </summary>
    public string CreateToken(string subject, params CallerRole[] roles) =>
        _tokens.GetOrAdd($"{subject}|{string.Join(',', roles.Order())}", _ =>
            RequestToken(DevelopmentTokenCommand.Form(new TokenRequest(subject, roles))));

    /// <summary>A client-credentials token of one of the platform's services or internal systems (e.g. "notification").</summary>
    public string CreateServiceToken(string clientId) =>
        _tokens.GetOrAdd($"service:{clientId}", _ => RequestToken(
        [
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("client_secret", ServiceIdentity.ClientSecret(DataDirectory, clientId)),
        ]));

    private string RequestToken(IEnumerable<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(GetEndpoint(ServiceIdentity.ResourceName), "connect/token"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        using var response = TokenClient.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var body = reader.ReadToEnd();
        return response.IsSuccessStatusCode
            ? System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"The identity service refused a token ({(int)response.StatusCode}): {body}");
    }

    /// <summary>
    /// Stops one resource and starts it again on the same port and data (fault tests: a broker restart). It is started
    /// only once its old process has ended: a process still shutting down (Redis writing its append-only file on a loaded
    /// machine) would keep the port, and the new one would fail to start.
    /// </summary>
    public async Task RestartAsync(string resource, CancellationToken cancellationToken = default)
    {
        _exits.Expect(resource);
        var result = await App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{resource} did not stop: {result.Message}");
        }

        await App.ResourceNotifications.WaitForResourceAsync(
            resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
        await StartAgainAsync(resource, cancellationToken);
    }

    /// <summary>
    /// kill -9 of one resource's process (with the <c>dotnet run</c> wrapper Aspire starts a project through): no
    /// shutdown, nothing flushed. Returns once Aspire saw it end.
    /// </summary>
    public async Task KillAsync(string resource, CancellationToken cancellationToken = default)
    {
        _exits.Expect(resource);
        App.ResourceNotifications.TryGetCurrentState(resource, out var state);
        var pid = state?.Snapshot.Properties.SingleOrDefault(p => p.Name == "executable.pid")?.Value
            ?? throw new InvalidOperationException($"{resource} has no running process.");
        System.Diagnostics.Process.GetProcessById(Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)).Kill(entireProcessTree: true);
        await App.ResourceNotifications.WaitForResourceAsync(
            resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
    }

    /// <summary>Starts a resource that ended (after <see cref="KillAsync"/>) on its port and data; returns once it is healthy.</summary>
    public async Task StartAgainAsync(string resource, CancellationToken cancellationToken = default)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{resource} did not start: {result.Message}");
        }

        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
        _exits.Running(resource);
    }

    /// <summary>Process ids of every executable and service running now.</summary>
    public IReadOnlyList<int> ProcessIds() => Resources
        .Select(r => App.ResourceNotifications.TryGetCurrentState(r.Name, out var state) ? state.Snapshot : null)
        .SelectMany(s => s?.Properties ?? [])
        .Where(p => p.Name == "executable.pid" && p.Value is not null)
        .Select(p => Convert.ToInt32(p.Value, System.Globalization.CultureInfo.InvariantCulture))
        .ToList();

    /// <summary>Every port an endpoint of the model listens on.</summary>
    public IReadOnlyList<int> Ports() => Resources
        .SelectMany(r => r.Annotations.OfType<EndpointAnnotation>())
        .Where(e => e.AllocatedEndpoint is not null)
        .Select(e => e.AllocatedEndpoint!.Port)
        .ToList();

    public async ValueTask DisposeAsync()
    {
        await _exits.DisposeAsync();
        await App.StopAsync();
        await App.DisposeAsync();
        await _collector.DisposeAsync();
        DeleteQuietly(DataDirectory);
    }

    private static string[] Arguments(PlatformOptions options, string dataDirectory, OtlpCollector collector)
    {
        List<string> arguments =
        [
            $"--EventPlatform:DataDirectory={dataDirectory}",
            $"--EventPlatform:Durable={options.Durable}",
            $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL={collector.Endpoint}",
        ];
        if (options.Transport is { } transport)
        {
            arguments.Add($"--EventPlatform:Transport={transport}");
        }

        if (options.Only.Count > 0)
        {
            arguments.AddRange(["--only", string.Join(',', options.Only)]);
        }

        if (options.Except.Count > 0)
        {
            arguments.AddRange(["--except", string.Join(',', options.Except)]);
        }

        return [.. arguments];
    }

    private static async Task<Dictionary<string, string>> ConnectionStringsAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<IResourceWithConnectionString>())
        {
            if (await resource.GetConnectionStringAsync(cancellationToken) is { } value)
            {
                values[resource.Name] = value;
            }
        }

        return values;
    }

    private static void DeleteQuietly(string directory)
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
        catch (UnauthorizedAccessException)
        {
        }
    }
}
