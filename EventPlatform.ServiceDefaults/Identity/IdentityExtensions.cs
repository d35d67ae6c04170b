using System.Security.Claims;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

public static class IdentityExtensions
{
    /// <summary>Where the signing key is read from: Identity__SigningKey in the environment.</summary>
    public const string SigningKeySetting = "Identity:SigningKey";

    /// <summary>
    /// Bearer tokens in the 'authorization' metadata of gRPC calls authenticate the caller. Calls without one are
    /// anonymous; each service decides what an anonymous caller may do (Caller.From throws UNAUTHENTICATED).
    /// </summary>
    public static IHostApplicationBuilder AddCallerIdentity(this IHostApplicationBuilder builder)
    {
        var signingKey = builder.Configuration[SigningKeySetting];
        if (string.IsNullOrWhiteSpace(signingKey) || signingKey.Length < 32)
        {
            throw new InvalidOperationException(
                $"{SigningKeySetting} must hold a key of at least 32 characters (set Identity__SigningKey; the AppHost does).");
        }

        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = DevelopmentTokens.Issuer,
                ValidAudience = DevelopmentTokens.Audience,
                IssuerSigningKey = DevelopmentTokens.SecurityKey(signingKey),
                NameClaimType = "sub",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            options.Events = new JwtBearerEvents
            {
                // Caller reads the standard claim types: map "sub" and "role" once, here.
                OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        identity.AddClaims(identity.FindAll("sub").Select(c => new Claim(ClaimTypes.NameIdentifier, c.Value)).ToList());
                        identity.AddClaims(identity.FindAll("role").Select(c => new Claim(ClaimTypes.Role, c.Value)).ToList());
                    }

                    return Task.CompletedTask;
                },
            };
        });
        return builder;
    }
}
