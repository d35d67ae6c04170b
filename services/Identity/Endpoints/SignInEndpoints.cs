using System.Text.Json;
using EventPlatform.Domain;
using EventPlatform.Identity.Application;
using EventPlatform.Identity.Domain;

namespace EventPlatform.Identity.Endpoints;

/// <summary>The first half of each way in; the second half is a grant at /connect/token.</summary>
internal static class SignInEndpoints
{
    public sealed record CodeRequest(string? Email);

    public static void MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var signIn = app.MapGroup("/sign-in").AddEndpointFilter<InvalidInputFilter>();
        signIn.MapPost("/code", RequestCodeAsync);
        signIn.MapPost("/passkey", async (PasskeySignIn passkeys, CancellationToken ct) =>
        {
            var (ceremony, options) = await passkeys.BeginAsync(ct);
            return Results.Ok(new { ceremony, options = JsonDocument.Parse(options).RootElement });
        });
    }

    /// <summary>
    /// 202 whether or not the address has signed in before (no one learns who has an account); 429 when the address or
    /// the client asked too often.
    /// </summary>
    private static async Task<IResult> RequestCodeAsync(
        CodeRequest? body, HttpContext http, SignInCodes codes, SignInLimits limits, CancellationToken cancellationToken)
    {
        var email = Person.Normalize(body?.Email);
        if (!limits.MayRequestCode(email, http.Connection.RemoteIpAddress?.ToString()))
        {
            return Results.Problem(
                "Too many codes asked for: wait a few minutes, and use the latest code you received.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        await codes.RequestAsync(email, cancellationToken);
        return Results.Accepted(value: new { email, expiresInSeconds = (int)SignInCode.Lifetime.TotalSeconds });
    }
}

/// <summary>Bad input is a 400 with the fields at fault, and one log line at most (none here: it is the caller's).</summary>
internal sealed class InvalidInputFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InvalidInputException e)
        {
            return Results.ValidationProblem(
                e.Violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToArray()));
        }
    }
}
