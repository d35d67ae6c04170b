using System.Collections.Concurrent;
using EventPlatform.Testing.Telemetry.Otlp;

namespace EventPlatform.Testing.Telemetry;

/// <summary>A log record as received over OTLP: which service logged what, how severe, in which trace.</summary>
/// <param name="Severity">OTLP's severity number: 9–12 Information, 13–16 Warning, 17–20 Error.</param>
public sealed record ReceivedLog(
    string TraceId,
    string ServiceName,
    string Category,
    int Severity,
    string Body,
    IReadOnlyDictionary<string, string> Attributes)
{
    public const int Information = 9;

    /// <summary>The exception logged with the record, stack trace included, if any.</summary>
    public string? Exception => Attributes.GetValueOrDefault("exception.stacktrace") ?? Attributes.GetValueOrDefault("exception.type");
}

/// <summary>The most recent log records in memory, for tests that check what the services logged for a request.</summary>
public sealed class LogStore(int capacity = 50_000)
{
    private readonly ConcurrentQueue<ReceivedLog> _logs = new();

    /// <summary>Every record held of the trace (a request's own trace id, from the traceparent its caller sent).</summary>
    public IReadOnlyList<ReceivedLog> OfTrace(string traceId) =>
        _logs.Where(l => l.TraceId == traceId.ToLowerInvariant()).ToList();

    internal void Add(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var serviceName = resourceLogs.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "unknown";
            foreach (var scope in resourceLogs.ScopeLogs)
            {
                foreach (var record in scope.LogRecords)
                {
                    _logs.Enqueue(new ReceivedLog(
                        OtlpValues.Hex(record.TraceId),
                        serviceName,
                        scope.Scope?.Name ?? "",
                        record.SeverityNumber,
                        OtlpValues.Render(record.Body),
                        record.Attributes.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => OtlpValues.Render(g.First().Value))));
                    while (_logs.Count > capacity && _logs.TryDequeue(out _))
                    {
                    }
                }
            }
        }
    }
}
