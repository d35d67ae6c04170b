using System.Security.Claims;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

public static class IdentityExtensions
{
    /// <summary>The identity service's URL (Identity__Authority): tokens name it as issuer, its keys are published under it.</summary>
    public const string AuthoritySetting = "Identity:Authority";

    /// <summary>
    /// Bearer tokens in the 'authorization' metadata of gRPC calls authenticate the caller: access tokens of the identity
    /// service, checked with the keys it publishes (JWKS), for our audience, not expired. Calls without one are anonymous;
    /// each service decides what an anonymous caller may do (Caller.From throws UNAUTHENTICATED).
    /// </summary>
    public static IHostApplicationBuilder AddCallerIdentity(this IHostApplicationBuilder builder)
    {
        var authority = builder.Configuration[AuthoritySetting];
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var authorityUri))
        {
            throw new InvalidOperationException(
                $"{AuthoritySetting} must hold the identity service's URL (set Identity__Authority; the AppHost does).");
        }

        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = authorityUri.ToString();
            options.RequireHttpsMetadata = authorityUri.Scheme == Uri.UriSchemeHttps;
            options.MapInboundClaims = false;
            // When the identity service was not up yet, the keys are asked for again within seconds, not minutes.
            options.RefreshInterval = TimeSpan.FromSeconds(5);
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = TokenClaims.Audience,
                NameClaimType = TokenClaims.Subject,
                RoleClaimType = TokenClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            options.Events = new JwtBearerEvents
            {
                // Caller reads the standard claim types: map "sub" and "role" once, here.
                OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        identity.AddClaims(identity.FindAll(TokenClaims.Subject).Select(c => new Claim(ClaimTypes.NameIdentifier, c.Value)).ToList());
                        identity.AddClaims(identity.FindAll(TokenClaims.Role).Select(c => new Claim(ClaimTypes.Role, c.Value)).ToList());
                    }

                    return Task.CompletedTask;
                },
            };
        });
        builder.Services.AddServiceTokens();
        builder.Services.AddHostedService<IdentityWarmUp>();
        return builder;
    }
}
