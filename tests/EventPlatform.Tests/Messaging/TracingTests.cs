using System.Collections.Concurrent;
using System.Diagnostics;
using EventPlatform.Messaging.Diagnostics;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class TracingTests : IDisposable
{
    private const string RequestsSourceName = "EventPlatform.Tests.Requests";
    private static readonly ActivitySource Requests = new(RequestsSourceName);

    private readonly MessagingInfrastructure _infrastructure;
    private readonly ITestOutputHelper _output;
    private readonly string _prefix = $"t{Guid.NewGuid():N}.";
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TracingTests(MessagingInfrastructure infrastructure, ITestOutputHelper output)
    {
        _infrastructure = infrastructure;
        _output = output;
        // What an OpenTelemetry SDK does: listen to our sources and record every span.
        _listener = new ActivityListener
        {
            // By name, not by the field: creating the field's source calls this before the field is assigned.
            ShouldListenTo = source => source.Name is MessagingDiagnostics.Name or RequestsSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task One_trace_runs_from_the_request_that_enqueued_an_event_through_its_publish_to_its_handling()
    {
        await using var registration = await BusService.StartAsync(Spec("registration", await _infrastructure.CreateDatabaseAsync("registration")));
        await using var billing = await BusService.StartAsync(Spec("billing", await _infrastructure.CreateDatabaseAsync("billing")) with { IssuesInvoices = true });
        var stream = _prefix + "registration.events";

        Guid messageId;
        ActivityContext request;
        using (var activity = Requests.StartActivity("POST /registrations", ActivityKind.Server)!)
        {
            request = activity.Context;
            messageId = await registration.ConfirmRegistrationAsync("event-1", "registration-1");
        }

        var process = await Eventually.ReturnsAsync(
            () => Task.FromResult(Span(ActivityKind.Consumer, messageId)), span => span is not null, "the consumer span");
        var publish = Span(ActivityKind.Producer, messageId).ShouldNotBeNull();

        publish.TraceId.ShouldBe(request.TraceId);
        publish.ParentSpanId.ShouldBe(request.SpanId);
        publish.DisplayName.ShouldBe($"publish {stream}");
        publish.GetTagItem("messaging.system").ShouldBe("redis");
        publish.GetTagItem("messaging.destination.name").ShouldBe(stream);
        publish.GetTagItem("messaging.operation.type").ShouldBe("send");

        process!.TraceId.ShouldBe(request.TraceId);
        process.ParentSpanId.ShouldBe(publish.SpanId);
        process.DisplayName.ShouldBe($"process {stream}");
        process.GetTagItem("messaging.system").ShouldBe("redis");
        process.GetTagItem("messaging.destination.name").ShouldBe(stream);
        process.GetTagItem("messaging.operation.type").ShouldBe("process");
        process.GetTagItem("messaging.consumer.group.name").ShouldBe("billing");
        process.GetTagItem("cloudevents.event_type").ShouldBe("eventplatform.registration.v1.RegistrationConfirmed");
        process.Status.ShouldBe(ActivityStatusCode.Unset);
    }

    public void Dispose() => _listener.Dispose();

    private Activity? Span(ActivityKind kind, Guid messageId) =>
        _stopped.FirstOrDefault(a => a.Kind == kind && (string?)a.GetTagItem("messaging.message.id") == messageId.ToString());

    private BusServiceSpec Spec(string service, string database) =>
        new(service, database, _infrastructure.RedisConnectionString, _prefix, _output);
}
