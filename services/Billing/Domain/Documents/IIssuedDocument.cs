namespace EventPlatform.Billing.Domain.Documents;

/// <summary>What every issued document has: its place in a series, whose it is and whom it concerns.</summary>
public interface IIssuedDocument
{
    Guid Id { get; }

    string Number { get; }

    string OrganizerId { get; }

    /// <summary>The person who manages the organizer.</summary>
    string OwnerId { get; }

    Guid EventId { get; }

    Guid RegistrationId { get; }

    /// <summary>The attendee whose registration it concerns.</summary>
    string AttendeeId { get; }

    DateTimeOffset IssueTime { get; }
}
