using Microsoft.Extensions.Hosting;
using EventPlatform.AppHost.Infrastructure;

namespace EventPlatform.AppHost.Launcher;

/// <summary>
/// The identity service and the credentials around it: its RSA signing key and the key sealing its codes and refresh
/// tokens (only it gets them), and one client credential per service or internal system, which that caller gets as
/// Identity__ClientId/Identity__ClientSecret and the identity service as Identity__Clients__{id}. All are secret
/// parameters made once per data folder under <c>identity/</c>; set <c>Parameters:…</c> to use others.
/// </summary>
public static class ServiceIdentity
{
    public const string ResourceName = "identity";

    /// <summary>Where the <c>token</c> command finds the identity service of a running system.</summary>
    public static readonly Uri LocalUrl = new("http://127.0.0.1:5001/");

    public static IResourceBuilder<ProjectResource> AddIdentityService(
        this IDistributedApplicationBuilder builder, IResourceBuilder<PostgresDatabaseResource> database, IResourceBuilder<MailDevResource> mail)
    {
        var data = LocalData.Of(builder).Directory;
        builder.Configuration["Parameters:identity-signing-key"] ??= LocalSecrets.LoadOrCreateRsaKey(data, Path.Combine("identity", "signing-key.pem"));
        builder.Configuration["Parameters:identity-encryption-key"] ??= Convert.ToBase64String(
            Convert.FromBase64String(LocalSecrets.LoadOrCreate(data, Path.Combine("identity", "encryption-key")).Replace('-', '+').Replace('_', '/'))[..32]);
        var identity = builder.AddService<Projects.EventPlatform_Identity>(ResourceName)
            .WithReference(database).WaitFor(database)
            .WithReference(mail)
            .WithEnvironment("Identity__SigningKey", builder.AddParameter("identity-signing-key", secret: true))
            .WithEnvironment("Identity__EncryptionKey", builder.AddParameter("identity-encryption-key", secret: true))
            // Tokens for any subject, for developers and tests: never outside Development.
            .WithEnvironment("Identity__DevelopmentTokens", builder.Environment.IsDevelopment() ? "true" : "false");
        identity.WithEnvironment(context => context.EnvironmentVariables["Identity__Issuer"] = identity.GetEndpoint("http"));
        return identity;
    }

    /// <summary>The service validates tokens with the identity service's keys and calls others with its own client credential.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceIdentity(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> identity)
    {
        var secret = service.ApplicationBuilder.AddClientCredential(identity, service.Resource.Name);
        return service
            .WithEnvironment("Identity__Authority", identity.GetEndpoint("http"))
            .WithEnvironment("Identity__ClientId", service.Resource.Name)
            .WithEnvironment("Identity__ClientSecret", secret)
            .WithReference(identity);
    }

    /// <summary>A client credential for a caller the AppHost does not start (an internal system): README says how to use it.</summary>
    public static IResourceBuilder<ParameterResource> AddClientCredential(
        this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> identity, string clientId)
    {
        var name = $"identity-client-{clientId}";
        builder.Configuration[$"Parameters:{name}"] ??= ClientSecret(LocalData.Of(builder).Directory, clientId);
        var secret = builder.AddParameter(name, secret: true);
        identity.WithEnvironment($"Identity__Clients__{clientId}", secret);
        return secret;
    }

    /// <summary>The secret of a client credential in a data folder (tests call internal RPCs as a service with it).</summary>
    public static string ClientSecret(string dataDirectory, string clientId) =>
        LocalSecrets.LoadOrCreate(dataDirectory, Path.Combine("identity", "clients", clientId));

    /// <summary>Passkeys belong to the web front's site: its origin, and "localhost" as the relying party locally.</summary>
    public static IResourceBuilder<ProjectResource> WithWebFront(this IResourceBuilder<ProjectResource> identity, IResourceBuilder<ProjectResource> bff) =>
        identity.WithEnvironment("Identity__Passkeys__RelyingPartyId", "localhost").WithEnvironment(context =>
        {
            if (identity.ApplicationBuilder.Resources.Contains(bff.Resource))
            {
                var port = bff.GetEndpoint("http").Property(EndpointProperty.Port);
                context.EnvironmentVariables["Identity__Passkeys__Origins__0"] = ReferenceExpression.Create($"http://localhost:{port}");
                context.EnvironmentVariables["Identity__RedirectUris__0"] = ReferenceExpression.Create($"http://localhost:{port}/signed-in");
            }
        });
}
