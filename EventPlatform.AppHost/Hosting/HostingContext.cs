using EventPlatform.AppHost.Hosting.Processes;

namespace EventPlatform.AppHost.Hosting;

/// <summary>What resources need from the AppHost while they start: options, logs, prerequisites, pid files.</summary>
internal sealed class HostingContext(DistributedApplicationOptions options, ResourceLogBuffer log)
{
    // Services start in parallel and each asks for the key: it must be made once, or they would disagree.
    private readonly Lazy<string> _signingKey = new(() => DevelopmentSigningKey.LoadOrCreate(options.DataDirectory));

    public DistributedApplicationOptions Options { get; } = options;

    public ResourceLogBuffer Log { get; } = log;

    public Prerequisites Prerequisites { get; } = new(options.InstallMissingPrerequisites, options.Progress);

    public PidFiles PidFiles { get; } = new(Path.Combine(options.DataDirectory, "run"));

    /// <summary>Where services send traces, metrics and logs (OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Signs and checks development tokens (Identity__SigningKey of every service).</summary>
    public string SigningKey => _signingKey.Value;

    public string DataDirectoryOf(string resource) => Path.Combine(Options.DataDirectory, resource);
}
