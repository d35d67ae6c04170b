namespace EventPlatform.Program.Domain.Sessions;

public enum SessionStatus
{
    Scheduled = 1,

    /// <summary>Kept in the program, shown as cancelled, so attendees who chose it see what happened.</summary>
    Cancelled = 2,
}
