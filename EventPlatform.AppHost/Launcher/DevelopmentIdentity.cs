using EventPlatform.ServiceDefaults.Identity;

namespace EventPlatform.AppHost.Launcher;

/// <summary>
/// The key services check development tokens with: made once per data folder (<c>identity/signing-key</c>), never
/// committed, handed to every service as the secret parameter <c>identity-signing-key</c>.
/// </summary>
public static class DevelopmentIdentity
{
    public const string ParameterName = "identity-signing-key";

    public static string LoadOrCreateKey(string dataDirectory) => LocalSecrets.LoadOrCreate(dataDirectory, Path.Combine("identity", "signing-key"));

    /// <summary>A token the services accept, for the person and roles asked (the <c>token</c> command, tests).</summary>
    public static string CreateToken(string dataDirectory, string subject, IEnumerable<CallerRole> roles) =>
        DevelopmentTokens.Create(LoadOrCreateKey(dataDirectory), subject, roles);

    /// <summary>The secret parameter every service gets as <c>Identity__SigningKey</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddDevelopmentSigningKey(this IDistributedApplicationBuilder builder)
    {
        builder.Configuration[$"Parameters:{ParameterName}"] = LoadOrCreateKey(LocalData.Of(builder).Directory);
        return builder.AddParameter(ParameterName, secret: true);
    }
}
