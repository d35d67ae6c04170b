using System.Security.Cryptography;
using EventPlatform.ServiceDefaults.Identity;

namespace EventPlatform.AppHost.Launcher;

/// <summary>
/// The key services check development tokens with: made once per data folder (<c>identity/signing-key</c>), never
/// committed, handed to every service as the secret parameter <c>identity-signing-key</c>.
/// </summary>
public static class DevelopmentIdentity
{
    public const string ParameterName = "identity-signing-key";

    public static string LoadOrCreateKey(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "identity", "signing-key");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            // CreateNew: of two launchers on one data folder, one writes the key and the other reads it.
            using var created = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            using var writer = new StreamWriter(created);
            writer.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            return ReadWhenWritten(file);
        }
    }

    /// <summary>A token the services accept, for the person and roles asked (the <c>token</c> command, tests).</summary>
    public static string CreateToken(string dataDirectory, string subject, IEnumerable<CallerRole> roles) =>
        DevelopmentTokens.Create(LoadOrCreateKey(dataDirectory), subject, roles);

    /// <summary>The secret parameter every service gets as <c>Identity__SigningKey</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddDevelopmentSigningKey(this IDistributedApplicationBuilder builder)
    {
        builder.Configuration[$"Parameters:{ParameterName}"] = LoadOrCreateKey(LocalData.Of(builder).Directory);
        return builder.AddParameter(ParameterName, secret: true);
    }

    private static string ReadWhenWritten(string file)
    {
        // The writer may not have flushed yet: a key is never shorter than 64 characters.
        for (var attempt = 0; ; attempt++)
        {
            var key = File.ReadAllText(file).Trim();
            if (key.Length >= 64 || attempt == 50)
            {
                return key;
            }

            Thread.Sleep(20);
        }
    }
}
