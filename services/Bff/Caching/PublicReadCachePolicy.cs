using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;

namespace EventPlatform.Bff.Caching;

/// <summary>
/// The output cache's one policy: public reads (see <see cref="PublicReads"/>) are cached per path and query, with their
/// tag and lifetime; only anonymous callers fill the cache, and only with a 200 that no invalidation overtook. Every
/// other request passes through untouched. Concurrent misses of one entry wait for the first (no stampede on the
/// services when an entry is dropped in a rush).
/// </summary>
internal sealed class PublicReadCachePolicy : IOutputCachePolicy
{
    private static readonly object StartedAt = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (PublicReads.Of(http) is not { } read || read.TagOf(http.Request) is not { } tag)
        {
            return ValueTask.CompletedTask;
        }

        var signedIn = PublicReads.IsSignedIn(http.Request);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = !signedIn || read.SharedWithSignedIn;
        context.AllowCacheStorage = !signedIn;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = read.Lifetime;
        context.Tags.Add(tag);
        context.CacheVaryByRules.QueryKeys = "*";
        http.Items[StartedAt] = Stopwatch.GetTimestamp();
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // An answer from memory is not worth a trace: thousands a second in a rush would cost more than the answers and
        // bury the traces that matter. Its metrics still count it.
        if (context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
        {
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        // Resolved here rather than injected: the policy is built with the options, before the container.
        var drops = http.RequestServices.GetRequiredService<PublicReadDrops>();
        if (http.Response.StatusCode != StatusCodes.Status200OK || http.Response.Headers.SetCookie.Count > 0
            || (http.Items[StartedAt] is long startedAt && context.Tags.Any(tag => drops.DroppedSince(tag, startedAt))))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
