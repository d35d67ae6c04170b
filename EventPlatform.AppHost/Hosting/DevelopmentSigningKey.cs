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
            return File.ReadAllText(file).Trim();
        }
    }
}
