using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;

// Registrations through the BFF (free event, flash sale) beside pgbench's TPC-B-like TPS on the same PostgreSQL server,
// measured in one run so the figures read as a ratio rather than as machine-bound absolutes.
const int FreeRequests = 2_000;
const int FreeConcurrency = 16;
const int WarmupRequests = 200;
const int FlashSeats = 100;
const int FlashAttempts = 2_000;
const int FlashConcurrency = 200;
const string PgBench = "/usr/lib/postgresql/15/bin/pgbench";
var requestTimeout = TimeSpan.FromSeconds(60);

Console.WriteLine($"Starting the whole system (every service behind the BFF, PostgreSQL, Redis) on {Environment.ProcessorCount} cores…");
await using var app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["bff"] });
var bffAddress = app.GetEndpoint("bff", "http");
var registrationDb = app.GetConnectionString("registrationdb");
var postgresPort = new NpgsqlConnectionStringBuilder(app.GetConnectionString("postgres")).Port;
Console.WriteLine($"BFF at {bffAddress}, PostgreSQL on 127.0.0.1:{postgresPort}.");

using var catalogChannel = GrpcChannel.ForAddress(app.GetEndpoint("catalog", "grpc"));
var catalog = new CatalogService.CatalogServiceClient(catalogChannel);
var organizerToken = app.CreateToken($"bench-organizer-{Guid.NewGuid():N}", CallerRole.Organizer);
var organizerHeaders = new Metadata { { "authorization", $"Bearer {organizerToken}" } };
var organizer = await catalog.CreateOrganizerAsync(new CreateOrganizerRequest
{
    RequestId = Guid.NewGuid().ToString(),
    LegalName = "Bench Events SAS",
    Address = new EventPlatform.Contracts.Common.V1.Address { Line1 = "1 Place Bellecour", City = "Lyon", PostalCode = "69002", CountryCode = "FR" },
    VatNumber = "FR40303265045",
    InvoicePrefix = "B" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
    ContactEmail = "contact@bench.example.org",
}, organizerHeaders);

async Task<string> PublishedFreeEventAsync(string title, int capacity)
{
    var start = new DateTimeOffset(DateTime.UtcNow.Year + 1, 3, 10, 8, 0, 0, TimeSpan.Zero);
    var draft = await catalog.CreateEventAsync(new CreateEventRequest
    {
        RequestId = Guid.NewGuid().ToString(),
        OrganizerId = organizer.Id,
        Title = title,
        Description = "A benchmark event.",
        OnlineUrl = "https://meet.example.org/bench",
        StartTime = Timestamp.FromDateTimeOffset(start),
        EndTime = Timestamp.FromDateTimeOffset(start.AddHours(9)),
        TimeZone = "Europe/Paris",
        Capacity = capacity,
        WaitlistEnabled = true,
    }, organizerHeaders);
    var published = await catalog.PublishEventAsync(new PublishEventRequest { Id = draft.Id }, organizerHeaders);
    return published.Id;
}

// One connection pool for all attendees; each request carries its own attendee's token.
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1_000, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = bffAddress,
    Timeout = requestTimeout,
};

// Tokens are minted before any clock starts.
string[] MintAttendeeTokens(string prefix, int count) =>
    Enumerable.Range(0, count).Select(i => app.CreateToken($"{prefix}-{i}-{Guid.NewGuid():N}", CallerRole.Attendee)).ToArray();

async Task<(string Status, double Milliseconds)> RegisterAsync(string eventId, string token, int i)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/registrations")
    {
        Content = JsonContent.Create(new
        {
            requestId = Guid.NewGuid().ToString(),
            eventId,
            name = $"Attendee {i}",
            email = $"attendee{i}@example.org",
            locale = "en-GB",
        }),
    };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var started = Stopwatch.GetTimestamp();
    using var response = await http.SendAsync(request);
    var body = await response.Content.ReadAsStringAsync();
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (!response.IsSuccessStatusCode)
    {
        return ($"HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}", elapsed);
    }

    using var json = JsonDocument.Parse(body);
    return (json.RootElement.GetProperty("status").GetString() ?? "?", elapsed);
}

// Runs count requests with at most concurrency in flight; onResult is called as each one completes.
async Task<TimeSpan> RunAsync(string eventId, string[] tokens, int concurrency, Action<string, double> onResult)
{
    var next = -1;
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < tokens.Length)
        {
            var (status, ms) = await RegisterAsync(eventId, tokens[i], i);
            onResult(status, ms);
        }
    });
    await Task.WhenAll(workers);
    return clock.Elapsed;
}

static double Percentile(List<double> values, double percentile)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

static string Summary(ConcurrentDictionary<string, int> outcomes) =>
    string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} × {o.Value}"));

// (a) Free event with ample capacity.
Console.WriteLine("Free event: creating and publishing…");
var freeEvent = await PublishedFreeEventAsync("Bench free event", FreeRequests + WarmupRequests + 1_000);
var warmupTokens = MintAttendeeTokens("warmup", WarmupRequests);
var freeTokens = MintAttendeeTokens("free", FreeRequests);
Console.WriteLine($"Free event: warming up with {WarmupRequests} registrations…");
var warmupOutcomes = new ConcurrentDictionary<string, int>();
await RunAsync(freeEvent, warmupTokens, FreeConcurrency, (status, _) => warmupOutcomes.AddOrUpdate(status, 1, (_, n) => n + 1));
Console.WriteLine($"  warm-up outcomes: {Summary(warmupOutcomes)}");
Console.WriteLine($"Free event: {FreeRequests} registrations at concurrency {FreeConcurrency}…");
var freeLatencies = new List<double>();
var freeOutcomes = new ConcurrentDictionary<string, int>();
var freeElapsed = await RunAsync(freeEvent, freeTokens, FreeConcurrency, (status, ms) =>
{
    freeOutcomes.AddOrUpdate(status, 1, (_, n) => n + 1);
    lock (freeLatencies)
    {
        freeLatencies.Add(ms);
    }
});
var freeConfirmed = freeOutcomes.GetValueOrDefault("REGISTRATION_STATUS_CONFIRMED");
var freePerSecond = FreeRequests / freeElapsed.TotalSeconds;
Console.WriteLine($"  outcomes: {Summary(freeOutcomes)}; {freeElapsed.TotalSeconds:N1} s");

// (b) Flash sale: many attempts at once on a small event.
Console.WriteLine($"Flash sale: event with {FlashSeats} seats, {FlashAttempts} attempts, {FlashConcurrency} in flight…");
var flashEvent = await PublishedFreeEventAsync("Bench flash sale", FlashSeats);
var flashTokens = MintAttendeeTokens("flash", FlashAttempts);
var flashOutcomes = new ConcurrentDictionary<string, int>();
var flashConfirmed = 0;
var fullClock = Stopwatch.StartNew();
TimeSpan? timeToFull = null;
TimeSpan? dbTimeToFull = null;

// The database's view of "full": polled during the sale (bounded), since an answer may say Waitlisted for someone
// promoted a moment later.
var poller = Task.Run(async () =>
{
    await using var connection = new NpgsqlConnection(registrationDb);
    await connection.OpenAsync();
    while (fullClock.Elapsed < TimeSpan.FromMinutes(2))
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM registrations WHERE event_id = @e AND status IN ('Confirmed', 'Pending')", connection);
        command.Parameters.AddWithValue("e", Guid.Parse(flashEvent));
        if ((long)(await command.ExecuteScalarAsync())! >= FlashSeats)
        {
            dbTimeToFull = fullClock.Elapsed;
            return;
        }

        await Task.Delay(20);
    }
});
var flashElapsed = await RunAsync(flashEvent, flashTokens, FlashConcurrency, (status, _) =>
{
    flashOutcomes.AddOrUpdate(status, 1, (_, n) => n + 1);
    if (status == "REGISTRATION_STATUS_CONFIRMED" && Interlocked.Increment(ref flashConfirmed) == FlashSeats)
    {
        timeToFull = fullClock.Elapsed;
    }
});
await poller;
var flashWaitlisted = flashOutcomes.GetValueOrDefault("REGISTRATION_STATUS_WAITLISTED");
Console.WriteLine($"  outcomes: {Summary(flashOutcomes)}; {flashElapsed.TotalSeconds:N1} s");

// The registration database is the source of truth for overselling.
long dbConfirmed, dbWaitlisted, dbCapacity, duplicates, dbPromoted;
await using (var connection = new NpgsqlConnection(registrationDb))
{
    await connection.OpenAsync();
    async Task<long> ScalarAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("e", Guid.Parse(flashEvent));
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    dbConfirmed = await ScalarAsync("SELECT count(*) FROM registrations WHERE event_id = @e AND status IN ('Confirmed', 'Pending')");
    dbWaitlisted = await ScalarAsync("SELECT count(*) FROM registrations WHERE event_id = @e AND status = 'Waitlisted'");
    dbCapacity = await ScalarAsync("SELECT capacity FROM capacity_policies WHERE event_id = @e");
    dbPromoted = await ScalarAsync("SELECT count(*) FROM registrations WHERE event_id = @e AND status = 'Confirmed' AND promoted_from_waitlist");
    duplicates = await ScalarAsync(
        "SELECT count(*) FROM (SELECT attendee_subject FROM registrations WHERE event_id = @e GROUP BY attendee_subject HAVING count(*) > 1) d");
}

var oversell = Math.Max(0, dbConfirmed - dbCapacity);

// (c) pgbench TPC-B-like on the same PostgreSQL server, in a scratch database.
Console.WriteLine("pgbench: initialising scale 10 in a scratch database…");
var scratch = $"bench_pgbench_{Guid.NewGuid():N}"[..24];
await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={postgresPort};Username=postgres;Database=postgres"))
{
    await connection.OpenAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{scratch}\"", connection);
    await create.ExecuteNonQueryAsync();
}

async Task<string> PgBenchAsync(params string[] arguments)
{
    var start = new ProcessStartInfo(PgBench)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    foreach (var argument in new[] { "-h", "127.0.0.1", "-p", postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres" }
        .Concat(arguments).Append(scratch))
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start.");
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
    await process.WaitForExitAsync(timeout.Token);
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
    }

    return await output;
}

await PgBenchAsync("-i", "-s", "10", "-q");
Console.WriteLine("pgbench: TPC-B-like, 8 clients, 2 threads, 20 s…");
var pgbenchOutput = await PgBenchAsync("-c", "8", "-j", "2", "-T", "20");
var tpsMatch = Regex.Match(pgbenchOutput, @"tps = ([0-9.]+)");
var pgbenchTps = tpsMatch.Success ? double.Parse(tpsMatch.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
Console.WriteLine(pgbenchOutput.Trim());

Console.WriteLine();
Console.WriteLine($"Free event through the BFF: {FreeRequests:N0} registrations at concurrency {FreeConcurrency}, each a distinct attendee");
Console.WriteLine($"  {freePerSecond:N0} registrations/s, p50 {Percentile(freeLatencies, 50):N1} ms, p99 {Percentile(freeLatencies, 99):N1} ms ({freeConfirmed:N0} confirmed)");
Console.WriteLine($"Flash sale: {FlashAttempts:N0} attempts ({FlashConcurrency} in flight) on {FlashSeats} seats");
Console.WriteLine($"  {FlashAttempts / flashElapsed.TotalSeconds:N0} attempts/s, full after {(timeToFull is { } full ? $"{full.TotalMilliseconds:N0} ms" : "never (fewer confirmations than seats)")}, all answered after {flashElapsed.TotalSeconds:N1} s");
Console.WriteLine($"  database full (100th confirmed row, polled every 20 ms) after {(dbTimeToFull is { } dbFull ? $"{dbFull.TotalMilliseconds:N0} ms" : "not within 2 min")}");
Console.WriteLine($"  answers: {flashConfirmed:N0} confirmed, {flashWaitlisted:N0} waitlisted; database: {dbConfirmed:N0} confirmed/pending, {dbWaitlisted:N0} waitlisted, capacity {dbCapacity:N0}; {dbPromoted:N0} confirmed rows were promoted from the waitlist");
Console.WriteLine($"  oversell: {oversell} (confirmed beyond capacity), duplicate attendees: {duplicates}");
Console.WriteLine($"pgbench TPC-B-like (scale 10, 8 clients, 20 s) on the same server: {pgbenchTps:N0} TPS");
Console.WriteLine();
Console.WriteLine(
    $"Registrations through the BFF run at {freePerSecond:N0}/s against {pgbenchTps:N0} pgbench TPS on the same PostgreSQL: " +
    $"a ratio of {freePerSecond / pgbenchTps:N2} (each registration crosses BFF → registration service → PostgreSQL + Redis, " +
    "a pgbench transaction is five statements in one round of commits).");
return oversell == 0 && duplicates == 0 ? 0 : 1;
