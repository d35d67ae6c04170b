using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Testing.Telemetry;

/// <summary>
/// A small OTLP/gRPC receiver standing where the Aspire dashboard stands in a developer's run (tests run without
/// the dashboard): the services export to it, and tests read the spans and log records of a trace.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpCollector(WebApplication app, SpanStore spans, LogStore logs, Uri endpoint)
    {
        _app = app;
        Spans = spans;
        Logs = logs;
        Endpoint = endpoint;
    }

    public SpanStore Spans { get; }

    public LogStore Logs { get; }

    /// <summary>What the AppHost hands every service as OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public Uri Endpoint { get; }

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Only what is set here: an appsettings.json beside the test process (the services' ones are copied into its
        // output folder) would add Kestrel endpoints of its own.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = 32 * 1024 * 1024);
        var spans = new SpanStore();
        builder.Services.AddSingleton(spans);
        var logs = new LogStore();
        builder.Services.AddSingleton(logs);

        var app = builder.Build();
        app.MapGrpcService<OtlpTraceService>();
        app.MapGrpcService<OtlpMetricsService>();
        app.MapGrpcService<OtlpLogsService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new OtlpCollector(app, spans, logs, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
