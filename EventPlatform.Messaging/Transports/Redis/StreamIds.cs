using System.Globalization;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>Stream entry ids ("milliseconds-sequence") compared as numbers, as Redis orders them.</summary>
internal static class StreamIds
{
    public static (long Milliseconds, long Sequence) Parse(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? (long.Parse(id, CultureInfo.InvariantCulture), 0)
            : (long.Parse(id.AsSpan(0, dash), CultureInfo.InvariantCulture), long.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture));
    }

    public static string Min(string left, string right) => Parse(left).CompareTo(Parse(right)) <= 0 ? left : right;

    public static string At(DateTimeOffset time) => $"{time.ToUnixTimeMilliseconds()}-0";
}
