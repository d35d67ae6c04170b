using System.Text;
using EventPlatform.Messaging.Handling;
using EventPlatform.Notification.Application.Messages;
using EventPlatform.Notification.Application.Ports;
using EventPlatform.Notification.Domain.Messages;
using Proto = EventPlatform.Contracts.Program.V1;

namespace EventPlatform.Notification.Application.Handlers;

/// <summary>
/// A program change goes only to the confirmed attendees it concerns — those holding a seat in a changed session, or
/// everyone for an event-wide change — one message per person for the whole batch, saying what changed (old → new).
/// </summary>
public sealed class ProgramChangedHandler(IAttendees attendees, DeliveryPlanner planner) : IIntegrationEventHandler<Proto.ProgramChanged>
{
    public async Task HandleAsync(Proto.ProgramChanged message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        // Cancelled with the event: attendees had the event's cancellation already.
        if (message.CausedByEventCancellation || message.Changes.Count == 0)
        {
            return;
        }

        var eventId = Guid.Parse(message.EventId);
        var concerned = await attendees.ListAsync(
            eventId, message.EventWide ? [] : message.Changes.Select(c => c.SessionId).ToList(), cancellationToken);
        var plans = concerned.Select(a => new MessagePlan(
                context.MessageId, MessageKind.ProgramChanged, eventId,
                new MessageRecipient(a.AttendeeId, a.Name, a.Email, a.Locale, a.RegistrationId),
                new Dictionary<string, object?>
                {
                    ["changes"] = Describe(message, a.Locale),
                    ["change_note"] = message.ChangeNote,
                }))
            .ToList();
        await planner.PlanAsync(plans, cancellationToken);
    }

    /// <summary>One paragraph per session: its title, then each change as old → new, in the recipient's language.</summary>
    public static string Describe(Proto.ProgramChanged message, string locale)
    {
        var fr = MessageModel.LanguageOf(locale) == "fr";
        var text = new StringBuilder();
        foreach (var change in message.Changes)
        {
            var (before, after) = (change.Previous, change.Current);
            text.Append("• ").AppendLine(after?.Title ?? before?.Title ?? "");
            foreach (var kind in change.Kinds)
            {
                var line = kind switch
                {
                    Proto.SessionChangeKind.Time => $"{(fr ? "Horaire" : "Time")} : {When(before, message.TimeZone, locale)} → {When(after, message.TimeZone, locale)}",
                    Proto.SessionChangeKind.Room => $"{(fr ? "Salle" : "Room")} : {before?.RoomName} → {after?.RoomName}",
                    Proto.SessionChangeKind.Speakers =>
                        $"{(fr ? "Intervenants" : "Speakers")} : {string.Join(", ", before?.SpeakerNames ?? [])} → {string.Join(", ", after?.SpeakerNames ?? [])}",
                    Proto.SessionChangeKind.Title => $"{(fr ? "Titre" : "Title")} : {before?.Title} → {after?.Title}",
                    Proto.SessionChangeKind.Cancelled => fr ? "Session annulée" : "Session cancelled",
                    Proto.SessionChangeKind.Added => $"{(fr ? "Nouvelle session" : "New session")} : {When(after, message.TimeZone, locale)}, {after?.RoomName}",
                    _ => "",
                };
                if (line.Length > 0)
                {
                    text.Append("  ").AppendLine(fr ? line : line.Replace(" : ", ": ", StringComparison.Ordinal));
                }
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string When(Proto.SessionSnapshot? session, string timeZone, string locale) =>
        session?.StartTime is null ? "" : MessageModel.Time(session.StartTime.ToDateTimeOffset(), timeZone, locale);
}
