namespace EventPlatform.Program.Domain.Sessions;

/// <summary>What changed in a session, as attendees would notice it.</summary>
[Flags]
public enum SessionChangeKinds
{
    None = 0,
    Time = 1,
    Room = 2,
    Cancelled = 4,
    Speakers = 8,
    Title = 16,
    Added = 32,
}
