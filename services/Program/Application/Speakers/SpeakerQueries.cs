using EventPlatform.Domain;
using EventPlatform.Program.Application.Events;
using EventPlatform.ServiceDefaults.Paging;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application.Speakers;

/// <summary>Speakers are public (they are on published programs), except their email: see <see cref="MaySeeEmail"/>.</summary>
public sealed class SpeakerQueries(ProgramDbContext db, EventAccess events)
{
    public static bool MaySeeEmail(Caller? caller, Speaker speaker) =>
        caller is { IsAdmin: true } || caller?.Subject == speaker.OwnerId;

    public async Task<Speaker> GetAsync(SpeakerId id, CancellationToken cancellationToken) =>
        await db.Speakers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Speaker), id.ToString());

    /// <summary>An organizer's speakers by name; every word of the query must appear in the name or affiliation.</summary>
    public Task<Page<Speaker>> ListAsync(string organizerId, string? query, PageRequest page, CancellationToken cancellationToken)
    {
        var speakers = db.Speakers.AsNoTracking().Where(s => s.OrganizerId == organizerId);
        foreach (var word in (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pattern = "%" + word.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            speakers = speakers.Where(s => EF.Functions.ILike(s.Profile.Name, pattern) || EF.Functions.ILike(s.Profile.Affiliation, pattern));
        }

        return PageByNameAsync(speakers, page, cancellationToken);
    }

    /// <summary>The speakers of an event's scheduled sessions, by name.</summary>
    public async Task<Page<Speaker>> OfEventAsync(EventId eventId, PageRequest page, Caller? caller, CancellationToken cancellationToken)
    {
        await events.VisibleToAsync(caller, eventId, cancellationToken);
        var speakers = db.Speakers.AsNoTracking().Where(sp => db.Sessions.Any(s =>
            s.EventId == eventId && s.Status == SessionStatus.Scheduled && s.Speakers.Any(x => x.SpeakerId == sp.Id)));
        return await PageByNameAsync(speakers, page, cancellationToken);
    }

    private static async Task<Page<Speaker>> PageByNameAsync(IQueryable<Speaker> speakers, PageRequest page, CancellationToken cancellationToken)
    {
        if (page.After is { } position)
        {
            var (afterName, afterId) = (position.SortKey, new SpeakerId(position.Id));
            speakers = speakers.Where(s =>
                string.Compare(s.Profile.Name, afterName) > 0 || (s.Profile.Name == afterName && s.Id > afterId));
        }

        var found = await speakers.OrderBy(s => s.Profile.Name).ThenBy(s => s.Id).Take(page.Take + 1).ToListAsync(cancellationToken);
        return Page<Speaker>.FromReadOneMore(found, page.Take, s => PageToken.After(s.Profile.Name, s.Id.Value));
    }
}
