using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EventPlatform.Bff.Sessions;

/// <summary>
/// A browser's signed-in session: an HttpOnly cookie, sealed by Data Protection, holding the person's access and refresh
/// tokens. The browser never sees a token; the BFF puts the access token on the calls it forwards.
/// </summary>
internal static class BrowserSession
{
    public const string Scheme = "ep-session";
    public const string CookieName = "ep_session";
    public const string CsrfHeader = "X-CSRF-TOKEN";
    private const string AccessToken = "access_token";
    private const string RefreshToken = "refresh_token";
    private const string ExpiresAt = "expires_at";

    /// <summary>Who the tokens are for, read from the access token just received from the identity service.</summary>
    public static ClaimsPrincipal PrincipalOf(IdentityClient.Tokens tokens)
    {
        var token = new JsonWebToken(tokens.AccessToken);
        var identity = new ClaimsIdentity(Scheme, "sub", "role");
        identity.AddClaim(new Claim("sub", token.Subject));
        // The antiforgery token is tied to the person through this claim type.
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, token.Subject));
        identity.AddClaims(token.Claims.Where(c => c.Type is "role" or "email").Select(c => new Claim(c.Type, c.Value)));
        return new ClaimsPrincipal(identity);
    }

    public static Task SignInAsync(HttpContext http, IdentityClient.Tokens tokens)
    {
        var properties = new AuthenticationProperties { IsPersistent = true, AllowRefresh = true };
        Store(properties, tokens, TimeProvider.System.GetUtcNow());
        var principal = PrincipalOf(tokens);
        http.User = principal;
        return http.SignInAsync(Scheme, principal, properties);
    }

    public static void Store(AuthenticationProperties properties, IdentityClient.Tokens tokens, DateTimeOffset now) =>
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = AccessToken, Value = tokens.AccessToken },
            new AuthenticationToken { Name = RefreshToken, Value = tokens.RefreshToken ?? properties.GetTokenValue(RefreshToken) ?? "" },
            new AuthenticationToken { Name = ExpiresAt, Value = now.AddSeconds(tokens.ExpiresIn).ToString("O") },
        ]);

    public static string? AccessTokenOf(AuthenticationProperties properties) => properties.GetTokenValue(AccessToken);

    public static string? RefreshTokenOf(AuthenticationProperties properties) => properties.GetTokenValue(RefreshToken);

    /// <summary>True a minute before the access token expires: refreshed before a call could fail on it.</summary>
    public static bool IsExpiring(AuthenticationProperties properties, DateTimeOffset now) =>
        !DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAt), out var expiresAt) || now >= expiresAt.AddMinutes(-1);

    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        // Secure whenever the site is served over HTTPS (always, outside a laptop).
        options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.ExpireTimeSpan = TimeSpan.FromDays(14);
        options.SlidingExpiration = true;
        // An API answers 401/403, it does not redirect to a login page.
        options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
