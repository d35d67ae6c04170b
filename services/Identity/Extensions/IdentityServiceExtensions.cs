using System.Security.Cryptography;
using EventPlatform.Identity.Application;
using EventPlatform.Identity.Application.Ports;
using EventPlatform.Identity.Endpoints;
using EventPlatform.Identity.Infrastructure;
using EventPlatform.ServiceDefaults.Identity;
using Fido2NetLib;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EventPlatform.Identity.Extensions;

public static class IdentityServiceExtensions
{
    public static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentityOptions.Section);
        var options = section.Get<IdentityOptions>() ?? new IdentityOptions();
        builder.Services.Configure<IdentityOptions>(section);
        builder.AddServiceDatabase<IdentityDbContext>("identitydb");
        builder.Services.AddHostedService<ClientRegistrations>();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                if (options.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }

                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowCustomFlow(SignInGrants.EmailCode)
                    .AllowCustomFlow(SignInGrants.Passkey)
                    .AllowCustomFlow(SignInGrants.ApiToken);
                if (options.DevelopmentTokens)
                {
                    server.AllowCustomFlow(SignInGrants.Development);
                }

                server.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.OfflineAccess);
                server.RegisterAudiences(TokenClaims.Audience);
                server.AddSigningKey(SigningKey(options))
                    .AddEncryptionKey(new SymmetricSecurityKey(EncryptionKey(options)));
                // Services read access tokens with the published keys; sealing them would make this service their only reader.
                server.DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(15))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    // TLS ends in front of the service (a proxy, the cluster's ingress); locally everything is loopback HTTP.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });
        builder.Services.AddAuthentication().AddCookie(SignInPage.Scheme, SignInPage.ConfigureCookie);
        builder.Services.AddAuthorization();

        builder.Services.AddSingleton<IFido2>(new Fido2(new Fido2Configuration
        {
            RPID = options.Passkeys.RelyingPartyId,
            RPName = "EventPlatform",
            Origins = options.Passkeys.Origins.ToHashSet(),
        }));

        builder.AddSmtp();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ICodeMailer, SmtpCodeMailer>();
        builder.Services.AddSingleton<SignInLimits>();
        builder.Services.AddSingleton<TokenPrincipals>();
        builder.Services.AddScoped<SignInCodes>();
        builder.Services.AddSingleton<PasskeyCeremonies>();
        builder.Services.AddScoped<PasskeySignIn>();
        builder.Services.AddScoped<Accounts>();
        builder.Services.AddScoped<ApiTokens>();
        return builder;
    }

    public static WebApplication MapIdentity(this WebApplication app)
    {
        // The client's address as the BFF (on a known proxy address: loopback by default) saw it, for the per-client limits.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapTokenEndpoint();
        app.MapAuthorizeEndpoint();
        app.MapSignInPage();
        app.MapSignInEndpoints();
        app.MapAccountEndpoints();
        return app;
    }

    private static RsaSecurityKey SigningKey(IdentityOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            throw new InvalidOperationException("Identity:SigningKey must hold an RSA private key in PEM (the AppHost makes one per data folder).");
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(options.SigningKey);
        // The key id services pick the key by: stable for a key, different for the next one.
        return new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16] };
    }

    private static byte[] EncryptionKey(IdentityOptions options)
    {
        var key = string.IsNullOrWhiteSpace(options.EncryptionKey) ? [] : Convert.FromBase64String(options.EncryptionKey);
        return key.Length == 32
            ? key
            : throw new InvalidOperationException("Identity:EncryptionKey must hold 32 bytes in base64 (the AppHost makes one per data folder).");
    }
}
