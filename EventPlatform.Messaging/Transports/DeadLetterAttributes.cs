namespace EventPlatform.Messaging.Transports;

/// <summary>What a dead-letter entry carries beside the original message, on both transports.</summary>
internal static class DeadLetterAttributes
{
    public const string Prefix = "dead-letter-";
    public const string Reason = Prefix + "reason";
    public const string Group = Prefix + "group";
    public const string Consumer = Prefix + "consumer";
    public const string Attempts = Prefix + "attempts";
    public const string Time = Prefix + "time";

    /// <summary>Where the message was on its topic: a stream entry id, or partition and offset.</summary>
    public const string Position = Prefix + "position";

    public static bool IsDeadLetterAttribute(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);
}
