using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Commands;
using Proto = EventPlatform.Contracts.Catalog.V1;

namespace EventPlatform.Catalog.Application.Events;

/// <summary>
/// What catalog tells other services: the whole Event after each change, keyed by its id. A draft had no audience,
/// so its edits and its cancellation are not told.
/// </summary>
public sealed class CatalogIntegrationEvents : IIntegrationEventMapper
{
    /// <summary>EventUpdated.changed_fields names the parts of an Event that changed, in the contract's words.</summary>
    private static readonly IReadOnlyDictionary<string, string> ChangedFields = new Dictionary<string, string>
    {
        [nameof(Event.Title)] = "title",
        [nameof(Event.Description)] = "description",
        [nameof(Event.Location)] = "location",
        [nameof(Event.Schedule)] = "schedule",
        [nameof(Event.RegistrationWindow)] = "registration_window",
        [nameof(Event.Capacity)] = "capacity",
        [nameof(Event.Price)] = "price",
        [nameof(Event.RefundTerms)] = "refund_policy",
        [nameof(Event.ApprovalRequired)] = "approval_required",
        [nameof(Event.WaitlistEnabled)] = "waitlist_enabled",
        [nameof(Event.Status)] = "status",
    };

    public Task<IReadOnlyList<OutgoingEvent>> MapAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutgoingEvent>>(domainEvents.SelectMany(Map).ToList());

    public static string ChangedFieldOf(string part) => ChangedFields[part];

    private static IEnumerable<OutgoingEvent> Map(IDomainEvent domainEvent) => domainEvent switch
    {
        EventPublished e => [Of(e.Event, new Proto.EventPublished { Event = e.Event.ToContract() })],
        EventChanged { Event.HasBeenPublished: true } e =>
            [Of(e.Event, new Proto.EventUpdated { Event = e.Event.ToContract(), ChangedFields = { e.ChangedParts.Select(ChangedFieldOf) } })],
        EventRegistrationsClosed e => [Of(e.Event, new Proto.RegistrationsClosed { Event = e.Event.ToContract() })],
        EventCompleted e => [Of(e.Event, new Proto.EventUpdated { Event = e.Event.ToContract(), ChangedFields = { ChangedFieldOf(nameof(Event.Status)) } })],
        EventCancelled { WasPublished: true } e =>
            [Of(e.Event, new Proto.EventCancelled { Event = e.Event.ToContract(), Reason = e.Event.CancellationReason ?? "" })],
        _ => [],
    };

    private static OutgoingEvent Of(Event e, Google.Protobuf.IMessage message) => new(message, e.Id.ToString());
}
