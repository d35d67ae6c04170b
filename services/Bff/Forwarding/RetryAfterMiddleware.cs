namespace EventPlatform.Bff.Forwarding;

/// <summary>
/// A service that sheds load answers UNAVAILABLE or RESOURCE_EXHAUSTED; through JSON transcoding that is a 503 or a 429,
/// and a client acts on it only if told when to come back. The BFF's own rate limiter sets its longer wait itself.
/// </summary>
internal sealed class RetryAfterMiddleware(RequestDelegate next)
{
    private const string Seconds = "1";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status429TooManyRequests
                && !context.Response.Headers.ContainsKey("Retry-After"))
            {
                context.Response.Headers.RetryAfter = Seconds;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
