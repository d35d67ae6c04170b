using System.Security.Claims;
using EventPlatform.Identity.Domain;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EventPlatform.Identity.Application;

/// <summary>What a token says about whom it was issued to: a person (subject, email, roles) or one of our services.</summary>
public sealed class TokenPrincipals(IOptions<IdentityOptions> options)
{
    public ClaimsPrincipal ForPerson(Person person, IEnumerable<string> scopes)
    {
        var identity = NewIdentity(person.Id.ToString());
        identity.SetClaim(Claims.Email, person.Email);
        return Seal(identity, RolesOf(person), scopes);
    }

    /// <summary>Everyone attends; organizers signed up; admins are named in configuration.</summary>
    public IReadOnlyList<CallerRole> RolesOf(Person person)
    {
        List<CallerRole> roles = [CallerRole.Attendee];
        if (person.IsOrganizer)
        {
            roles.Add(CallerRole.Organizer);
        }

        if (options.Value.Admins.Any(a => string.Equals(a.Trim(), person.Email, StringComparison.OrdinalIgnoreCase)))
        {
            roles.Add(CallerRole.Admin);
        }

        return roles;
    }

    public ClaimsPrincipal ForDevelopment(string subject, IEnumerable<CallerRole> roles) =>
        Seal(NewIdentity(subject), roles, []);

    /// <summary>A service's token names the service and no person: services refuse it wherever a person must call.</summary>
    public static ClaimsPrincipal ForService(string clientId)
    {
        var identity = NewIdentity(clientId);
        identity.SetClaim(TokenClaims.Service, clientId);
        var principal = Seal(identity, [], []);
        // Services reuse their token: an hour keeps calls between them going through a short outage of this service.
        principal.SetAccessTokenLifetime(TimeSpan.FromHours(1));
        return principal;
    }

    private static ClaimsIdentity NewIdentity(string subject)
    {
        var identity = new ClaimsIdentity("EventPlatform.Identity", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        return identity;
    }

    private static ClaimsPrincipal Seal(ClaimsIdentity identity, IEnumerable<CallerRole> roles, IEnumerable<string> scopes)
    {
        identity.SetClaims(Claims.Role, [.. roles.Distinct().Select(r => r.ToString().ToLowerInvariant())]);
        identity.SetAudiences(TokenClaims.Audience);
        identity.SetScopes(scopes);
        // Every claim goes into the access token; the identity token (openid scope) carries who, not what they may do.
        identity.SetDestinations(claim => claim.Type is Claims.Subject or Claims.Email
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
