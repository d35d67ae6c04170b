using System.Security.Cryptography;

namespace EventPlatform.AppHost.Hosting;

/// <summary>
/// The key services check development tokens with: made once per data folder, never committed, handed to every
/// service as Identity__SigningKey.
/// </summary>
internal static class DevelopmentSigningKey
{
    public static string LoadOrCreate(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "identity", "signing-key");
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(file, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return key;
    }
}
