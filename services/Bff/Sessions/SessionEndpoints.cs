using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace EventPlatform.Bff.Sessions;

/// <summary>
/// Signing a browser in and out: ask for a code, trade it (or a passkey's answer) for a session, read the session and
/// its CSRF token, sign out. Apps and scripts use the identity service's token endpoint instead (README).
/// </summary>
internal static class SessionEndpoints
{
    public const string Path = "/session";

    public sealed record CodeSignIn(string? Email, string? Code);

    public sealed record PasskeySignIn(string? Ceremony, JsonElement? Credential);

    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup(Path).DisableAntiforgery().AddEndpointFilter(IdentityUnavailable).WithTags("Session");
        session.MapGet("/", Describe).WithSummary("Who is signed in on this browser, and the CSRF token for its changes.");
        session.MapPost("/code", async (JsonElement body, IdentityClient identity, CancellationToken ct) =>
            await PassOnAsync(await identity.RequestCodeAsync(body, ct), ct)).WithSummary("Emails a one-time sign-in code: { email }.");
        session.MapPost("/", async (CodeSignIn body, HttpContext http, IdentityClient identity, IAntiforgery antiforgery, CancellationToken ct) =>
            await SignInAsync(http, await identity.EmailCodeAsync(body.Email, body.Code, ct), antiforgery))
            .WithSummary("Signs the browser in with the emailed code: { email, code }.");
        session.MapPost("/passkey/options", async (IdentityClient identity, CancellationToken ct) =>
            await PassOnAsync(await identity.BeginPasskeySignInAsync(ct), ct)).WithSummary("Starts a passkey sign-in: WebAuthn request options and the ceremony id.");
        session.MapPost("/passkey", async (PasskeySignIn body, HttpContext http, IdentityClient identity, IAntiforgery antiforgery, CancellationToken ct) =>
            await SignInAsync(http, await identity.PasskeyAsync(body.Ceremony, body.Credential?.GetRawText(), ct), antiforgery))
            .WithSummary("Signs the browser in with a passkey's answer: { ceremony, credential }.");
        session.MapDelete("/", SignOutAsync).WithSummary("Signs the browser out and revokes its refresh token.");
    }

    /// <summary>The identity service not answering (down, or silent for 10 s) is a 503 to retry later, not a 500.</summary>
    public static async ValueTask<object?> IdentityUnavailable(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !context.HttpContext.RequestAborted.IsCancellationRequested))
        {
            return Results.Problem("Signing in is unavailable for a moment: try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Who is signed in, and the CSRF token their state-changing requests must carry.</summary>
    private static IResult Describe(HttpContext http, IAntiforgery antiforgery) =>
        http.User.Identity?.IsAuthenticated == true && http.User.Identity.AuthenticationType == BrowserSession.Scheme
            ? Results.Ok(View(http, antiforgery))
            : Results.Ok(new { signedIn = false });

    private static async Task<IResult> SignInAsync(HttpContext http, IdentityClient.Outcome outcome, IAntiforgery antiforgery)
    {
        if (outcome.Tokens is not { } tokens)
        {
            return Results.Json(outcome.Body, statusCode: (int)outcome.Status);
        }

        await BrowserSession.SignInAsync(http, tokens);
        return Results.Ok(View(http, antiforgery));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IdentityClient identity, CancellationToken cancellationToken)
    {
        var session = await http.AuthenticateAsync(BrowserSession.Scheme);
        if (session.Properties is { } properties && BrowserSession.RefreshTokenOf(properties) is { Length: > 0 } refreshToken)
        {
            await identity.RevokeAsync(refreshToken, cancellationToken);
        }

        await http.SignOutAsync(BrowserSession.Scheme);
        return Results.NoContent();
    }

    private static object View(HttpContext http, IAntiforgery antiforgery) => new
    {
        signedIn = true,
        subject = http.User.FindFirstValue("sub"),
        email = http.User.FindFirstValue("email"),
        roles = http.User.FindAll("role").Select(c => c.Value).ToList(),
        csrfToken = antiforgery.GetAndStoreTokens(http).RequestToken,
        csrfHeader = BrowserSession.CsrfHeader,
    };

    public static async Task<IResult> PassOnAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return Results.Content(body, response.Content.Headers.ContentType?.ToString() ?? "application/json", statusCode: (int)response.StatusCode);
        }
    }
}
