using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Infrastructure;

/// <summary>
/// Cancelled sessions stay in the program but must not keep a room or speaker from being deleted: before such a
/// delete they let go of it, in the delete's transaction. Scheduled sessions keep their links, and the foreign keys
/// refuse the delete if one appeared meanwhile.
/// </summary>
internal static class CancelledSessionLinks
{
    public static Task ReleaseRoomAsync(this ProgramDbContext db, RoomId room, CancellationToken cancellationToken) =>
        db.Sessions
            .Where(s => s.RoomId == room && s.Status == SessionStatus.Cancelled)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RoomId, (RoomId?)null), cancellationToken);

    public static Task ReleaseSpeakerAsync(this ProgramDbContext db, SpeakerId speaker, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"DELETE FROM session_speakers WHERE speaker_id = {speaker.Value} AND status = 'Cancelled'", cancellationToken);
}
