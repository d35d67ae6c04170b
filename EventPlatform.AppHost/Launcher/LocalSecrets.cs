using System.Security.Cryptography;

namespace EventPlatform.AppHost.Launcher;

/// <summary>
/// Secrets of the local system (the development token key, the Stripe sandbox's keys): made once per data folder,
/// readable by the owner only, never committed. Of two launchers on one data folder, one writes and the other reads.
/// </summary>
public static class LocalSecrets
{
    /// <param name="relativePath">Under the data folder, e.g. <c>identity/signing-key</c>.</param>
    /// <param name="prefix">Prepended to the random part, e.g. <c>sk_test_</c>.</param>
    public static string LoadOrCreate(string dataDirectory, string relativePath, string prefix = "")
    {
        var secret = prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_');
        return LoadOrCreate(dataDirectory, relativePath, secret, read => read.Length >= secret.Length);
    }

    /// <summary>An RSA private key in PEM (PKCS#8), made once per data folder.</summary>
    public static string LoadOrCreateRsaKey(string dataDirectory, string relativePath)
    {
        using var rsa = RSA.Create(2048);
        return LoadOrCreate(dataDirectory, relativePath, rsa.ExportPkcs8PrivateKeyPem(), read => read.EndsWith("-----END PRIVATE KEY-----", StringComparison.Ordinal));
    }

    private static string LoadOrCreate(string dataDirectory, string relativePath, string secret, Func<string, bool> isComplete)
    {
        var file = Path.Combine(dataDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            using var created = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            using var writer = new StreamWriter(created);
            writer.Write(secret);
            return secret;
        }
        catch (IOException) when (File.Exists(file))
        {
            return ReadWhenWritten(file, isComplete);
        }
    }

    private static string ReadWhenWritten(string file, Func<string, bool> isComplete)
    {
        // The writer may not have flushed yet.
        for (var attempt = 0; ; attempt++)
        {
            var secret = File.ReadAllText(file).Trim();
            if (isComplete(secret) || attempt == 50)
            {
                return secret;
            }

            Thread.Sleep(20);
        }
    }
}
