using Google.Protobuf.Reflection;

namespace EventPlatform.Messaging.Envelope;

/// <summary>
/// One topic per bounded context, named after the proto package of its events: <c>eventplatform.catalog.v1</c> →
/// <c>catalog.events</c>. A new version of a context's events (v2) stays on the same topic; its type names differ.
/// </summary>
public static class Topics
{
    public const string DeadLetterSuffix = ".dead-letter";

    public static string Of(MessageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return ForPackage(descriptor.File.Package)
            ?? throw new ArgumentException(
                $"'{descriptor.FullName}' has no package of the form eventplatform.<context>.v<N>: it cannot be routed to a topic.",
                nameof(descriptor));
    }

    /// <summary>The topic of a context's events file, e.g. "catalog.events" for eventplatform.catalog.v1's.</summary>
    public static string Of(FileDescriptor file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ForPackage(file.Package)
            ?? throw new ArgumentException($"'{file.Name}' has no package of the form eventplatform.<context>.v<N>: it has no topic.", nameof(file));
    }

    public static string DeadLetterOf(string topic) => topic + DeadLetterSuffix;

    /// <summary>The proto package of an event type name, e.g. "eventplatform.catalog.v1" for "eventplatform.catalog.v1.EventPublished".</summary>
    internal static string PackageOf(string typeName)
    {
        var lastDot = typeName.LastIndexOf('.');
        return lastDot < 0 ? "" : typeName[..lastDot];
    }

    private static string? ForPackage(string package)
    {
        var segments = package.Split('.');
        if (segments.Length < 3 || !IsVersion(segments[^1]))
        {
            return null;
        }

        return segments[^2] + ".events";
    }

    private static bool IsVersion(string segment) =>
        segment.Length > 1 && segment[0] == 'v' && segment[1..].All(char.IsAsciiDigit);
}
