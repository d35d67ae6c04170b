using System.Security.Claims;
using EventPlatform.Domain;
using EventPlatform.Domain.Validation;
using EventPlatform.Identity.Application;
using EventPlatform.Identity.Domain;
using EventPlatform.Identity.Infrastructure;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EventPlatform.Identity.Endpoints;

/// <summary>
/// /connect/token after OpenIddict has checked the request and the client: decides whom the tokens are for. People
/// come in by emailed code, passkey, authorization code or refresh token (their roles read afresh each time); our
/// services by client credentials; anyone by the development grant, in Development only.
/// </summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) => app.MapPost("/connect/token", ExchangeAsync);

    private static async Task<IResult> ExchangeAsync(
        HttpContext http, IdentityDbContext db, TokenPrincipals principals, SignInCodes codes, PasskeySignIn passkeys,
        ApiTokens apiTokens, SignInLimits limits, IOptions<IdentityOptions> options, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var client = http.Connection.RemoteIpAddress?.ToString();
        try
        {
            switch (request.GrantType)
            {
                case GrantTypes.ClientCredentials:
                    return SignIn(TokenPrincipals.ForService(request.ClientId!));

                case SignInGrants.EmailCode:
                    var email = Person.Normalize(request.GetParameter("email")?.ToString());
                    if (!limits.MayVerify(email, client))
                    {
                        return TooManyAttempts();
                    }

                    var signedIn = await codes.VerifyAsync(email, request.GetParameter("code")?.ToString() ?? "", cancellationToken);
                    return signedIn is null
                        ? Refuse(Errors.InvalidGrant, "The code is wrong, used or expired: ask for a new one.")
                        : SignIn(principals.ForPerson(signedIn, request.GetScopes()));

                case SignInGrants.Passkey:
                    if (!limits.MayVerify(null, client))
                    {
                        return TooManyAttempts();
                    }

                    var person = await passkeys.FinishAsync(
                        request.GetParameter("ceremony")?.ToString(), request.GetParameter("credential")?.ToString(), cancellationToken);
                    return SignIn(principals.ForPerson(person, request.GetScopes()));

                case SignInGrants.ApiToken:
                    if (!limits.MayVerify(null, client))
                    {
                        return TooManyAttempts();
                    }

                    return await apiTokens.RedeemAsync(request.GetParameter("token")?.ToString(), cancellationToken) is { } owner
                        ? SignIn(principals.ForPerson(owner, request.GetScopes()))
                        : Refuse(Errors.InvalidGrant, "This API token is unknown, revoked or expired.");

                case GrantTypes.AuthorizationCode or GrantTypes.RefreshToken:
                    var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
                    var subject = result.Principal?.GetClaim(Claims.Subject);
                    var known = Guid.TryParse(subject, out var personId)
                        ? await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
                        : null;
                    return known is null
                        ? Refuse(Errors.InvalidGrant, "This sign-in is no longer valid: sign in again.")
                        : SignIn(principals.ForPerson(known, result.Principal!.GetScopes()));

                case SignInGrants.Development when options.Value.DevelopmentTokens:
                    return SignIn(DevelopmentPrincipal(request, principals));

                default:
                    return Refuse(Errors.UnsupportedGrantType, $"The grant type {Quoted.Value(request.GrantType)} is not supported here.");
            }
        }
        catch (InvalidInputException e)
        {
            return Refuse(Errors.InvalidRequest, e.Message);
        }
    }

    private static ClaimsPrincipal DevelopmentPrincipal(OpenIddictRequest request, TokenPrincipals principals)
    {
        var subject = request.GetParameter("subject")?.ToString();
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw new InvalidInputException([new FieldViolation("subject", "Name the subject the token is for.")]);
        }

        var roles = ((StringValues)request.GetParameter("role"))
            .Select(r => Enum.TryParse<CallerRole>(r, ignoreCase: true, out var role)
                ? role
                : throw new InvalidInputException([new FieldViolation("role", $"{Quoted.Value(r)} is not a role: attendee, organizer or admin.")]))
            .ToList();
        var principal = principals.ForDevelopment(subject, roles);
        // A developer's token outlives a working session; people's tokens live minutes and are refreshed.
        principal.SetAccessTokenLifetime(TimeSpan.FromHours(12));
        return principal;
    }

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static IResult TooManyAttempts() => Results.Json(
        new { error = "slow_down", error_description = "Too many sign-in attempts: wait a few minutes before trying again." },
        statusCode: StatusCodes.Status429TooManyRequests);
}
