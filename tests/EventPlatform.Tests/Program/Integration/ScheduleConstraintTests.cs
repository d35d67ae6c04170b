using EventPlatform.Contracts.Program.V1;
using Grpc.Core;
using Npgsql;
using Xunit.Abstractions;
using static EventPlatform.Tests.Program.Integration.Organizer;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>
/// The database's exclusion constraints are the last line: when two requests race past the domain check, exactly one
/// wins, and the loser hears the same rule the domain check would have named.
/// </summary>
[Collection(ProgramSystemCollection.Name)]
public sealed class ScheduleConstraintTests(ProgramSystem system, ITestOutputHelper output)
{
    private const int Pairs = 50;

    [Fact]
    public async Task Of_two_concurrent_overlapping_sessions_in_one_room_exactly_one_is_scheduled()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var caughtByDatabase = 0;

        for (var pair = 0; pair < Pairs; pair++)
        {
            var room = await alice.CreateRoomAsync(e.Id, $"Room {pair}");
            var outcomes = await RaceAsync(alice, Session(e.Id, 9, 10, room.Id), Session(e.Id, 9.5, 10.5, room.Id));

            outcomes.Count(o => o is null).ShouldBe(1, $"pair {pair}");
            var loser = outcomes.OfType<RpcException>().Single();
            loser.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason.ShouldBe("SessionsInSameRoomMustNotOverlap");
            caughtByDatabase += loser.Status.Detail.Contains("meanwhile", StringComparison.Ordinal) ? 1 : 0;
        }

        output.WriteLine($"{caughtByDatabase} of {Pairs} losers passed the domain check and were stopped by the database.");
        (await OverlapsInDatabaseAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Of_two_concurrent_overlapping_sessions_with_one_speaker_exactly_one_is_scheduled()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var caughtByDatabase = 0;

        for (var pair = 0; pair < Pairs; pair++)
        {
            var speaker = await alice.CreateSpeakerAsync($"Speaker {pair}");
            var outcomes = await RaceAsync(
                alice, Session(e.Id, 9, 10, speakerIds: [speaker.Id]), Session(e.Id, 9.5, 10.5, speakerIds: [speaker.Id]));

            outcomes.Count(o => o is null).ShouldBe(1, $"pair {pair}");
            var loser = outcomes.OfType<RpcException>().Single();
            loser.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason.ShouldBe("SpeakersMustNotBeInOverlappingSessions");
            caughtByDatabase += loser.Status.Detail.Contains("meanwhile", StringComparison.Ordinal) ? 1 : 0;
        }

        output.WriteLine($"{caughtByDatabase} of {Pairs} losers passed the domain check and were stopped by the database.");
        (await OverlapsInDatabaseAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_database_refuses_overlapping_sessions_in_a_room_even_without_the_domain_check()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var room = await alice.CreateRoomAsync(e.Id);
        var session = await alice.ScheduleAsync(Session(e.Id, 9, 10, room.Id));

        var failure = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(
            """
            INSERT INTO sessions (id, event_id, title, abstract, track, room_id, capacity, plenary, status, created_at, updated_at, start_time, end_time)
            SELECT gen_random_uuid(), event_id, 'Sneaked in', '', '', room_id, capacity, false, 'Scheduled', now(), now(),
                   start_time + interval '30 minutes', end_time + interval '30 minutes'
            FROM sessions WHERE id = @session
            """,
            ("session", Guid.Parse(session.Id))));

        failure.SqlState.ShouldBe(PostgresErrorCodes.ExclusionViolation);
        failure.ConstraintName.ShouldBe("ex_sessions_room_no_overlap");
    }

    [Fact]
    public async Task The_database_refuses_a_speaker_in_two_overlapping_sessions_even_without_the_domain_check()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var ada = await alice.CreateSpeakerAsync("Ada Lovelace");
        await alice.ScheduleAsync(Session(e.Id, 9, 10, speakerIds: [ada.Id]));
        var other = await alice.ScheduleAsync(Session(e.Id, 9.5, 10.5));

        var failure = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(
            "INSERT INTO session_speakers (session_id, speaker_id, position) VALUES (@session, @speaker, 0)",
            ("session", Guid.Parse(other.Id)),
            ("speaker", Guid.Parse(ada.Id))));

        failure.SqlState.ShouldBe(PostgresErrorCodes.ExclusionViolation);
        failure.ConstraintName.ShouldBe("ex_session_speakers_no_overlap");
    }

    [Fact]
    public async Task The_database_refuses_a_session_larger_than_its_room_even_without_the_domain_check()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var room = await alice.CreateRoomAsync(e.Id, capacity: 40);
        var session = await alice.ScheduleAsync(Session(e.Id, 9, 10, room.Id));

        var failure = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(
            "UPDATE sessions SET capacity = 41 WHERE id = @session", ("session", Guid.Parse(session.Id))));

        failure.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        failure.ConstraintName.ShouldBe("ck_sessions_capacity_within_room");
    }

    [Fact]
    public async Task A_speaker_row_follows_its_session_when_the_session_moves_or_is_cancelled()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var ada = await alice.CreateSpeakerAsync("Ada Lovelace");
        var grace = await alice.CreateSpeakerAsync("Grace Hopper");
        var session = await alice.ScheduleAsync(Session(e.Id, 9, 10, speakerIds: [ada.Id]));
        // Ada is busy at 11:00 elsewhere: replacing her by Grace while moving there is judged on the end state.
        await alice.ScheduleAsync(Session(e.Id, 11, 12, speakerIds: [ada.Id]));

        await alice.Program.UpdateSessionAsync(
            new UpdateSessionRequest
            {
                Id = session.Id,
                StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(At(11)),
                EndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(At(12)),
                SpeakerIds = new SpeakerIds { Ids = { grace.Id } },
            },
            alice.Headers);
        var moved = await SpeakerRowsAsync(session.Id);
        await alice.Program.CancelSessionAsync(new CancelSessionRequest { Id = session.Id }, alice.Headers);
        var cancelled = await SpeakerRowsAsync(session.Id);

        moved.ShouldBe([(Guid.Parse(grace.Id), At(11), At(12), "Scheduled")]);
        cancelled.ShouldBe([(Guid.Parse(grace.Id), At(11), At(12), "Cancelled")]);
    }

    private static async Task<Exception?[]> RaceAsync(Organizer organizer, CreateSessionRequest first, CreateSessionRequest second)
    {
        async Task<Exception?> Attempt(CreateSessionRequest request)
        {
            try
            {
                await organizer.Program.CreateSessionAsync(request, organizer.Headers);
                return null;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                return e;
            }
        }

        using var start = new SemaphoreSlim(0);
        var racers = new[] { first, second }.Select(r => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Attempt(r);
        })).ToList();
        start.Release(2);
        return await Task.WhenAll(racers);
    }

    private async Task<long> OverlapsInDatabaseAsync()
    {
        await using var connection = await OpenAsync();
        await using var count = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM sessions a JOIN sessions b ON a.id < b.id AND a.room_id = b.room_id
                      AND a.status <> 'Cancelled' AND b.status <> 'Cancelled'
                      AND tstzrange(a.start_time, a.end_time, '[)') && tstzrange(b.start_time, b.end_time, '[)'))
                 + (SELECT count(*) FROM session_speakers a JOIN session_speakers b ON a.session_id < b.session_id
                      AND a.speaker_id = b.speaker_id AND a.status <> 'Cancelled' AND b.status <> 'Cancelled'
                      AND tstzrange(a.start_time, a.end_time, '[)') && tstzrange(b.start_time, b.end_time, '[)'))
            """,
            connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<List<(Guid Speaker, DateTimeOffset Start, DateTimeOffset End, string Status)>> SpeakerRowsAsync(string sessionId)
    {
        await using var connection = await OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT speaker_id, start_time, end_time, status FROM session_speakers WHERE session_id = @session ORDER BY position", connection);
        query.Parameters.AddWithValue("session", Guid.Parse(sessionId));
        await using var reader = await query.ExecuteReaderAsync();
        var rows = new List<(Guid, DateTimeOffset, DateTimeOffset, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(system.ProgramDatabase);
        await connection.OpenAsync();
        return connection;
    }
}
