using System.Security.Claims;
using System.Text.Encodings.Web;
using EventPlatform.Domain;
using EventPlatform.Identity.Application;
using EventPlatform.Identity.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EventPlatform.Identity.Endpoints;

/// <summary>
/// The identity service's own sign-in page, for apps sent through /connect/authorize: an address, then the code emailed
/// to it. It leaves a session cookie of the identity service's own and goes back to the authorization request.
/// </summary>
internal static class SignInPage
{
    public const string Scheme = "ep-identity";
    public const string Path = "/sign-in";
    private const string DonePath = "/sign-in/done";

    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "ep_identity";
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.ExpireTimeSpan = TimeSpan.FromDays(14);
        options.LoginPath = Path;
    }

    public static void MapSignInPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (string? returnUrl) => Page(Form(Safe(returnUrl), email: null, message: null)));
        app.MapPost(Path, SubmitAsync).DisableAntiforgery();
        app.MapGet(DonePath, () => Page("<p>You are signed in. You can close this page.</p>"));
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, SignInCodes codes, SignInLimits limits, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var returnUrl = Safe(form["returnUrl"]);
        var client = http.Connection.RemoteIpAddress?.ToString();
        string email;
        try
        {
            email = Person.Normalize(form["email"]);
        }
        catch (InvalidInputException)
        {
            return Page(Form(returnUrl, email: null, "Give your email address, e.g. ada@example.org."), StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrWhiteSpace(form["code"]))
        {
            if (!limits.MayRequestCode(email, client))
            {
                return Page(Form(returnUrl, email, "Too many codes asked for: wait a few minutes."), StatusCodes.Status429TooManyRequests);
            }

            await codes.RequestAsync(email, cancellationToken);
            return Page(Form(returnUrl, email, $"We sent a code to {email}."));
        }

        if (!limits.MayVerify(email, client))
        {
            return Page(Form(returnUrl, email, "Too many attempts: wait a few minutes."), StatusCodes.Status429TooManyRequests);
        }

        var person = await codes.VerifyAsync(email, form["code"].ToString(), cancellationToken);
        if (person is null)
        {
            return Page(Form(returnUrl, email, "That code is wrong, used or expired."), StatusCodes.Status400BadRequest);
        }

        var identity = new ClaimsIdentity(Scheme, Claims.Subject, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, person.Id.ToString()));
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    /// <summary>Only back into an authorization request of this service: the page is no open redirect.</summary>
    private static string Safe(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal) ? returnUrl : DonePath;

    private static string Form(string returnUrl, string? email, string? message)
    {
        var html = HtmlEncoder.Default;
        var codeField = email is null
            ? ""
            : $"""<input type="hidden" name="email" value="{html.Encode(email)}"><label>Code <input name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]*" minlength="6" maxlength="6" required autofocus></label>""";
        var emailField = email is null ? """<label>Email <input name="email" type="email" autocomplete="email" required autofocus></label>""" : "";
        return $"""
            <p>{html.Encode(message ?? "Sign in with your email address: we send you a code.")}</p>
            <form method="post" action="{Path}">
              <input type="hidden" name="returnUrl" value="{html.Encode(returnUrl)}">
              {emailField}{codeField}
              <button type="submit">{(email is null ? "Send me a code" : "Sign in")}</button>
            </form>
            """;
    }

    private static IResult Page(string body, int status = StatusCodes.Status200OK) => Results.Content(
        $"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · EventPlatform</title></head><body><h1>Sign in</h1>{body}</body></html>""",
        "text/html; charset=utf-8", statusCode: status);
}
