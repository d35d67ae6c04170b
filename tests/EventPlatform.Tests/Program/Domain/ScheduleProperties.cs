using CsCheck;
using EventPlatform.Domain;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using static EventPlatform.Tests.Program.Domain.InMemoryProgram;

namespace EventPlatform.Tests.Program.Domain;

/// <summary>
/// Random schedules: organizers placing, moving and cancelling sessions in a few rooms with a few speakers. Whatever
/// the order, no two accepted sessions overlap in a room or for a speaker — and nothing is refused without cause.
/// </summary>
public sealed class ScheduleProperties
{
    private const int Rooms = 3;
    private const int Speakers = 4;
    private const int QuarterHours = 40;

    private static readonly Gen<Attempt> AnAttempt =
        Gen.Select(
            Gen.Int[0, 2],
            Gen.Int[0, 99],
            Gen.Int[0, Rooms],
            Gen.Int[0, QuarterHours - 1],
            Gen.Int[1, 8],
            Gen.Int[0, Speakers - 1].ArrayUnique[0, 2])
        .Select((kind, target, room, start, length, speakers) => new Attempt((AttemptKind)kind, target, room, start, length, speakers));

    [Fact]
    public void No_accepted_pair_of_sessions_overlaps_in_a_room_or_for_a_speaker() =>
        AnAttempt.Array[1, 40].Sample(attempts =>
        {
            var world = new World();
            foreach (var attempt in attempts)
            {
                world.Try(attempt);
                world.ShouldHaveNoCollision();
            }
        }, iter: 2_000);

    [Fact]
    public void A_placement_is_refused_only_for_a_real_collision_and_by_the_rule_it_breaks() =>
        AnAttempt.Array[1, 40].Sample(attempts =>
        {
            var world = new World();
            foreach (var attempt in attempts.Where(a => a.Kind == AttemptKind.Create))
            {
                var plan = world.PlanOf(attempt);
                var roomTaken = world.Program.Scheduled.Any(s => plan.Room is not null && s.RoomId == plan.Room && s.Slot.Overlaps(plan.Slot));
                var speakerTaken = world.Program.Scheduled.Any(s => s.Slot.Overlaps(plan.Slot) && s.Lineup.Speakers.Intersect(plan.Lineup.Speakers).Any());

                var refusal = world.Try(attempt);

                switch (refusal)
                {
                    case null:
                        (roomTaken || speakerTaken).ShouldBeFalse();
                        break;
                    case SessionsInSameRoomMustNotOverlapRule:
                        roomTaken.ShouldBeTrue();
                        break;
                    case SpeakersMustNotBeInOverlappingSessionsRule:
                        roomTaken.ShouldBeFalse();
                        speakerTaken.ShouldBeTrue();
                        break;
                    default:
                        throw new ShouldAssertException($"Refused by an unexpected rule: {refusal.Name}");
                }
            }
        }, iter: 2_000);

    private enum AttemptKind
    {
        Create,
        Move,
        Cancel,
    }

    /// <summary>Room index <see cref="Rooms"/> means no room; times are quarter hours after the event starts.</summary>
    private sealed record Attempt(AttemptKind Kind, int Target, int Room, int StartQuarter, int LengthQuarters, int[] Speakers)
    {
        public override string ToString() =>
            $"{Kind} #{Target} room {Room} at +{StartQuarter}q for {LengthQuarters}q with [{string.Join(",", Speakers)}]";
    }

    private sealed class World
    {
        private readonly List<Room> _rooms;
        private readonly List<Speaker> _speakers;

        public World()
        {
            _rooms = Enumerable.Range(0, Rooms).Select(i => Program.AddRoom($"Room {i}", capacity: 50)).ToList();
            _speakers = Enumerable.Range(0, Speakers).Select(i => Program.AddSpeaker($"Speaker {i}")).ToList();
        }

        public InMemoryProgram Program { get; } = new();

        public SessionPlan PlanOf(Attempt a) => Plan(SlotOf(a), a.Room < Rooms ? _rooms[a.Room] : null, a.Speakers.Select(i => _speakers[i]));

        /// <summary>Applies the attempt; returns the rule that refused it, if one did.</summary>
        public IBusinessRule? Try(Attempt a)
        {
            try
            {
                var sessions = Program.Sessions;
                switch (a.Kind)
                {
                    case AttemptKind.Create:
                        Program.Schedule(PlanOf(a));
                        break;
                    case AttemptKind.Move when sessions.Count > 0:
                        var slot = SlotOf(a);
                        Program.Revise(sessions[a.Target % sessions.Count], new SessionRevision(
                            Room: new RoomMove(a.Room < Rooms ? _rooms[a.Room].Id : null), Start: slot.Start, End: slot.End));
                        break;
                    case AttemptKind.Cancel when sessions.Count > 0:
                        sessions[a.Target % sessions.Count].Cancel(Program.Event, null, Now);
                        break;
                }

                return null;
            }
            catch (BusinessRuleBrokenException e)
            {
                return e.Rule;
            }
        }

        public void ShouldHaveNoCollision()
        {
            var scheduled = Program.Scheduled.ToList();
            foreach (var (a, b) in scheduled.SelectMany((a, i) => scheduled.Skip(i + 1).Select(b => (a, b))))
            {
                if (!a.Slot.Overlaps(b.Slot))
                {
                    continue;
                }

                (a.RoomId is not null && a.RoomId == b.RoomId).ShouldBeFalse($"'{a.Slot}' and '{b.Slot}' share room {a.RoomId}");
                a.Lineup.Speakers.Intersect(b.Lineup.Speakers).ShouldBeEmpty($"'{a.Slot}' and '{b.Slot}' share a speaker");
            }
        }

        private static TimeSlot SlotOf(Attempt a)
        {
            var start = EventStart.AddMinutes(15 * a.StartQuarter);
            var end = EventStart.AddMinutes(15 * Math.Min(QuarterHours, a.StartQuarter + a.LengthQuarters));
            return TimeSlot.Create(start, end);
        }
    }
}
