using EventPlatform.Messaging.Handling;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using Microsoft.EntityFrameworkCore;
using Catalog = EventPlatform.Contracts.Catalog.V1;

namespace EventPlatform.Program.Application.Events;

/// <summary>
/// A cancelled event takes its program with it: every scheduled session is cancelled, once (the inbox drops a
/// redelivery), and ProgramChanged says so, marked as caused by the cancellation so attendees are not told twice.
/// </summary>
public sealed class CancelSessionsOfCancelledEvent(CommandPipeline<ProgramDbContext> pipeline, TimeProvider clock)
    : IIntegrationEventHandler<Catalog.EventCancelled>
{
    public Task HandleAsync(Catalog.EventCancelled message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var programEvent = CatalogEvents.ToProgramEvent(message.Event);
            var scheduled = await pipeline.Db.Sessions
                .Where(s => s.EventId == programEvent.Id && s.Status == SessionStatus.Scheduled)
                .ToListAsync(token);
            var reason = string.IsNullOrWhiteSpace(message.Reason) ? "The event was cancelled." : $"The event was cancelled: {message.Reason.Trim()}";
            // The catalog's reason is as long as ours may be: shorten rather than refuse to apply the cancellation.
            reason = reason.Length <= SessionText.MaxCancellationReasonLength ? reason : reason[..(SessionText.MaxCancellationReasonLength - 1)] + "…";
            var notice = new ChangeNotice(message.Reason ?? "", CausedByEventCancellation: true);
            var now = clock.GetUtcNow();
            foreach (var session in scheduled)
            {
                session.CancelWithEvent(programEvent, reason, now, notice);
            }
        }, cancellationToken);
}
