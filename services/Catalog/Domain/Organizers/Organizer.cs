using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Organizers;

/// <summary>The legal entity that runs events and issues their invoices, managed by one person (its owner).</summary>
public sealed class Organizer : AggregateRoot
{
    private Organizer()
    {
    }

    public OrganizerId Id { get; private set; }

    /// <summary>Identity (subject) of the person who manages this organizer and its events.</summary>
    public string OwnerId { get; private set; } = "";

    public OrganizerProfile Profile { get; private set; } = null!;

    public InvoicePrefix InvoicePrefix { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public static Organizer Create(OrganizerId id, string ownerId, OrganizerProfile profile, InvoicePrefix invoicePrefix, DateTimeOffset now) => new()
    {
        Id = id,
        OwnerId = ownerId,
        Profile = profile,
        InvoicePrefix = invoicePrefix,
        CreatedAt = now,
    };

    public void ChangeProfile(OrganizerProfile profile) => Profile = profile;
}
