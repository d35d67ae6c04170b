using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Identity.Application;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EventPlatform.Identity.Extensions;

/// <summary>
/// Makes the clients in the database match configuration at start: each confidential client (our services, internal
/// systems) may use client credentials only; the public client signs people in. Runs after the migrations.
/// </summary>
internal sealed class ClientRegistrations(IServiceProvider services, IOptions<IdentityOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (clientId, secret) in options.Value.Clients)
        {
            await SaveAsync(manager, new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = clientId,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            }, cancellationToken);
        }

        var web = new OpenIddictApplicationDescriptor
        {
            ClientId = SignInGrants.PublicClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "EventPlatform (web front, apps and scripts)",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.Prefixes.GrantType + SignInGrants.EmailCode,
                Permissions.Prefixes.GrantType + SignInGrants.Passkey,
                Permissions.Prefixes.GrantType + SignInGrants.ApiToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (options.Value.DevelopmentTokens)
        {
            web.Permissions.Add(Permissions.Prefixes.GrantType + SignInGrants.Development);
        }

        foreach (var uri in options.Value.RedirectUris)
        {
            web.RedirectUris.Add(new Uri(uri));
        }

        await SaveAsync(manager, web, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SaveAsync(IOpenIddictApplicationManager manager, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await manager.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await manager.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await manager.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
