namespace EventPlatform.Program.Domain.Events;

/// <summary>Where the event stands in catalog, which decides who hears of program changes and whether it may change.</summary>
public enum EventStatus
{
    Draft = 1,
    Published = 2,
    RegistrationsClosed = 3,
    Completed = 4,
    Cancelled = 5,
}
