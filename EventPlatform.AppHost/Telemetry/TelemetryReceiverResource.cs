using EventPlatform.AppHost.Hosting;
using EventPlatform.AppHost.Hosting.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventPlatform.AppHost.Telemetry;

/// <summary>
/// The OTLP receiver inside the AppHost: services export to its gRPC endpoint; spans are kept in memory and can be
/// read by trace id, in process (tests) or as JSON on GET /api/traces/{traceId}.
/// </summary>
public sealed class TelemetryReceiverResource(string name, int otlpPort, int apiPort) : Resource(name)
{
    private WebApplication? _app;

    public ResourceEndpoint Otlp { get; } = new("grpc", otlpPort);

    public ResourceEndpoint Api { get; } = new("http", apiPort);

    public SpanStore Spans { get; } = new();

    public override string Kind => "OTLP receiver";

    public override IEnumerable<int> Ports => [Otlp.Port, Api.Port];

    public override IEnumerable<string> Urls => [new Uri(Api.Url, "api/traces/{traceId}").ToString().Replace("%7B", "{").Replace("%7D", "}"), Otlp.Url.ToString()];

    internal override void AllocatePorts(HostingContext context)
    {
        Otlp.Allocate(context);
        Api.Allocate(context);
        context.OtlpEndpoint = Otlp.Url;
    }

    internal override async Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Only what is set here: an appsettings.json beside the host process (a test's output folder holds the
        // services' ones) would add Kestrel endpoints of its own.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenLocalhost(Otlp.Port, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.ListenLocalhost(Api.Port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = 32 * 1024 * 1024);
        builder.Services.AddSingleton(Spans);

        _app = builder.Build();
        _app.MapGrpcService<OtlpTraceService>();
        _app.MapGrpcService<OtlpMetricsService>();
        _app.MapGrpcService<OtlpLogsService>();
        _app.MapGet("/api/traces/{traceId}", (string traceId) => Spans.GetTrace(traceId));
        await _app.StartAsync(cancellationToken);
    }

    internal override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(_app is not null);

    internal override async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
