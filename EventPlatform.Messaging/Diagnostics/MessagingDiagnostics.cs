using System.Diagnostics;

namespace EventPlatform.Messaging.Diagnostics;

/// <summary>The names our telemetry is published under; ServiceDefaults collects every "EventPlatform.*" source and meter.</summary>
public static class MessagingDiagnostics
{
    public const string Name = "EventPlatform.Messaging";

    internal static readonly ActivitySource ActivitySource = new(Name);
}
