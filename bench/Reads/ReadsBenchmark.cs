using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using EventPlatform.AppHost.Launcher;
using EventPlatform.Bench;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Program.V1;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace EventPlatform.Bench.Reads;

/// <summary>
/// Public reads through the BFF under wrk (event page, availability, program, listing with search) beside the BFF's own
/// /alive — the HTTP stack's ceiling on this machine — measured in the same run, so each figure reads as a ratio.
/// </summary>
public static class ReadsBenchmark
{
    /// <summary>Runs every scenario on <paramref name="app"/>, prints to <paramref name="console"/>; 0 when every answer was right.</summary>
    /// <param name="summaryPath">Where its rows of bench/run's table go (see BenchSummary); null for none.</param>
    /// <param name="shortForm">The short form (see BenchScale), as the test command runs it.</param>
    public static async Task<int> RunAsync(TestPlatform app, TextWriter console, string? summaryPath, bool shortForm)
    {
        var scale = new BenchScale(shortForm);
        var summary = new BenchSummary(summaryPath);
        int[] connectionCounts = scale.Pick<int[]>([16, 64], [64]);
        var measure = TimeSpan.FromSeconds(scale.Pick(10, 2));
        var warmUp = TimeSpan.FromSeconds(scale.Pick(3, 1));

        var wrk = new Prerequisites().Locate(Prerequisite.OnPath("wrk", "wrk"));
        var bff = app.GetEndpoint("bff", "http");

        console.WriteLine("Publishing an event with a program…");
        var token = app.CreateToken($"bench-organizer-{Guid.NewGuid():N}", CallerRole.Organizer);
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };
        using var catalogChannel = GrpcChannel.ForAddress(app.GetEndpoint("catalog", "grpc"));
        using var programChannel = GrpcChannel.ForAddress(app.GetEndpoint("program", "grpc"));
        var catalog = new CatalogService.CatalogServiceClient(catalogChannel);
        var program = new ProgramService.ProgramServiceClient(programChannel);
        var organizer = await catalog.CreateOrganizerAsync(new CreateOrganizerRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            LegalName = "Bench Events SAS",
            Address = new EventPlatform.Contracts.Common.V1.Address { Line1 = "1 Place Bellecour", City = "Lyon", PostalCode = "69002", CountryCode = "FR" },
            InvoicePrefix = "R" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            ContactEmail = "contact@bench.example.org",
        }, headers);
        var start = new DateTimeOffset(DateTime.UtcNow.Year + 1, 3, 10, 8, 0, 0, TimeSpan.Zero);
        var draft = await catalog.CreateEventAsync(new CreateEventRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            OrganizerId = organizer.Id,
            Title = "Bench Days",
            Description = "A benchmark event with a program of twelve sessions in three rooms.",
            OnlineUrl = "https://meet.example.org/bench",
            StartTime = Timestamp.FromDateTimeOffset(start),
            EndTime = Timestamp.FromDateTimeOffset(start.AddHours(9)),
            TimeZone = "Europe/Paris",
            Capacity = 500,
            WaitlistEnabled = true,
        }, headers);
        var rooms = new List<Room>();
        for (var r = 0; r < 3; r++)
        {
            rooms.Add(await program.CreateRoomAsync(new CreateRoomRequest { RequestId = Guid.NewGuid().ToString(), EventId = draft.Id, Name = $"Room {r + 1}", Capacity = 100 }, headers));
        }

        for (var s = 0; s < 12; s++)
        {
            var sessionStart = start.AddHours(s / 3);
            await program.CreateSessionAsync(new CreateSessionRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                EventId = draft.Id,
                Title = $"Session {s + 1}",
                Abstract = "What the session is about, in a sentence or two.",
                RoomId = rooms[s % 3].Id,
                StartTime = Timestamp.FromDateTimeOffset(sessionStart),
                EndTime = Timestamp.FromDateTimeOffset(sessionStart.AddMinutes(50)),
                Capacity = 80,
            }, headers);
        }

        var eventId = (await catalog.PublishEventAsync(new PublishEventRequest { Id = draft.Id }, headers)).Id;
        (string Name, string Path)[] targets =
        [
            ("alive (baseline)", "/alive"),
            ("event page", $"/events/{eventId}"),
            ("availability", $"/events/{eventId}/availability"),
            ("program", $"/events/{eventId}/program"),
            ("listing + search", "/events?upcomingOnly=true&query=bench&pageSize=20"),
        ];

        // One pass over every read first: the services are still settling after start-up and publishing (compiling hot paths,
        // handling the event's integration events), which would otherwise fall on whichever read is measured first.
        console.WriteLine("Warming every read up once…");
        foreach (var (_, path) in targets)
        {
            await RunWrkAsync(wrk, new Uri(bff, path), connectionCounts[^1], warmUp);
        }

        // The baseline is measured before and after each group and the higher kept: a machine still settling at the first
        // measurement would otherwise flatter every ratio of the group.
        var results = new List<(string Name, int Connections, WrkResult Result)>();
        foreach (var connections in connectionCounts)
        {
            foreach (var (name, path) in targets.Append(targets[0]))
            {
                console.WriteLine($"{name}, {connections} connections: warming up {warmUp.TotalSeconds:N0} s, measuring {measure.TotalSeconds:N0} s…");
                await RunWrkAsync(wrk, new Uri(bff, path), connections, warmUp);
                var result = await RunWrkAsync(wrk, new Uri(bff, path), connections, measure);
                var earlier = results.FindIndex(r => r.Name == name && r.Connections == connections);
                if (earlier < 0)
                {
                    results.Add((name, connections, result));
                }
                else if (result.RequestsPerSecond > results[earlier].Result.RequestsPerSecond)
                {
                    results[earlier] = (name, connections, result);
                }
            }
        }

        console.WriteLine();
        console.WriteLine($"GET through the BFF, wrk -t2 --latency --timeout 2s, {measure.TotalSeconds:N0} s each, {Environment.ProcessorCount} cores (wrk, the BFF and the services share them)");
        console.WriteLine($"{"read",-18} {"conns",5} {"req/s",9} {"vs alive",9} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
        foreach (var group in results.GroupBy(r => r.Connections))
        {
            var baseline = group.First(r => r.Name == targets[0].Name).Result.RequestsPerSecond;
            foreach (var (name, connections, r) in group)
            {
                console.WriteLine($"{name,-18} {connections,5} {r.RequestsPerSecond,9:N0} {r.RequestsPerSecond / baseline,9:P0} {r.P50,8:N1} {r.P99,8:N1} {r.Errors,7:N0}");
                if (name != targets[0].Name)
                {
                    summary.Add($"public read through the BFF: {name}, {connections} connections", $"{r.RequestsPerSecond:N0} req/s",
                        $"BFF /alive {baseline:N0} req/s", r.RequestsPerSecond / baseline, r.P50, r.P99, $"{r.Errors}");
                }
            }
        }

        foreach (var (name, connections, r) in results.Where(r => r.Result.Errors > 0))
        {
            console.WriteLine($"errors of {name} at {connections} connections: {r.ErrorKinds}");
        }

        return results.Any(r => r.Result.Errors > 0) ? 1 : 0;

        static async Task<WrkResult> RunWrkAsync(string wrk, Uri url, int connections, TimeSpan duration)
        {
            var info = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "--timeout", "2s", url.ToString() })
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return WrkResult.Parse(output);
        }
    }
}

/// <summary>What wrk prints: requests/s, the 50th and 99th latency percentiles, and every error (socket, timeout, non-2xx).</summary>
internal sealed partial record WrkResult(double RequestsPerSecond, double P50, double P99, long Errors, string ErrorKinds)
{
    public static WrkResult Parse(string output)
    {
        var perSecond = double.Parse(RequestsPerSecondLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var socket = SocketErrors().Match(output);
        var errors = socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        var non2xx = NonSuccess().Match(output) is { Success: true } other ? long.Parse(other.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var kinds = $"{(socket.Success ? socket.Value : "no socket errors")}; non-2xx/3xx {non2xx}";
        return new WrkResult(perSecond, Milliseconds(output, "50%"), Milliseconds(output, "99%"), errors + non2xx, kinds);
    }

    private static double Milliseconds(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();
}
