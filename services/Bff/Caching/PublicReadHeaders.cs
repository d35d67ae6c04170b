using System.IO.Hashing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace EventPlatform.Bff.Caching;

/// <summary>
/// Gives a public read computed by its service its HTTP caching headers: an ETag (a hash of the body) and the read's
/// Cache-Control. They are stored with the cached entry, so a hit answers If-None-Match with 304 by itself; a read that
/// will not be stored (a signed-in caller's) is answered 304 here when the browser already has it.
/// </summary>
internal sealed class PublicReadHeaders(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (PublicReads.Of(http) is not { } read)
        {
            await next(http);
            return;
        }

        var body = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
        }

        if (http.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = $"\"{XxHash3.HashToUInt64(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)):x16}\"";
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = read.CacheControl;
            var stored = http.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage == true;
            if (!stored && http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == etag))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, http.RequestAborted);
    }
}
