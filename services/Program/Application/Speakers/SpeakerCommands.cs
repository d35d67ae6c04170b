using EventPlatform.Domain;
using EventPlatform.Program.Application.Events;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Data;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;
using EventPlatform.Program.Application.Ports;

namespace EventPlatform.Program.Application.Speakers;

public sealed record CreateSpeaker(string RequestId, string OrganizerId, SpeakerProfile Profile);

/// <summary>
/// Every change to a speaker, by whoever manages the speaker's organizer (or an admin). A new name reaches the
/// attendees of the speaker's scheduled sessions in published events.
/// </summary>
public sealed class SpeakerCommands(CommandPipeline<ProgramDbContext> pipeline, IEventCatalog catalog, TimeProvider clock)
{
    public async Task<Speaker> CreateAsync(Caller caller, CreateSpeaker command, CancellationToken cancellationToken)
    {
        var owner = await catalog.OwnerOfOrganizerAsync(command.OrganizerId, cancellationToken);
        caller.MustOwn(owner, "this organizer");
        return await pipeline.CreateOnceAsync(command.RequestId, (_, _) =>
        {
            var speaker = Speaker.Create(SpeakerId.New(), command.OrganizerId, owner, command.Profile, clock.GetUtcNow());
            pipeline.Db.Speakers.Add(speaker);
            return Task.FromResult(speaker);
        }, cancellationToken);
    }

    public Task<Speaker> ReviseAsync(Caller caller, SpeakerId id, Func<SpeakerProfile, SpeakerProfile> change, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var speaker = await pipeline.Db.Speakers.SingleOrNotFoundAsync(s => s.Id == id, nameof(Speaker), id, token);
            caller.MustOwn(speaker.OwnerId, "the speaker");
            speaker.Revise(change(speaker.Profile), clock.GetUtcNow());
            return speaker;
        }, cancellationToken);

    /// <summary>Deletes a speaker who is in no scheduled session; deleting one that is already gone succeeds.</summary>
    public async Task DeleteAsync(Caller caller, SpeakerId id, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.RunAsync(async (_, token) =>
            {
                if (await pipeline.Db.Speakers.SingleOrDefaultAsync(s => s.Id == id, token) is not { } speaker)
                {
                    return;
                }

                caller.MustOwn(speaker.OwnerId, "the speaker");
                speaker.EnsureCanBeDeleted(await pipeline.Db.Sessions.CountAsync(
                    s => s.Status == SessionStatus.Scheduled && s.Speakers.Any(sp => sp.SpeakerId == id), token));
                await pipeline.Db.ReleaseSpeakerAsync(id, token);
                pipeline.Db.Speakers.Remove(speaker);
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (ScheduleConstraints.IsForeignKeyViolation(e))
        {
            throw new BusinessRuleBrokenException(SpeakerWithScheduledSessionsCannotBeDeletedRule.ReportedByDatabase());
        }
    }
}
