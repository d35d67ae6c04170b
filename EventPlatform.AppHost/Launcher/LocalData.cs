using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace EventPlatform.AppHost.Launcher;

/// <summary>
/// The folder where local resources keep their data between runs (<c>.data/</c> of the repository, ignored by git),
/// and how much durability they owe it. Tests and benchmarks point it elsewhere through configuration:
/// <c>EventPlatform:DataDirectory</c> and <c>EventPlatform:Durable</c>.
/// </summary>
public sealed class LocalData
{
    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, LocalData> PerBuilder = [];

    private LocalData(string directory, bool durable)
    {
        Directory = directory;
        Durable = durable;
    }

    public string Directory { get; }

    /// <summary>Off for throwaway data: PostgreSQL then skips fsync.</summary>
    public bool Durable { get; }

    public static string RepositoryRoot { get; } =
        typeof(LocalData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The data folder of this application, made (and with <c>--fresh</c> wiped) on first use.</summary>
    public static LocalData Of(IDistributedApplicationBuilder builder) => PerBuilder.GetValue(builder, b =>
    {
        var directory = b.Configuration["EventPlatform:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot, ".data");
        System.IO.Directory.CreateDirectory(directory);
        return new LocalData(directory, b.Configuration.GetValue("EventPlatform:Durable", defaultValue: true));
    });

    /// <summary><c>--fresh</c>: start from an empty data folder.</summary>
    public static void Wipe(IDistributedApplicationBuilder builder)
    {
        var data = Of(builder);
        Console.WriteLine($"--fresh: wiping {data.Directory}");
        System.IO.Directory.Delete(data.Directory, recursive: true);
        System.IO.Directory.CreateDirectory(data.Directory);
    }

    public string For(string resource) => Path.Combine(Directory, resource);
}
