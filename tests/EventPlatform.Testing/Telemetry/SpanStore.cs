using System.Collections.Concurrent;
using EventPlatform.Testing.Telemetry.Otlp;

namespace EventPlatform.Testing.Telemetry;

/// <summary>A span as received over OTLP, flattened for queries: which service, what, when, under which parent.</summary>
public sealed record ReceivedSpan(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    string Kind,
    string ServiceName,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<string, string> Attributes,
    string Status);

/// <summary>The most recent spans in memory, by trace id, for tests and for a person looking at a trace.</summary>
public sealed class SpanStore(int capacity = 100_000)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedSpan>> _traces = new();
    private readonly ConcurrentQueue<string> _order = new();
    private int _count;

    public event Action? SpansReceived;

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<ReceivedSpan> GetTrace(string traceId) =>
        _traces.TryGetValue(traceId.ToLowerInvariant(), out var spans) ? spans.OrderBy(s => s.Start).ToList() : [];

    /// <summary>Every span held that satisfies the condition, across traces (e.g. a benchmark's spans of one name).</summary>
    public IReadOnlyList<ReceivedSpan> Find(Func<ReceivedSpan, bool> condition) =>
        _traces.Values.SelectMany(spans => spans).Where(condition).ToList();

    /// <summary>Waits until the trace holds spans that satisfy the condition (exporters batch, so spans arrive late).</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForTraceAsync(
        string traceId, Func<IReadOnlyList<ReceivedSpan>, bool> condition, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            var spans = GetTrace(traceId);
            if (condition(spans))
            {
                return spans;
            }

            if (cancellation.IsCancellationRequested)
            {
                return spans;
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    internal void Add(ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var serviceName = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "unknown";
            foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
            {
                Add(new ReceivedSpan(
                    OtlpValues.Hex(span.TraceId),
                    OtlpValues.Hex(span.SpanId),
                    OtlpValues.Hex(span.ParentSpanId),
                    span.Name,
                    span.Kind.ToString().Replace("SpanKind", "", StringComparison.Ordinal),
                    serviceName,
                    OtlpValues.FromUnixNanos(span.StartTimeUnixNano),
                    OtlpValues.FromUnixNanos(span.EndTimeUnixNano),
                    span.Attributes.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => OtlpValues.Render(g.First().Value)),
                    span.Status?.Code.ToString() ?? "Unset"));
            }
        }

        SpansReceived?.Invoke();
    }

    private void Add(ReceivedSpan span)
    {
        _traces.GetOrAdd(span.TraceId, _ => new ConcurrentQueue<ReceivedSpan>()).Enqueue(span);
        _order.Enqueue(span.TraceId);
        if (Interlocked.Increment(ref _count) > capacity && _order.TryDequeue(out var oldest) &&
            _traces.TryGetValue(oldest, out var spans) && spans.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _count);
            if (spans.IsEmpty)
            {
                _traces.TryRemove(oldest, out _);
            }
        }
    }
}
