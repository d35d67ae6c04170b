using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Tests.Catalog;
using EventPlatform.Testing.Telemetry;
using EventPlatform.Tests.Infrastructure;
using Grpc.Reflection.V1Alpha;
using Npgsql;

namespace EventPlatform.Tests.Skeleton;

[Collection(WholeSystemCollection.Name)]
public sealed class WholeSystemTests(WholeSystemFixture system)
{
    [Fact]
    public void Every_resource_is_healthy_once_started()
    {
        var resources = system.App.Resources.Where(r => r is not ParameterResource && !r.Name.EndsWith("-rebuilder", StringComparison.Ordinal)).ToList();
        resources.Select(r => r.Name).ShouldBe(
            ["postgres", "catalogdb", "programdb", "registrationdb", "paymentdb", "billingdb", "notificationdb", "analyticsdb", "identitydb", "redis", "mail", "stripe-sandbox",
             "identity", "catalog", "payment", "program", "registration", "billing", "notification", "analytics", "bff"], ignoreOrder: true);
        resources.Where(r => HealthOf(r.Name) != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy).ShouldBeEmpty();
    }

    private Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus? HealthOf(string resource) =>
        system.App.App.ResourceNotifications.TryGetCurrentState(resource, out var state) ? state.Snapshot.HealthStatus : null;

    private CatalogDriver Catalog => new(system.App, system.GrpcChannel("catalog"));

    [Fact]
    public async Task An_event_created_as_json_through_the_bff_reads_back_over_grpc_in_one_trace_down_to_postgres()
    {
        var (token, organizer) = await Catalog.NewOrganizerAsync();
        using var http = Catalog.BffAs(token);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events")
        {
            Content = JsonContent.Create(ValidEventJson(organizer.Id, "Skeleton conference")),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        created.GetProperty("status").GetString().ShouldBe("EVENT_STATUS_DRAFT");

        var catalog = new CatalogService.CatalogServiceClient(system.GrpcChannel("catalog"));
        var readBack = await catalog.GetEventAsync(new GetEventRequest { Id = id }, CatalogDriver.Bearer(token));
        readBack.Title.ShouldBe("Skeleton conference");
        readBack.Capacity.ShouldBe(120);
        readBack.Venue.Address.City.ShouldBe("Lyon");
        readBack.TimeZone.ShouldBe("Europe/Paris");

        var spans = await system.App.Spans.WaitForTraceAsync(traceId, HasBffCatalogAndDatabaseSpans, TimeSpan.FromSeconds(60));
        HasBffCatalogAndDatabaseSpans(spans).ShouldBeTrue(
            "spans seen: " + string.Join(", ", spans.Select(s => $"{s.ServiceName}/{s.Kind}/{s.Name}")));
        var catalogServer = spans.Single(s => s.ServiceName == "catalog" && s.Kind == "Server");
        var bffClient = spans.Single(s => s.ServiceName == "bff" && s.Kind == "Client");
        catalogServer.ParentSpanId.ShouldBe(bffClient.SpanId);
    }

    [Theory]
    [InlineData("catalogdb")]
    [InlineData("programdb")]
    [InlineData("registrationdb")]
    [InlineData("paymentdb")]
    [InlineData("billingdb")]
    [InlineData("notificationdb")]
    [InlineData("analyticsdb")]
    public async Task Every_service_database_is_created_and_migrated_at_start_with_its_outbox_and_inbox(string database)
    {
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString(database));
        await connection.OpenAsync();
        await using var migrations = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
        await using var tables = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('outbox_messages', 'inbox_messages')", connection);

        ((long)(await migrations.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
        ((long)(await tables.ExecuteScalarAsync())!).ShouldBe(2);
    }

    [Fact]
    public async Task A_catalog_method_list_is_served_through_grpc_reflection()
    {
        var reflection = new ServerReflection.ServerReflectionClient(system.GrpcChannel("catalog"));
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        (await call.ResponseStream.MoveNext(CancellationToken.None)).ShouldBeTrue();

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        services.ShouldContain("eventplatform.catalog.v1.CatalogService");
        services.ShouldContain("grpc.health.v1.Health");
    }

    [Theory]
    [InlineData("title", "", null, "title")]
    [InlineData("endTime", "2027-03-10T08:00:00Z", null, "end_time")]
    [InlineData("timeZone", "Mars/Olympus_Mons", null, "time_zone")]
    public async Task Bad_input_through_the_bff_is_a_400_naming_the_field_and_stores_nothing(
        string property, string value, string? unused, string field)
    {
        _ = unused;
        var (token, organizer) = await Catalog.NewOrganizerAsync();
        using var http = Catalog.BffAs(token);
        var body = ValidEventJson(organizer.Id, "Should not be stored");
        body[property] = value;
        var before = await CountEventsAsync();

        using var response = await http.PostAsJsonAsync("/events", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await response.Content.ReadAsStringAsync();
        error.ShouldContain($"\"field\":\"{field}\"", Case.Sensitive, error);
        (await CountEventsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Bad_input_names_every_offending_field_at_once()
    {
        var call = Catalog.Client.CreateEventAsync(
            new CreateEventRequest { RequestId = Guid.NewGuid().ToString(), TimeZone = "Europe/Paris" },
            CatalogDriver.Bearer(Catalog.TokenFor("someone")));

        var failure = await Should.ThrowAsync<Grpc.Core.RpcException>(call.ResponseAsync);

        failure.StatusCode.ShouldBe(Grpc.Core.StatusCode.InvalidArgument);
        var badRequest = Grpc.Core.RpcExceptionExtensions.GetRpcStatus(failure)!
            .GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        badRequest.ShouldBe(["organizer_id", "title", "venue", "start_time", "end_time", "capacity"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_same_request_id_sent_concurrently_creates_one_event()
    {
        var (token, organizer) = await Catalog.NewOrganizerAsync();
        var request = CatalogDriver.NewEventRequest(organizer.Id, "Retried");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Catalog.Client.CreateEventAsync(request, CatalogDriver.Bearer(token)).ResponseAsync));

        results.Select(r => r.Id).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Internal_rpcs_are_not_reachable_through_the_bff()
    {
        var throughBff = new CatalogInternalService.CatalogInternalServiceClient(system.GrpcChannel("bff"));

        var failure = await Should.ThrowAsync<Grpc.Core.RpcException>(
            throughBff.BatchGetEventsAsync(new BatchGetEventsRequest { Ids = { Guid.NewGuid().ToString() } }).ResponseAsync);

        failure.StatusCode.ShouldBe(Grpc.Core.StatusCode.Unimplemented);
    }

    private static Dictionary<string, object?> ValidEventJson(string organizerId, string title) => new()
    {
        ["requestId"] = Guid.NewGuid().ToString(),
        ["organizerId"] = organizerId,
        ["title"] = title,
        ["description"] = "Two days of talks.",
        ["venue"] = new Dictionary<string, object?>
        {
            ["name"] = "Centre de Congrès",
            ["address"] = new Dictionary<string, object?> { ["line1"] = "50 Quai Charles de Gaulle", ["city"] = "Lyon", ["postalCode"] = "69006", ["countryCode"] = "FR" },
        },
        ["startTime"] = "2027-03-10T08:00:00Z",
        ["endTime"] = "2027-03-11T17:00:00Z",
        ["timeZone"] = "Europe/Paris",
        ["capacity"] = 120,
        ["price"] = new Dictionary<string, object?> { ["amountMinor"] = 15000, ["currency"] = "EUR" },
        ["vatRateBasisPoints"] = 2000,
    };

    private static bool HasBffCatalogAndDatabaseSpans(IReadOnlyList<ReceivedSpan> spans) =>
        spans.Any(s => s.ServiceName == "bff" && s.Kind == "Server") &&
        spans.Any(s => s.ServiceName == "bff" && s.Kind == "Client") &&
        spans.Any(s => s.ServiceName == "catalog" && s.Kind == "Server") &&
        spans.Any(s => s.ServiceName == "catalog" && s.Attributes.Any(a => a.Key.StartsWith("db.system", StringComparison.Ordinal) && a.Value == "postgresql"));

    private async Task<long> CountEventsAsync()
    {
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString("catalogdb"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM events", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
