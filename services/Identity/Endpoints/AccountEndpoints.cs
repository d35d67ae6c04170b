using System.Security.Claims;
using System.Text.Json;
using EventPlatform.Identity.Application;
using EventPlatform.ServiceDefaults.Identity;
using OpenIddict.Validation.AspNetCore;

namespace EventPlatform.Identity.Endpoints;

/// <summary>The signed-in person's own account: profile, organizer sign-up, passkeys, export and deletion.</summary>
internal static class AccountEndpoints
{
    public sealed record PasskeyAnswer(string? Ceremony, JsonElement? Credential, string? Name);

    public sealed record ApiTokenRequest(string? Name, int? ExpiresInDays);

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account")
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireClaim(TokenClaims.Subject)
                .RequireAssertion(context => !context.User.HasClaim(c => c.Type == TokenClaims.Service)))
            .AddEndpointFilter<InvalidInputFilter>();

        account.MapGet("/", async (ClaimsPrincipal user, Accounts accounts, CancellationToken ct) =>
            await accounts.ProfileAsync(PersonId(user), ct) is { } profile ? Results.Ok(profile) : Results.NotFound());

        account.MapPost("/organizer", async (ClaimsPrincipal user, Accounts accounts, CancellationToken ct) =>
            await accounts.BecomeOrganizerAsync(PersonId(user), ct) is { } profile ? Results.Ok(profile) : Results.NotFound());

        account.MapPost("/passkeys/options", async (ClaimsPrincipal user, PasskeySignIn passkeys, CancellationToken ct) =>
        {
            var (ceremony, options) = await passkeys.BeginRegistrationAsync(PersonId(user), ct);
            return Results.Ok(new { ceremony, options = JsonDocument.Parse(options).RootElement });
        });

        account.MapPost("/passkeys", async (PasskeyAnswer? body, ClaimsPrincipal user, PasskeySignIn passkeys, CancellationToken ct) =>
        {
            var passkey = await passkeys.FinishRegistrationAsync(
                PersonId(user), body?.Ceremony, body?.Credential?.GetRawText(), body?.Name, ct);
            return Results.Created($"/account/passkeys/{passkey.Id}", Accounts.Describe(passkey));
        });

        account.MapDelete("/passkeys/{id:guid}", async (Guid id, ClaimsPrincipal user, Accounts accounts, CancellationToken ct) =>
            await accounts.RemovePasskeyAsync(PersonId(user), id, ct) ? Results.NoContent() : Results.NotFound());

        account.MapGet("/api-tokens", async (ClaimsPrincipal user, ApiTokens tokens, CancellationToken ct) =>
            Results.Ok(await tokens.ListAsync(PersonId(user), ct)));

        // The secret is in this answer only; scripts trade it at /connect/token (grant urn:eventplatform:grant-type:api-token).
        account.MapPost("/api-tokens", async (ApiTokenRequest? body, ClaimsPrincipal user, ApiTokens tokens, CancellationToken ct) =>
        {
            var created = await tokens.CreateAsync(PersonId(user), body?.Name, body?.ExpiresInDays, ct);
            return Results.Created($"/account/api-tokens/{created.Token.Id}", created);
        });

        account.MapDelete("/api-tokens/{id:guid}", async (Guid id, ClaimsPrincipal user, ApiTokens tokens, CancellationToken ct) =>
            await tokens.RevokeAsync(PersonId(user), id, ct) ? Results.NoContent() : Results.NotFound());

        account.MapGet("/export", async (ClaimsPrincipal user, Accounts accounts, CancellationToken ct) =>
            await accounts.ExportAsync(PersonId(user), ct) is { } export
                ? Results.Json(export, statusCode: 200, contentType: "application/json")
                : Results.NotFound());

        account.MapDelete("/", async (ClaimsPrincipal user, Accounts accounts, CancellationToken ct) =>
            await accounts.DeleteAsync(PersonId(user), ct) ? Results.NoContent() : Results.NotFound());
    }

    /// <summary>Development tokens name any subject; only people who signed in have an account here.</summary>
    private static Guid PersonId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TokenClaims.Subject), out var id) ? id : Guid.Empty;
}
