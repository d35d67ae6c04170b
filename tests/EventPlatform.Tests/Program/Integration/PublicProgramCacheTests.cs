using System.Net.Http.Json;
using System.Text.Json;
using EventPlatform.Contracts.Program.V1;
using EventPlatform.Tests.Messaging;
using Google.Protobuf.WellKnownTypes;
using static EventPlatform.Tests.Program.Integration.Organizer;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>
/// The BFF caches an event's public program and drops it when ProgramChanged reaches it: the wait is far shorter than
/// the entry's lifetime (30 s), so a read that shows the change was dropped by the event, not expired.
/// </summary>
[Collection(ProgramSystemCollection.Name)]
public sealed class PublicProgramCacheTests(ProgramSystem system)
{
    private static readonly TimeSpan WellWithinLifetime = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_session_moved_to_another_time_shows_in_the_public_program_once_ProgramChanged_arrives()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var session = await alice.ScheduleAsync(Session(e.Id, 9, 10, title: "Keynote"));
        await alice.PublishAsync(e);
        using var anonymous = system.Bff();
        (await StartsAsync(anonymous, e.Id)).ShouldBe([At(9)]);
        // Served from the cache (a read that began before EventPublished reached the BFF is not stored, hence the wait).
        using (await Eventually.ReturnsAsync(() => anonymous.GetAsync($"/events/{e.Id}/program"), r => r.Headers.Age is not null, "a read from the cache"))
        {
        }

        await system.Program.UpdateSessionAsync(
            new UpdateSessionRequest { Id = session.Id, StartTime = Timestamp.FromDateTimeOffset(At(11)), EndTime = Timestamp.FromDateTimeOffset(At(12)) },
            alice.Headers);

        await Eventually.HoldsAsync(async () => (await StartsAsync(anonymous, e.Id)).SequenceEqual([At(11)]), "the new time in the public program", WellWithinLifetime);
    }

    private static async Task<IReadOnlyList<DateTimeOffset>> StartsAsync(HttpClient http, string eventId)
    {
        var program = await http.GetFromJsonAsync<JsonElement>($"/events/{eventId}/program");
        return program.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("startTime").GetDateTimeOffset()).ToList();
    }
}
