using System.Security.Claims;
using EventPlatform.Identity.Application;
using EventPlatform.Identity.Infrastructure;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EventPlatform.Identity.Endpoints;

/// <summary>
/// /connect/authorize for apps (authorization code + PKCE, checked by OpenIddict before this runs): a person signed in
/// to the identity service gets a code at once — the client is our own, so there is no consent screen; anyone else
/// is sent to the sign-in page first and comes back here.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static void MapAuthorizeEndpoint(this IEndpointRouteBuilder app) =>
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).DisableAntiforgery();

    private static async Task<IResult> AuthorizeAsync(HttpContext http, IdentityDbContext db, TokenPrincipals principals, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(SignInPage.Scheme);
        var person = Guid.TryParse(session.Principal?.FindFirstValue(Claims.Subject), out var id)
            ? await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
        if (person is not null)
        {
            return Results.SignIn(principals.ForPerson(person, request.GetScopes()), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.HasPromptValue(PromptValues.None))
        {
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Nobody is signed in.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var query = http.Request.HasFormContentType
            ? QueryString.Create(http.Request.Form.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value.ToString())))
            : http.Request.QueryString;
        return Results.Redirect($"{SignInPage.Path}?returnUrl={Uri.EscapeDataString(http.Request.Path + query)}");
    }
}
