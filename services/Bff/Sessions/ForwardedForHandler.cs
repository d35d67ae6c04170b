namespace EventPlatform.Bff.Sessions;

/// <summary>
/// Tells the identity service whose sign-in it is: without the browser's address, every sign-in through the BFF would
/// share the BFF's, and the per-client limit would throttle the whole site at once.
/// </summary>
internal sealed class ForwardedForHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
