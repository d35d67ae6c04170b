using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EventPlatform.Program.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InitialProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,");

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "text", nullable: false),
                    message_id = table.Column<string>(type: "text", nullable: false),
                    message_type = table.Column<string>(type: "text", nullable: false),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.consumer, x.message_id });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    topic = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    ordering_key = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: true),
                    payload = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trace_parent = table.Column<string>(type: "text", nullable: true),
                    trace_state = table.Column<string>(type: "text", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rooms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    request_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rooms", x => x.id);
                    table.CheckConstraint("ck_rooms_capacity", "capacity > 0");
                });

            migrationBuilder.CreateTable(
                name: "speakers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organizer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    request_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    affiliation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bio = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    photo_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_speakers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    @abstract = table.Column<string>(name: "abstract", type: "character varying(20000)", maxLength: 20000, nullable: false),
                    track = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    room_id = table.Column<Guid>(type: "uuid", nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    plenary = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    cancellation_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    request_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    end_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    start_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.CheckConstraint("ck_sessions_capacity", "capacity >= 0");
                    table.CheckConstraint("ck_sessions_slot", "end_time > start_time");
                    table.ForeignKey(
                        name: "fk_sessions_rooms_room_id",
                        column: x => x.room_id,
                        principalTable: "rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "session_speakers",
                columns: table => new
                {
                    speaker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_speakers", x => new { x.session_id, x.speaker_id });
                    table.ForeignKey(
                        name: "fk_session_speakers_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_session_speakers_speakers_speaker_id",
                        column: x => x.speaker_id,
                        principalTable: "speakers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_handled_at",
                table: "inbox_messages",
                column: "handled_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending_by_key",
                table: "outbox_messages",
                columns: new[] { "ordering_key", "sequence" },
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_retrying",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "sent_at IS NULL AND next_attempt_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at",
                table: "outbox_messages",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sequence",
                table: "outbox_messages",
                column: "sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rooms_event_id",
                table: "rooms",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_rooms_request_id",
                table: "rooms",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_speakers_speaker_id",
                table: "session_speakers",
                column: "speaker_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_event_id",
                table: "sessions",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_request_id",
                table: "sessions",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_room_id",
                table: "sessions",
                column: "room_id");

            migrationBuilder.CreateIndex(
                name: "ix_speakers_organizer_id",
                table: "speakers",
                column: "organizer_id");

            migrationBuilder.CreateIndex(
                name: "ix_speakers_request_id",
                table: "speakers",
                column: "request_id",
                unique: true);

            // The schedule's rules as the database's last line (see ScheduleConstraints): what the aggregates check
            // also holds when two writers race past their checks at once.
            migrationBuilder.Sql("""
                -- session_speakers mirrors its session's slot and status, so the speakers' exclusion can be per speaker.
                ALTER TABLE session_speakers
                    ADD COLUMN start_time timestamp with time zone NOT NULL,
                    ADD COLUMN end_time timestamp with time zone NOT NULL,
                    ADD COLUMN status character varying(32) NOT NULL;

                CREATE FUNCTION session_speakers_copy_session() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- One writer per speaker at a time. The speakers' exclusion is checked at commit, where two
                    -- transactions placing one speaker would each wait for the other (a deadlock); this way the second
                    -- waits here for the first to end, then loses cleanly at its commit.
                    PERFORM 1 FROM speakers WHERE id = NEW.speaker_id FOR NO KEY UPDATE;
                    SELECT s.start_time, s.end_time, s.status INTO NEW.start_time, NEW.end_time, NEW.status
                    FROM sessions s WHERE s.id = NEW.session_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER tr_session_speakers_copy_session BEFORE INSERT OR UPDATE ON session_speakers
                    FOR EACH ROW EXECUTE FUNCTION session_speakers_copy_session();

                CREATE FUNCTION sessions_mirror_to_speakers() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE session_speakers SET start_time = NEW.start_time, end_time = NEW.end_time, status = NEW.status
                    WHERE session_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER tr_sessions_mirror_to_speakers AFTER UPDATE ON sessions
                    FOR EACH ROW
                    WHEN (OLD.start_time IS DISTINCT FROM NEW.start_time OR OLD.end_time IS DISTINCT FROM NEW.end_time
                          OR OLD.status IS DISTINCT FROM NEW.status)
                    EXECUTE FUNCTION sessions_mirror_to_speakers();

                -- No two non-cancelled sessions in one room overlap ([start, end): back-to-back is fine).
                ALTER TABLE sessions ADD CONSTRAINT ex_sessions_room_no_overlap
                    EXCLUDE USING gist (room_id WITH =, tstzrange(start_time, end_time, '[)') WITH &&)
                    WHERE (status <> 'Cancelled');

                -- No speaker in two overlapping non-cancelled sessions. Checked at commit: replacing a session's
                -- speakers and moving it in one transaction is judged on the end state, not on a half-done one.
                ALTER TABLE session_speakers ADD CONSTRAINT ex_session_speakers_no_overlap
                    EXCLUDE USING gist (speaker_id WITH =, tstzrange(start_time, end_time, '[)') WITH &&)
                    WHERE (status <> 'Cancelled')
                    DEFERRABLE INITIALLY DEFERRED;

                -- A non-cancelled session in a room seats 1 to the room's capacity. Locking the room makes one writer
                -- per room at a time: a concurrent resize waits for this transaction and then sees this session, and
                -- two overlapping sessions placed at once meet in the exclusion constraint one after the other (a
                -- violation for the second) rather than both at once (a deadlock between their index checks).
                CREATE FUNCTION sessions_capacity_within_room() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    room_capacity integer;
                BEGIN
                    IF NEW.room_id IS NULL OR NEW.status = 'Cancelled' THEN
                        RETURN NEW;
                    END IF;
                    SELECT capacity INTO room_capacity FROM rooms WHERE id = NEW.room_id FOR NO KEY UPDATE;
                    IF room_capacity IS NOT NULL AND (NEW.capacity = 0 OR NEW.capacity > room_capacity) THEN
                        RAISE EXCEPTION 'session % seats % in a room of % seats', NEW.id, NEW.capacity, room_capacity
                            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_sessions_capacity_within_room', TABLE = 'sessions';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER tr_sessions_capacity_within_room BEFORE INSERT OR UPDATE ON sessions
                    FOR EACH ROW EXECUTE FUNCTION sessions_capacity_within_room();

                -- A room never shrinks below a non-cancelled session it holds.
                CREATE FUNCTION rooms_capacity_holds_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM sessions
                               WHERE room_id = NEW.id AND status <> 'Cancelled' AND (capacity = 0 OR capacity > NEW.capacity)) THEN
                        RAISE EXCEPTION 'room % of % seats holds a larger session', NEW.id, NEW.capacity
                            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_rooms_capacity_holds_sessions', TABLE = 'rooms';
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER tr_rooms_capacity_holds_sessions AFTER UPDATE ON rooms
                    FOR EACH ROW WHEN (NEW.capacity < OLD.capacity)
                    EXECUTE FUNCTION rooms_capacity_holds_sessions();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "session_speakers");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "speakers");

            migrationBuilder.DropTable(
                name: "rooms");

            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS session_speakers_copy_session();
                DROP FUNCTION IF EXISTS sessions_mirror_to_speakers();
                DROP FUNCTION IF EXISTS sessions_capacity_within_room();
                DROP FUNCTION IF EXISTS rooms_capacity_holds_sessions();
                """);
        }
    }
}
