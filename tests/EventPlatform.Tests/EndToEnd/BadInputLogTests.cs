using System.Diagnostics;
using System.Net;
using System.Text;
using EventPlatform.Testing.Telemetry;
using EventPlatform.Tests.Catalog;
using EventPlatform.Tests.Infrastructure;
using EventPlatform.Tests.Messaging;

namespace EventPlatform.Tests.EndToEnd;

/// <summary>
/// A bad request costs the logs one line, without a stack trace and without the value sent: one client cannot fill
/// them at will, and whoever reads them still sees what was turned away.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public sealed class BadInputLogTests(WholeSystemFixture system)
{
    private static readonly string Huge = new('Z', 100_000);

    public static TheoryData<string, string, string, string> BadRequests() => new()
    {
        // what, method, path, JSON body ("" for none); who rejects it: the BFF (not JSON) or the service behind it.
        { "a body that is not JSON", "POST", "/registrations", "{ not json" },
        { "a field of the wrong type", "POST", "/registrations", """{ "eventId": 42 }""" },
        { "an id that is not a UUID", "POST", "/registrations", """{ "requestId": "r-1", "eventId": "not-an-id", "name": "Ada", "email": "ada@example.org" }""" },
        { "a 100,000-character title", "POST", "/events", $$"""{ "requestId": "r-2", "title": "{{Huge}}" }""" },
        { "a 300-character search", "GET", "/events?query=" + new string('Z', 300), "" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_logged_as_one_line_without_a_stack_trace(string what, string method, string path, string body)
    {
        var catalog = new CatalogDriver(system.App, system.GrpcChannel("catalog"));
        var (token, _) = await catalog.NewOrganizerAsync();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var bff = catalog.BffAs(token);
        using var response = await bff.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, what);

        // Exporters send in batches: wait for the line, then a little longer for any second one.
        var lines = await Eventually.ReturnsAsync(
            () => Task.FromResult(Logged(traceId)), found => found.Count > 0, $"a log line for {what}", TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(3));
        lines = Logged(traceId);

        var line = lines.ShouldHaveSingleItem($"{what}: {string.Join(" | ", lines.Select(l => $"{l.ServiceName} {l.Category}: {l.Body}"))}");
        line.Exception.ShouldBeNull(what);
        line.Body.ShouldNotContain('\n');
        line.Body.ShouldNotContain(new string('Z', 41));
    }

    private IReadOnlyList<ReceivedLog> Logged(string traceId) =>
        system.App.Logs.OfTrace(traceId).Where(l => l.Severity >= ReceivedLog.Information).ToList();
}
