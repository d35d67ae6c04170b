using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace EventPlatform.Bff.Sessions;

/// <summary>
/// For a request that comes with the session cookie and no Authorization header: a state-changing method must carry
/// the CSRF token (400 otherwise: another site's page cannot post with the cookie), the access token is refreshed when
/// it is about to expire, and the call goes on with it as its bearer token. Requests with their own bearer token (apps,
/// scripts) carry no ambient credential and are left alone.
/// </summary>
internal sealed class SessionBearerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IAntiforgery antiforgery, IdentityClient identity, ILogger<SessionBearerMiddleware> logger)
    {
        if (http.Request.Headers.Authorization.Count > 0 || !http.Request.Cookies.ContainsKey(BrowserSession.CookieName))
        {
            await next(http);
            return;
        }

        var session = await http.AuthenticateAsync(BrowserSession.Scheme);
        if (session is not { Succeeded: true, Properties: { } properties })
        {
            await next(http);
            return;
        }

        http.User = session.Principal!;
        if (IsStateChanging(http.Request) && !IsSignIn(http.Request))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                await Results.Problem(
                    $"This request comes with the session cookie but without its CSRF token: send the csrfToken of GET /session in the {BrowserSession.CsrfHeader} header.",
                    statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
                return;
            }
        }

        if (BrowserSession.IsExpiring(properties, TimeProvider.System.GetUtcNow()))
        {
            var refreshed = await RefreshAsync(identity, properties, http.RequestAborted);
            if (refreshed is { Tokens: { } tokens })
            {
                BrowserSession.Store(properties, tokens, TimeProvider.System.GetUtcNow());
                await http.SignInAsync(BrowserSession.Scheme, session.Principal!, properties);
            }
            else if (refreshed?.Status != System.Net.HttpStatusCode.ServiceUnavailable)
            {
                // Revoked, expired or account deleted: the session ends, and this request goes on as anonymous.
                logger.LogDebug("A session's refresh was refused ({Status}); it is signed out.", refreshed?.Status);
                await http.SignOutAsync(BrowserSession.Scheme);
                http.User = new System.Security.Claims.ClaimsPrincipal();
                await next(http);
                return;
            }
        }

        http.Request.Headers.Authorization = $"Bearer {BrowserSession.AccessTokenOf(properties)}";
        await next(http);
    }

    /// <summary>
    /// New tokens, identity's refusal, or 503 when identity does not answer: then the call goes on with the token it has
    /// (good for another minute).
    /// </summary>
    private static async Task<IdentityClient.Outcome?> RefreshAsync(IdentityClient identity, AuthenticationProperties properties, CancellationToken cancellationToken)
    {
        if (BrowserSession.RefreshTokenOf(properties) is not { Length: > 0 } refreshToken)
        {
            return null;
        }

        try
        {
            return await identity.RefreshAsync(refreshToken, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new IdentityClient.Outcome(null, System.Net.HttpStatusCode.ServiceUnavailable, null);
        }
    }

    private static bool IsStateChanging(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);

    // Signing in again over an old session changes nothing of it; signing out (DELETE /session) does need the token.
    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(SessionEndpoints.Path);
}
