using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Tests.Notification;
using EventPlatform.Tests.Payment;
using Npgsql;
using Xunit.Abstractions;
using static EventPlatform.Tests.Catalog.CatalogDriver;

namespace EventPlatform.Tests.EndToEnd.Soak;

/// <summary>
/// A bounded run of mixed traffic, then the global invariants once everything it set off has been handled: no
/// oversell, one invoice per paid confirmation, one credit note per refund, one email per trigger and recipient,
/// statistics equal to the sums recomputed from the services' own data; and every process's memory stays bounded.
/// The test command runs it for 20 s with three workers, beside the other tests; EVENTPLATFORM_SOAK_SECONDS and EVENTPLATFORM_SOAK_WORKERS run it longer and harder (bench/README.md, "Soak").
/// </summary>
[Collection(FaultSystemCollection.Name)]
public sealed class SoakTests(FaultSystemFixture system, ITestOutputHelper output)
{
    private const long MemoryCeiling = 1L << 30;

    private static TimeSpan Duration => TimeSpan.FromSeconds(Setting("EVENTPLATFORM_SOAK_SECONDS", 20));

    private static int Workers => Setting("EVENTPLATFORM_SOAK_WORKERS", 3);

    [Fact]
    public async Task Mixed_traffic_ends_with_every_global_invariant_holding_and_memory_bounded()
    {
        var driver = new PaymentDriver(system);
        var (organizerToken, paid) = await driver.PaidEventAsync(capacity: 60);
        var free = await FreeEventAsync(driver, organizerToken, paid.OrganizerId);
        var traffic = new SoakTraffic(driver, paid.Id, free.Id, Guid.NewGuid().ToString("N")[..8]);
        var invariants = new GlobalInvariants(system.App, driver, organizerToken, paid.OrganizerId, new MailSink(system.App.GetEndpoint("mail", "http")));
        var memoryBefore = ProcessMemory.Of(system.App.ProcessIds());

        using var stop = new CancellationTokenSource(Duration);
        using var settled = new CancellationTokenSource();
        var promotions = traffic.ServeThePromotedAsync(settled.Token);
        await traffic.RunAsync(Workers, stop.Token);
        // What the traffic set off drains after it ends (PDFs to render, emails to send): a longer, busier run leaves more.
        var drained = System.Diagnostics.Stopwatch.StartNew();
        var broken = await SettledAsync(invariants, traffic, [paid.Id, free.Id], TimeSpan.FromMinutes(3) + Duration * Math.Max(1, Workers / 3));
        var drainTime = drained.Elapsed;
        await settled.CancelAsync();
        await promotions;
        var memoryAfter = ProcessMemory.Of(system.App.ProcessIds());

        output.WriteLine($"{Duration.TotalSeconds:N0} s, {Workers} workers: {string.Join(", ", traffic.Done.OrderBy(d => d.Key).Select(d => $"{d.Value} {d.Key}"))}; "
            + $"{traffic.Attendees.Count} registrations; everything handled and sent {drainTime.TotalSeconds:N0} s after the traffic ended");
        foreach (var (process, bytes) in memoryAfter.OrderByDescending(m => m.Value))
        {
            output.WriteLine($"  {process,-50} {memoryBefore.GetValueOrDefault(process) / 1048576,6:N0} MiB -> {bytes / 1048576,6:N0} MiB");
        }

        traffic.Problems.ShouldBeEmpty($"answers the API does not promise:\n{string.Join('\n', traffic.Problems.Take(20))}");
        traffic.Done.GetValueOrDefault("paid registration").ShouldBeGreaterThan(0);
        traffic.Done.GetValueOrDefault("free registration").ShouldBeGreaterThan(0);
        broken.ShouldBeEmpty($"broken invariants:\n{string.Join('\n', broken.Take(40))}");
        memoryAfter.Where(m => m.Value > MemoryCeiling).Select(m => $"{m.Key}: {m.Value / 1048576} MiB").ShouldBeEmpty("processes over 1 GiB");
    }

    /// <summary>
    /// Waits until every hold has ended (paid or expired) and the figures agree with their sources; then checks it all,
    /// emails included. What is still broken when patience runs out is the answer.
    /// </summary>
    private async Task<IReadOnlyList<string>> SettledAsync(
        GlobalInvariants invariants, SoakTraffic traffic, string[] eventIds, TimeSpan patience)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        // A slow drain says what it is waiting for, every 30 s.
        void Waiting(IReadOnlyList<string> what)
        {
            if (waiting.Elapsed - reported >= TimeSpan.FromSeconds(30))
            {
                reported = waiting.Elapsed;
                output.WriteLine($"  after {reported.TotalSeconds:N0} s still waiting for: {string.Join("; ", what.Take(3))}{(what.Count > 3 ? $" (+{what.Count - 3})" : "")}");
            }
        }

        while (DateTimeOffset.UtcNow < deadline)
        {
            var holding = await HoldingAsync(eventIds);
            var broken = new List<string>();
            foreach (var eventId in eventIds)
            {
                broken.AddRange(await invariants.BrokenAsync(eventId, [], checkMail: false));
            }

            if (holding == 0 && broken.Count == 0)
            {
                break;
            }

            Waiting(holding == 0 ? broken : [$"{holding} hold(s) open", .. broken]);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        // Emails are the last to arrive: wait for them too, within the same patience.
        while (true)
        {
            var all = new List<string>();
            foreach (var eventId in eventIds)
            {
                all.AddRange(await invariants.BrokenAsync(eventId, traffic.Attendees.Where(a => a.EventId == eventId).ToList(), checkMail: true));
            }

            if (all.Count == 0 || DateTimeOffset.UtcNow >= deadline)
            {
                return all;
            }

            Waiting(all);
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    private static int Setting(string variable, int otherwise) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var value) && value > 0 ? value : otherwise;

    private async Task<long> HoldingAsync(string[] eventIds)
    {
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString("registrationdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM registrations WHERE event_id = ANY(@e) AND status = 'Pending'", connection);
        command.Parameters.AddWithValue("e", eventIds.Select(Guid.Parse).ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Event> FreeEventAsync(PaymentDriver driver, string organizerToken, string organizerId)
    {
        var request = NewEventRequest(organizerId, "Free Soak", capacity: 80);
        request.WaitlistEnabled = true;
        var draft = await driver.Catalog.Client.CreateEventAsync(request, Bearer(organizerToken));
        return await driver.Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = draft.Id }, Bearer(organizerToken));
    }
}
