using CsCheck;
using EventPlatform.Contracts.Program.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>
/// Random schedules sent to the running service, one after the other and all at once: whatever is accepted, no two
/// scheduled sessions overlap in a room or for a speaker; one after the other, nothing is refused without cause.
/// </summary>
[Collection(ProgramSystemCollection.Name)]
public sealed class ScheduleIntegrationProperties(ProgramSystem system)
{
    private const int Rooms = 2;
    private const int Speakers = 3;
    private const int QuarterHours = 40;

    private static readonly Gen<Placement[]> Schedules =
        Gen.Select(Gen.Int[0, Rooms], Gen.Int[0, QuarterHours - 1], Gen.Int[1, 8], Gen.Int[0, Speakers - 1].ArrayUnique[0, 2])
            .Select((room, start, length, speakers) => new Placement(room, start, length, speakers))
            .Array[2, 12];

    [Fact]
    public async Task Sessions_placed_one_after_the_other_never_overlap_and_are_refused_only_for_a_real_collision()
    {
        var alice = await system.NewOrganizerAsync();
        await Schedules.SampleAsync(
            async placements =>
            {
                var stage = await StageAsync(alice);
                var accepted = new List<Session>();
                foreach (var placement in placements)
                {
                    var request = stage.Request(placement);
                    var roomTaken = accepted.Any(s => request.RoomId != "" && s.RoomId == request.RoomId && Overlap(s, request));
                    var speakerTaken = accepted.Any(s => Overlap(s, request) && s.SpeakerIds.Intersect(request.SpeakerIds).Any());
                    try
                    {
                        accepted.Add(await alice.Program.CreateSessionAsync(request, alice.Headers));
                        (roomTaken || speakerTaken).ShouldBeFalse($"{placement} was accepted over a collision");
                    }
                    catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                    {
                        var rule = e.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason;
                        (rule == "SessionsInSameRoomMustNotOverlap" ? roomTaken : rule == "SpeakersMustNotBeInOverlappingSessions" && speakerTaken)
                            .ShouldBeTrue($"{placement} was refused by {rule} without cause");
                    }
                }

                await ShouldHaveNoCollisionAsync(stage.EventId);
            },
            iter: 15,
            threads: 1);
    }

    [Fact]
    public async Task Sessions_placed_all_at_once_never_overlap()
    {
        var alice = await system.NewOrganizerAsync();
        await Schedules.SampleAsync(
            async placements =>
            {
                var stage = await StageAsync(alice);

                var outcomes = await Task.WhenAll(placements.Select(p => Task.Run(async () =>
                {
                    try
                    {
                        await alice.Program.CreateSessionAsync(stage.Request(p), alice.Headers);
                        return StatusCode.OK;
                    }
                    catch (RpcException e)
                    {
                        return e.StatusCode;
                    }
                })));

                outcomes.ShouldAllBe(code => code == StatusCode.OK || code == StatusCode.FailedPrecondition);
                outcomes.ShouldContain(StatusCode.OK);
                await ShouldHaveNoCollisionAsync(stage.EventId);
            },
            iter: 15,
            threads: 1);
    }

    private static bool Overlap(Session s, CreateSessionRequest r) => s.StartTime < r.EndTime && r.StartTime < s.EndTime;

    private async Task<Stage> StageAsync(Organizer organizer)
    {
        var e = await organizer.CreateEventAsync();
        var rooms = new List<string>();
        var speakers = new List<string>();
        for (var i = 0; i < Rooms; i++)
        {
            rooms.Add((await organizer.CreateRoomAsync(e.Id, $"Room {i}")).Id);
        }

        for (var i = 0; i < Speakers; i++)
        {
            speakers.Add((await organizer.CreateSpeakerAsync($"Speaker {i}")).Id);
        }

        return new Stage(e.Id, rooms, speakers);
    }

    private async Task ShouldHaveNoCollisionAsync(string eventId)
    {
        var scheduled = (await system.ProgramInternal.ListSessionsOfEventAsync(new ListSessionsOfEventRequest { EventId = eventId })).Sessions;
        foreach (var (a, b) in scheduled.SelectMany((a, i) => scheduled.Skip(i + 1).Select(b => (a, b))))
        {
            if (a.StartTime < b.EndTime && b.StartTime < a.EndTime)
            {
                (a.RoomId != "" && a.RoomId == b.RoomId).ShouldBeFalse($"{a.Title} and {b.Title} overlap in one room");
                a.SpeakerIds.Intersect(b.SpeakerIds).ShouldBeEmpty($"{a.Title} and {b.Title} overlap with one speaker");
            }
        }
    }

    /// <summary>Room index <see cref="Rooms"/> means no room; times are quarter hours after the event starts at 08:00.</summary>
    private sealed record Placement(int Room, int StartQuarter, int LengthQuarters, int[] Speakers)
    {
        public override string ToString() => $"room {Room} at +{StartQuarter}q for {LengthQuarters}q with [{string.Join(",", Speakers)}]";
    }

    private sealed record Stage(string EventId, IReadOnlyList<string> Rooms, IReadOnlyList<string> Speakers)
    {
        public CreateSessionRequest Request(Placement p)
        {
            var start = Organizer.At(8).AddMinutes(15 * p.StartQuarter);
            var end = Organizer.At(8).AddMinutes(15 * Math.Min(QuarterHours, p.StartQuarter + p.LengthQuarters));
            return new CreateSessionRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                EventId = EventId,
                Title = p.ToString(),
                RoomId = p.Room < Rooms.Count ? Rooms[p.Room] : "",
                StartTime = Timestamp.FromDateTimeOffset(start),
                EndTime = Timestamp.FromDateTimeOffset(end),
                SpeakerIds = { p.Speakers.Select(i => Speakers[i]) },
            };
        }
    }
}
