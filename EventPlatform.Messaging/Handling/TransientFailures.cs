using System.Data.Common;
using System.Net.Sockets;
using StackExchange.Redis;

namespace EventPlatform.Messaging.Handling;

/// <summary>Whether a handler's failure, or any failure it wraps, is one that passes by itself.</summary>
internal static class TransientFailures
{
    public static Func<Exception, bool> Of(IEnumerable<ITransientFailure> registered)
    {
        var others = registered.ToArray();
        return exception => Chain(exception).Any(e => IsKnown(e) || others.Any(o => o.IsTransient(e)));
    }

    private static bool IsKnown(Exception e) =>
        e is DbException { IsTransient: true } or RedisConnectionException or RedisTimeoutException or TimeoutException
            or SocketException or HttpRequestException { StatusCode: null or >= System.Net.HttpStatusCode.InternalServerError };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
