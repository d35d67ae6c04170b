using EventPlatform.AppHost.Hosting.Processes;

namespace EventPlatform.AppHost.Hosting;

/// <summary>What resources need from the AppHost while they start: options, logs, prerequisites, pid files.</summary>
internal sealed class HostingContext(DistributedApplicationOptions options, ResourceLogBuffer log)
{
    private string? _signingKey;

    public DistributedApplicationOptions Options { get; } = options;

    public ResourceLogBuffer Log { get; } = log;

    public Prerequisites Prerequisites { get; } = new(options.InstallMissingPrerequisites, options.Progress);

    public PidFiles PidFiles { get; } = new(Path.Combine(options.DataDirectory, "run"));

    /// <summary>Where services send traces, metrics and logs (OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Signs and checks development tokens (Identity__SigningKey of every service).</summary>
    public string SigningKey => _signingKey ??= DevelopmentSigningKey.LoadOrCreate(Options.DataDirectory);

    public string DataDirectoryOf(string resource) => Path.Combine(Options.DataDirectory, resource);
}
