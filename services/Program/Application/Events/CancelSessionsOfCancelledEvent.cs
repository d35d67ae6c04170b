using EventPlatform.Messaging.Handling;
using EventPlatform.Program.Application.Changes;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Catalog = EventPlatform.Contracts.Catalog.V1;

namespace EventPlatform.Program.Application.Events;

/// <summary>
/// A cancelled event takes its program with it: every scheduled session is cancelled, once (the inbox drops a
/// redelivery), and ProgramChanged says so, marked as caused by the cancellation so attendees are not told twice.
/// </summary>
public sealed class CancelSessionsOfCancelledEvent(ProgramStore store, ProgramChangeLog changes, TimeProvider clock)
    : IIntegrationEventHandler<Catalog.EventCancelled>
{
    public async Task HandleAsync(Catalog.EventCancelled message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var programEvent = CatalogEvents.ToProgramEvent(message.Event);
        var scheduled = await store.Db.Sessions
            .Where(s => s.EventId == programEvent.Id && s.Status == SessionStatus.Scheduled)
            .ToListAsync(cancellationToken);
        var reason = string.IsNullOrWhiteSpace(message.Reason) ? "The event was cancelled." : $"The event was cancelled: {message.Reason.Trim()}";
        // The catalog's reason is as long as ours may be: shorten rather than refuse to apply the cancellation.
        reason = reason.Length <= SessionText.MaxCancellationReasonLength ? reason : reason[..(SessionText.MaxCancellationReasonLength - 1)] + "…";
        var now = clock.GetUtcNow();
        var cancelled = new List<SessionChange>();
        foreach (var session in scheduled)
        {
            var before = SessionState.Of(session);
            session.CancelWithEvent(reason, now);
            cancelled.Add(new SessionChange(session.Id, SessionChangeKinds.Cancelled, before, SessionState.Of(session)));
        }

        await changes.RecordAsync(programEvent, cancelled, new ChangeNotice(message.Reason ?? "", CausedByEventCancellation: true), cancellationToken);
        await store.SaveAsync(cancellationToken);
    }
}
