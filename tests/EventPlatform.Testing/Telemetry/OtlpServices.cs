using EventPlatform.Testing.Telemetry.Otlp;
using Grpc.Core;

namespace EventPlatform.Testing.Telemetry;

internal sealed class OtlpTraceService(SpanStore store) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        store.Add(request);
        return Task.FromResult(new ExportTraceServiceResponse());
    }
}

internal sealed class OtlpMetricsService : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context) =>
        Task.FromResult(new ExportMetricsServiceResponse());
}

internal sealed class OtlpLogsService(LogStore store) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        store.Add(request);
        return Task.FromResult(new ExportLogsServiceResponse());
    }
}
