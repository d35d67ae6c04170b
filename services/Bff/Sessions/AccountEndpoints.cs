using Microsoft.AspNetCore.Authentication;

namespace EventPlatform.Bff.Sessions;

/// <summary>
/// The person's own account (/account: profile, organizer sign-up, passkeys, API tokens, export, deletion) at the
/// browser's origin: identity answers it, called with the session's access token. Becoming an organizer renews the
/// session's tokens at once, so the new role counts from the next call.
/// </summary>
internal static class AccountEndpoints
{
    public const string Path = "/account";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup(Path).DisableAntiforgery().AddEndpointFilter(SessionEndpoints.IdentityUnavailable).WithTags("Account");
        account.MapGet("/", ForwardAsync).WithSummary("The signed-in person's profile: email, roles, passkeys.");
        account.MapDelete("/", ForwardAsync).WithSummary("Deletes the account, its passkeys and API tokens, and revokes every token.");
        account.MapPost("/organizer", ForwardAsync).WithSummary("Adds the organizer role; the session's tokens are renewed with it.");
        account.MapPost("/passkeys/options", ForwardAsync).WithSummary("Starts adding a passkey: WebAuthn creation options and the ceremony id.");
        account.MapPost("/passkeys", ForwardAsync).WithSummary("Finishes adding a passkey: { ceremony, credential, name }.");
        account.MapDelete("/passkeys/{id:guid}", ForwardAsync).WithSummary("Removes a passkey.");
        account.MapGet("/api-tokens", ForwardAsync).WithSummary("The person's API tokens (never their secrets).");
        account.MapPost("/api-tokens", ForwardAsync).WithSummary("Creates an API token for scripts: { name, expiresInDays }; the secret is in this answer only.");
        account.MapDelete("/api-tokens/{id:guid}", ForwardAsync).WithSummary("Revokes an API token.");
        account.MapGet("/export", ForwardAsync).WithSummary("Everything identity holds about the person, as JSON.");
    }

    private static async Task<IResult> ForwardAsync(HttpContext http, IdentityClient identity, CancellationToken cancellationToken)
    {
        if (http.Request.Headers.Authorization.Count == 0)
        {
            return Results.Problem("Sign in first: the account is the signed-in person's.", statusCode: StatusCodes.Status401Unauthorized);
        }

        using var response = await identity.AccountAsync(http.Request, cancellationToken);
        if (response.IsSuccessStatusCode && HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals($"{Path}/organizer"))
        {
            await RenewSessionAsync(http, identity, cancellationToken);
        }

        return await SessionEndpoints.PassOnAsync(response, cancellationToken);
    }

    private static async Task RenewSessionAsync(HttpContext http, IdentityClient identity, CancellationToken cancellationToken)
    {
        var session = await http.AuthenticateAsync(BrowserSession.Scheme);
        if (session.Properties is { } properties && BrowserSession.RefreshTokenOf(properties) is { Length: > 0 } refreshToken
            && await identity.RefreshAsync(refreshToken, cancellationToken) is { Tokens: { } tokens })
        {
            await BrowserSession.SignInAsync(http, tokens);
        }
    }
}
