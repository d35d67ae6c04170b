using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>A speaker's place on a session: part of the session aggregate, changed only through it.</summary>
public sealed class SessionSpeaker
{
    private SessionSpeaker()
    {
    }

    internal SessionSpeaker(SpeakerId speakerId, int position)
    {
        SpeakerId = speakerId;
        Position = position;
    }

    public SpeakerId SpeakerId { get; private set; }

    /// <summary>Where the speaker appears in the session's list, from 0.</summary>
    public int Position { get; internal set; }
}
