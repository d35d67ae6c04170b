namespace EventPlatform.Payment.Domain.Events;

/// <summary>What payment knows of a catalog event: whose it is (who sees and refunds its payments) and its title.</summary>
public sealed class EventDetails
{
    private EventDetails()
    {
    }

    public Guid EventId { get; private set; }

    public string OrganizerId { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    public string Title { get; private set; } = "";

    public bool Cancelled { get; private set; }

    public static EventDetails Of(Guid eventId, string organizerId, string ownerId, string title, bool cancelled) =>
        new() { EventId = eventId, OrganizerId = organizerId, OwnerId = ownerId, Title = title, Cancelled = cancelled };

    public void Update(string organizerId, string ownerId, string title, bool cancelled)
    {
        OrganizerId = organizerId;
        OwnerId = ownerId;
        Title = title;
        Cancelled = cancelled;
    }
}
