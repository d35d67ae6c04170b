using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventPlatform.Bench;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;

namespace EventPlatform.Bench.Registration;

/// <summary>
/// Registrations through the BFF (a free event at two loads, a flash sale) beside pgbench on the same PostgreSQL server —
/// TPC-B-like, and the database floor of one registration (registration-floor.sql) — measured in one run so the figures
/// read as ratios rather than as machine-bound absolutes.
/// </summary>
public static class RegistrationBenchmark
{
    /// <summary>Runs every scenario on <paramref name="app"/>, prints to <paramref name="console"/>; 0 when every answer was right.</summary>
    /// <param name="summaryPath">Where its rows of bench/run's table go (see BenchSummary); null for none.</param>
    /// <param name="shortForm">The short form (see BenchScale), as the test command runs it.</param>
    public static async Task<int> RunAsync(TestPlatform app, TextWriter console, string? summaryPath, bool shortForm)
    {
        var scale = new BenchScale(shortForm);
        var summary = new BenchSummary(summaryPath);
        var attendees = scale.Pick(10_000, 400);
        var warmupCapacity = scale.Pick(3_000, 100);
        var warmupAttempts = scale.Pick(4_000, 150);
        var freeRequests = scale.Pick(2_000, 100);
        var freeRequestsAtRush = scale.Pick(4_000, 200);
        var flashSeats = scale.Pick(500, 50);
        var flashAttempts = scale.Pick(10_000, 400);
        var rush = scale.Pick(200, 50);
        const string PgBench = "/usr/lib/postgresql/15/bin/pgbench";
        var requestTimeout = TimeSpan.FromSeconds(60);

        var bffAddress = app.GetEndpoint("bff", "http");
        var registrationDb = app.GetConnectionString("registrationdb");
        var postgresPort = new NpgsqlConnectionStringBuilder(app.GetConnectionString("postgres")).Port;
        console.WriteLine($"BFF at {bffAddress}, PostgreSQL on 127.0.0.1:{postgresPort}.");

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

        // Tokens are minted before any clock starts, in parallel; one attendee registers once per event, so the same
        // attendees serve every phase, each phase on an event of its own.
        console.WriteLine($"Minting {attendees:N0} attendee tokens…");
        var tokens = new string[attendees];
        Parallel.For(0, attendees, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => tokens[i] = app.CreateToken($"bench-attendee-{i}-{Guid.NewGuid():N}", CallerRole.Attendee));

        async Task<(string Status, double Milliseconds)> RegisterAsync(string eventId, string token, int i, string traceId)
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
            // Each registration is the root of its own trace, so the spans the services exported can be read hop by hop.
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    var retryAfter = response.Headers.RetryAfter is { } after ? $" (Retry-After {after})" : "";
                    return ($"HTTP {(int)response.StatusCode}{retryAfter}: {body[..Math.Min(body.Length, 160)]}", elapsed);
                }

                using var json = JsonDocument.Parse(body);
                return (json.RootElement.GetProperty("status").GetString() ?? "?", elapsed);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return ($"no answer: {e.GetType().Name}", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        // Sends count registrations with at most concurrency in flight, attendee i with tokens[i].
        async Task<Phase> RunAsync(string eventId, int count, int concurrency, int fullAt = int.MaxValue)
        {
            var phase = new Phase(count);
            var next = -1;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var traceId = ActivityTraceId.CreateRandom().ToHexString();
                    var (status, ms) = await RegisterAsync(eventId, tokens[i], i, traceId);
                    phase.Record(status, ms, clock.Elapsed, fullAt, traceId);
                }
            });
            await Task.WhenAll(workers);
            phase.Elapsed = clock.Elapsed;
            return phase;
        }

        // Warm-up: every service reaches its steady state (the JIT's tiered compilation of the hot paths, connection pools),
        // on both the confirmed and the waitlisted path; a system in a rush has been running for a while.
        console.WriteLine($"Warm-up: {warmupAttempts:N0} registrations on {warmupCapacity:N0} seats, {rush / 2} in flight…");
        var warmup = await RunAsync(await PublishedFreeEventAsync("Bench warm-up", warmupCapacity), warmupAttempts, rush / 2);
        console.WriteLine($"  {warmup.Summary}");

        console.WriteLine($"Free event: {freeRequests:N0} registrations, 16 in flight…");
        var freeEvent16 = await PublishedFreeEventAsync("Bench free event", freeRequests);
        var cpuBefore = ProcessCpu.Snapshot();
        var free16 = await RunAsync(freeEvent16, freeRequests, 16);
        var cpuUsed = ProcessCpu.Since(cpuBefore);
        console.WriteLine($"  {free16.Summary}");

        // Where one registration's time goes at 16 in flight, from the spans the services exported during that phase: every
        // span of the sampled requests' traces, and of the group commits that served them (their own traces, linked).
        await Task.Delay(TimeSpan.FromSeconds(5));
        var sampled = free16.TraceIds.TakeLast(500).ToList();
        var requestSpans = sampled.SelectMany(id => app.Spans.GetTrace(id)).ToList();
        var phaseStart = requestSpans.Count > 0 ? requestSpans.Min(s => s.Start) : DateTimeOffset.MinValue;
        var groupCommits = app.Spans.Find(s => s.Name == "registration group commit" && s.Start >= phaseStart);
        var groupTraces = groupCommits.Select(s => s.TraceId).Distinct().ToList();
        var groupSizes = groupCommits.Select(s => int.Parse(s.Attributes.GetValueOrDefault("eventplatform.registration.group_size", "1"), System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        var groupSpans = groupTraces.SelectMany(id => app.Spans.GetTrace(id)).ToList();
        var hops = new List<string>();
        foreach (var (label, spans, per) in new[] { ("request", requestSpans, sampled.Count), ("group commit", groupSpans, Math.Max(groupTraces.Count, 1)) })
        {
            foreach (var hop in spans.GroupBy(s => (s.ServiceName, Name: s.Name.Length > 60 ? s.Name[..60] : s.Name))
                .Select(g => (g.Key.ServiceName, g.Key.Name, PerTrace: (double)g.Count() / per,
                    Median: g.Select(s => (s.End - s.Start).TotalMilliseconds).Order().ElementAt(g.Count() / 2),
                    Offset: g.Select(s => (s.Start - spans.Where(r => r.TraceId == s.TraceId).Min(r => r.Start)).TotalMilliseconds).Order().ElementAt(g.Count() / 2)))
                .OrderBy(h => h.Offset))
            {
                hops.Add($"  {label,-12} {hop.ServiceName,-13} {hop.Name,-60} {hop.PerTrace,5:N1} × {hop.Median,7:N2} ms  (starts at +{hop.Offset:N2} ms)");
            }
        }

        console.WriteLine($"Free event: {freeRequestsAtRush:N0} registrations, {rush} in flight…");
        var freeRush = await RunAsync(await PublishedFreeEventAsync("Bench free event at rush", freeRequestsAtRush), freeRequestsAtRush, rush);
        console.WriteLine($"  {freeRush.Summary}");

        console.WriteLine($"Flash sale: {flashAttempts:N0} attempts on {flashSeats} seats, {rush} in flight…");
        var flashEvent = await PublishedFreeEventAsync("Bench flash sale", flashSeats);
        var flashClock = Stopwatch.StartNew();
        TimeSpan? dbTimeToFull = null;
        // The database's view of "full", polled during the sale: an answer could say Waitlisted for someone promoted a moment later.
        var poller = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(registrationDb);
            await connection.OpenAsync();
            while (flashClock.Elapsed < TimeSpan.FromMinutes(3))
            {
                await using var command = new NpgsqlCommand(
                    "SELECT count(*) FROM registrations WHERE event_id = @e AND status IN ('Confirmed', 'Pending')", connection);
                command.Parameters.AddWithValue("e", Guid.Parse(flashEvent));
                if ((long)(await command.ExecuteScalarAsync())! >= flashSeats)
                {
                    dbTimeToFull = flashClock.Elapsed;
                    return;
                }

                await Task.Delay(20);
            }
        });
        var flash = await RunAsync(flashEvent, flashAttempts, rush, fullAt: flashSeats);
        await poller;
        console.WriteLine($"  {flash.Summary}");

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

        // pgbench on the same PostgreSQL server, in a scratch database: TPC-B-like, then the floor of one registration.
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

        static double Tps(string pgbenchOutput) =>
            Regex.Match(pgbenchOutput, @"tps = ([0-9.]+)") is { Success: true } match
                ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : double.NaN;

        var (pgbenchScale, tpcbSeconds, floorSeconds) = scale.Pick(("10", "20", "15"), ("1", "3", "3"));
        console.WriteLine($"pgbench: TPC-B-like, scale {pgbenchScale}, 8 clients, {tpcbSeconds} s…");
        await PgBenchAsync("-i", "-s", pgbenchScale, "-q");
        var tpcb = Tps(await PgBenchAsync("-c", "8", "-j", "2", "-T", tpcbSeconds));
        console.WriteLine($"pgbench: one registration's floor (seat + registration + outbox row in one statement), 16 clients, {floorSeconds} s…");
        await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={postgresPort};Username=postgres;Database={scratch}"))
        {
            await connection.OpenAsync();
            await using var schema = new NpgsqlCommand("""
                CREATE TABLE event_seats(event_id int PRIMARY KEY, taken int NOT NULL, capacity int NOT NULL, CHECK (taken <= capacity));
                CREATE TABLE registrations(id uuid PRIMARY KEY DEFAULT gen_random_uuid(), event_id int NOT NULL, attendee text NOT NULL,
                                           status text NOT NULL, created timestamptz DEFAULT now());
                CREATE UNIQUE INDEX ON registrations(event_id, attendee);
                CREATE TABLE outbox(id bigserial PRIMARY KEY, topic text, payload jsonb, created timestamptz DEFAULT now());
                INSERT INTO event_seats SELECT g, 0, 100000000 FROM generate_series(1, 1000) g;
                """, connection);
            await schema.ExecuteNonQueryAsync();
        }

        // The script travels inside the assembly, which the tests load from their own folder.
        var floorScript = Path.Combine(Path.GetTempPath(), $"registration-floor-{Guid.NewGuid():N}.sql");
        await using (var script = typeof(RegistrationBenchmark).Assembly.GetManifestResourceStream("registration-floor.sql")!)
        await using (var file = File.Create(floorScript))
        {
            await script.CopyToAsync(file);
        }

        var floor = Tps(await PgBenchAsync("-n", "-c", "16", "-j", "2", "-T", floorSeconds, "-f", floorScript));
        File.Delete(floorScript);

        string Row(string what, Phase phase, string answers) =>
            $"{what,-34} {phase.Count / phase.Elapsed.TotalSeconds,10:N0} {phase.Percentile(50),8:N1} {phase.Percentile(99),9:N1}   {answers}";

        console.WriteLine();
        console.WriteLine($"{"registrations through the BFF",-34} {"answers/s",10} {"p50 ms",8} {"p99 ms",9}   answers");
        console.WriteLine(Row("free event, 16 in flight", free16, free16.Summary));
        console.WriteLine(Row($"free event, {rush} in flight", freeRush, freeRush.Summary));
        console.WriteLine(Row($"flash sale {flashAttempts:N0} on {flashSeats}, {rush} in flight", flash, flash.Summary));
        console.WriteLine(
            $"  flash sale: full after {(flash.TimeToFull is { } full ? $"{full.TotalSeconds:N2} s" : "never (fewer confirmations than seats)")} " +
            $"({flashSeats}th Confirmed answer), database full after {(dbTimeToFull is { } dbFull ? $"{dbFull.TotalSeconds:N2} s" : "not within 3 min")}, " +
            $"all answered after {flash.Elapsed.TotalSeconds:N1} s");
        console.WriteLine(
            $"  database: {dbConfirmed:N0} confirmed, {dbWaitlisted:N0} waitlisted, capacity {dbCapacity:N0}, {dbPromoted:N0} promoted from the waitlist; " +
            $"oversell {oversell}, duplicate attendees {duplicates}");
        console.WriteLine($"{"pgbench TPC-B-like, 8 clients",-34} {tpcb,10:N0} TPS");
        console.WriteLine($"{"pgbench registration floor, 16 cl.",-34} {floor,10:N0} TPS");
        var tpcbBaseline = $"pgbench TPC-B {tpcb:N0} TPS";
        summary.Add("registration, free event, 16 in flight", $"{free16.Count / free16.Elapsed.TotalSeconds:N0}/s", tpcbBaseline,
            free16.Count / free16.Elapsed.TotalSeconds / tpcb, free16.Percentile(50), free16.Percentile(99), $"{free16.Errors}");
        summary.Add($"registration, free event, {rush} in flight", $"{freeRush.Count / freeRush.Elapsed.TotalSeconds:N0}/s", tpcbBaseline,
            freeRush.Count / freeRush.Elapsed.TotalSeconds / tpcb, freeRush.Percentile(50), freeRush.Percentile(99), $"{freeRush.Errors}");
        summary.Add($"flash sale {flashAttempts:N0} on {flashSeats}, {rush} in flight: full after {(flash.TimeToFull is { } toFull ? $"{toFull.TotalSeconds:N1} s" : "never")}, oversell {oversell}",
            $"{flash.Count / flash.Elapsed.TotalSeconds:N0} attempts/s", tpcbBaseline,
            flash.Count / flash.Elapsed.TotalSeconds / tpcb, flash.Percentile(50), flash.Percentile(99), $"{flash.Errors}");
        console.WriteLine();
        console.WriteLine($"CPU per registration at 16 in flight, by process (both cores: {2_000.0 * free16.Elapsed.TotalSeconds / freeRequests:N1} ms of CPU time per registration available):");
        foreach (var (process, seconds) in cpuUsed.OrderByDescending(c => c.Value).Where(c => c.Value > 0.05))
        {
            console.WriteLine($"  {process,-28} {seconds * 1000 / freeRequests,6:N2} ms");
        }

        console.WriteLine($"  {"all",-28} {cpuUsed.Values.Sum() * 1000 / freeRequests,6:N2} ms");
        console.WriteLine();
        console.WriteLine($"One registration at 16 in flight, hop by hop (median of {sampled.Count} requests and the {groupTraces.Count} group commits that served them; per trace × median duration):");
        hops.ForEach(Console.WriteLine);
        if (groupSizes.Count > 0)
        {
            console.WriteLine($"  {groupSizes.Count:N0} group commits, median {groupSizes[groupSizes.Count / 2]} registrations, largest {groupSizes[^1]}");
        }
        console.WriteLine();
        console.WriteLine(
            $"Free event at 16 in flight: {free16.Count / free16.Elapsed.TotalSeconds / tpcb:P0} of TPC-B and " +
            $"{free16.Count / free16.Elapsed.TotalSeconds / floor:P0} of the registration floor on the same PostgreSQL.");
        // Answers other than a registration status (HTTP errors, no answer) in a measured phase fail the run as overselling
        // does: a figure made of wrong answers is no figure. The warm-up may meet the load shedding of a cold system.
        return oversell == 0 && duplicates == 0 && free16.Errors + freeRush.Errors + flash.Errors == 0 ? 0 : 1;
    }
}

/// <summary>CPU time used by every process on the machine (user + system, from /proc), grouped by what it is.</summary>
internal static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static Dictionary<(int Pid, string Name), double> Snapshot()
    {
        var seconds = new Dictionary<(int, string), double>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = double.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                    + double.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                seconds[(pid, NameOf(File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim()))] = ticks / TicksPerSecond;
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        return seconds;
    }

    public static Dictionary<string, double> Since(Dictionary<(int Pid, string Name), double> before) =>
        Snapshot().GroupBy(p => p.Key.Name)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value - before.GetValueOrDefault(p.Key)));

    private static string NameOf(string commandLine) => commandLine switch
    {
        _ when commandLine.StartsWith("postgres: ", StringComparison.Ordinal) =>
            commandLine.Split(' ') is [_, _, var database, ..] && database.EndsWith("db", StringComparison.Ordinal) ? $"postgres ({database})" : "postgres (other)",
        _ when commandLine.Contains("/postgres ", StringComparison.Ordinal) => "postgres (other)",
        _ when commandLine.Contains("redis-server", StringComparison.Ordinal) => "redis",
        _ when commandLine.Contains("bin/Release/net10.0/EventPlatform.", StringComparison.Ordinal) =>
            commandLine.Split('/')[^1].Split(' ')[0].Replace("EventPlatform.", "", StringComparison.Ordinal),
        _ when commandLine.StartsWith("dotnet run", StringComparison.Ordinal) => "dotnet run (launchers)",
        "" => "kernel threads",
        _ => Path.GetFileName(commandLine.Split(' ')[0]),
    };
}

/// <summary>The answers of one phase: status counts, latencies, and when the fullAt-th Confirmed answer came.</summary>
internal sealed class Phase(int count)
{
    private readonly ConcurrentDictionary<string, int> _outcomes = new();
    private readonly List<double> _latencies = new(count);
    private int _confirmed;

    public int Count => count;

    public TimeSpan Elapsed { get; set; }

    public TimeSpan? TimeToFull { get; private set; }

    public ConcurrentQueue<string> TraceIds { get; } = new();

    public void Record(string status, double milliseconds, TimeSpan at, int fullAt, string traceId)
    {
        _outcomes.AddOrUpdate(status, 1, (_, n) => n + 1);
        TraceIds.Enqueue(traceId);
        lock (_latencies)
        {
            _latencies.Add(milliseconds);
        }

        if (status == "REGISTRATION_STATUS_CONFIRMED" && Interlocked.Increment(ref _confirmed) == fullAt)
        {
            TimeToFull = at;
        }
    }

    public double Percentile(double percentile)
    {
        lock (_latencies)
        {
            var sorted = _latencies.Order().ToList();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
        }
    }

    /// <summary>Attempts answered with anything but a registration status: an HTTP error or no answer.</summary>
    public int Errors => _outcomes.Where(o => !o.Key.StartsWith("REGISTRATION_STATUS_", StringComparison.Ordinal)).Sum(o => o.Value);

    public string Summary => string.Join(", ", _outcomes.OrderByDescending(o => o.Value)
        .Select(o => $"{o.Key.Replace("REGISTRATION_STATUS_", "", StringComparison.Ordinal).ToLowerInvariant()} {o.Value:N0}"));
}
