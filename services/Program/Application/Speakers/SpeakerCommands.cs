using EventPlatform.Domain;
using EventPlatform.Program.Application.Changes;
using EventPlatform.Program.Application.Events;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application.Speakers;

public sealed record CreateSpeaker(string RequestId, string OrganizerId, SpeakerProfile Profile);

/// <summary>
/// Every change to a speaker, by whoever manages the speaker's organizer (or an admin). A new name reaches the
/// attendees of the speaker's scheduled sessions in published events.
/// </summary>
public sealed class SpeakerCommands(
    ProgramStore store, IEventCatalog catalog, ProgramChangeLog changes, TimeProvider clock)
{
    public async Task<Speaker> CreateAsync(Caller caller, CreateSpeaker command, CancellationToken cancellationToken)
    {
        var owner = await catalog.OwnerOfOrganizerAsync(command.OrganizerId, cancellationToken);
        caller.MustOwn(owner, "this organizer");
        if (await store.FindCreatedAsync<Speaker>(command.RequestId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var speaker = Speaker.Create(SpeakerId.New(), command.OrganizerId, owner, command.Profile, clock.GetUtcNow());
        return await store.AddOnceAsync(speaker, command.RequestId, cancellationToken);
    }

    public async Task<Speaker> ReviseAsync(
        Caller caller, SpeakerId id, Func<SpeakerProfile, SpeakerProfile> change, CancellationToken cancellationToken)
    {
        var speaker = await store.SpeakerForChangeAsync(id, cancellationToken);
        caller.MustOwn(speaker.OwnerId, "the speaker");
        if (speaker.Revise(change(speaker.Profile), clock.GetUtcNow()))
        {
            await RecordRenameAsync(id, cancellationToken);
        }

        await store.SaveAsync(cancellationToken);
        return speaker;
    }

    /// <summary>Deletes a speaker who is in no scheduled session; deleting one that is already gone succeeds.</summary>
    public async Task DeleteAsync(Caller caller, SpeakerId id, CancellationToken cancellationToken)
    {
        if (await store.Db.Speakers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } speaker)
        {
            return;
        }

        caller.MustOwn(speaker.OwnerId, "the speaker");
        speaker.EnsureCanBeDeleted(await store.Db.Sessions.CountAsync(
            s => s.Status == SessionStatus.Scheduled && s.Speakers.Any(sp => sp.SpeakerId == id), cancellationToken));
        try
        {
            await store.InTransactionAsync(
                async () =>
                {
                    await store.Db.ReleaseSpeakerAsync(id, cancellationToken);
                    store.Db.Speakers.Remove(speaker);
                    return await store.Db.SaveChangesAsync(cancellationToken);
                },
                cancellationToken);
        }
        catch (DbUpdateException e) when (ScheduleConstraints.IsForeignKeyViolation(e))
        {
            throw new BusinessRuleBrokenException(SpeakerWithScheduledSessionsCannotBeDeletedRule.ReportedByDatabase());
        }
    }

    /// <summary>One ProgramChanged per event whose scheduled sessions feature the speaker.</summary>
    private async Task RecordRenameAsync(SpeakerId id, CancellationToken cancellationToken)
    {
        var sessions = await store.Db.Sessions
            .Where(s => s.Status == SessionStatus.Scheduled && s.Speakers.Any(sp => sp.SpeakerId == id))
            .ToListAsync(cancellationToken);
        if (sessions.Count == 0)
        {
            return;
        }

        var programEvents = await catalog.FindEventsAsync(sessions.Select(s => s.EventId).Distinct().ToList(), cancellationToken);
        foreach (var programEvent in programEvents)
        {
            var touched = sessions.Where(s => s.EventId == programEvent.Id)
                .Select(s => new SessionChange(s.Id, SessionChangeKinds.Speakers, SessionState.Of(s), SessionState.Of(s)))
                .ToList();
            await changes.RecordAsync(programEvent, touched, ChangeNotice.None, cancellationToken);
        }
    }
}
