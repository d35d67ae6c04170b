namespace EventPlatform.Catalog.Domain.Events;

public enum EventStatus
{
    Draft = 1,
    Published = 2,
    RegistrationsClosed = 3,
    Completed = 4,
    Cancelled = 5,
}
