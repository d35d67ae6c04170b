using EventPlatform.Domain;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.ServiceDefaults.Data;
using Npgsql;

namespace EventPlatform.Program.Infrastructure;

/// <summary>
/// The database's last line behind the aggregates' schedule rules, created by the migration. When one fires — a
/// concurrent write slipped past the domain check — the caller sees the same rule name the domain check gives.
/// </summary>
public static class ScheduleConstraints
{
    public const string SessionSpeakersTable = "session_speakers";

    /// <summary>Exclusion: no two non-cancelled sessions with one room and overlapping [start, end).</summary>
    public const string RoomOverlap = "ex_sessions_room_no_overlap";

    /// <summary>Exclusion on session_speakers: no speaker in two overlapping non-cancelled sessions.</summary>
    public const string SpeakerOverlap = "ex_session_speakers_no_overlap";

    /// <summary>Trigger on sessions: a non-cancelled session in a room seats 1 to the room's capacity.</summary>
    public const string SessionCapacityWithinRoom = "ck_sessions_capacity_within_room";

    /// <summary>Trigger on rooms: a room never shrinks below a non-cancelled session it holds.</summary>
    public const string RoomCapacityHoldsSessions = "ck_rooms_capacity_holds_sessions";

    /// <summary>The rule a constraint violation stands for, or null when it is not one of the schedule's.</summary>
    public static IBusinessRule? RuleOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return (postgres.SqlState, postgres.ConstraintName) switch
                {
                    (PostgresErrorCodes.ExclusionViolation, RoomOverlap) => SessionsInSameRoomMustNotOverlapRule.ReportedByDatabase(),
                    (PostgresErrorCodes.ExclusionViolation, SpeakerOverlap) => SpeakersMustNotBeInOverlappingSessionsRule.ReportedByDatabase(),
                    (PostgresErrorCodes.CheckViolation, SessionCapacityWithinRoom) => SessionCapacityMustNotExceedRoomCapacityRule.ReportedByDatabase(),
                    (PostgresErrorCodes.CheckViolation, RoomCapacityHoldsSessions) => RoomCapacityMustHoldItsSessionsRule.ReportedByDatabase(),
                    _ => null,
                };
            }
        }

        return null;
    }

    public static bool IsUniqueViolation(Exception exception) => Postgres(exception)?.SqlState == PostgresErrorCodes.UniqueViolation;

    public static bool IsForeignKeyViolation(Exception exception) => Postgres(exception)?.SqlState == PostgresErrorCodes.ForeignKeyViolation;

    /// <summary>Two transactions waited for each other; PostgreSQL aborted this one, which may simply be tried again.</summary>
    public static bool IsDeadlock(Exception exception) => Postgres(exception)?.SqlState == PostgresErrorCodes.DeadlockDetected;

    private static PostgresException? Postgres(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }
}
