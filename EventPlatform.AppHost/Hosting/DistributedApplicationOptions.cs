using System.Reflection;

namespace EventPlatform.AppHost.Hosting;

public sealed class DistributedApplicationOptions
{
    public string RepositoryRoot { get; set; } = AssemblyMetadata("RepositoryRoot");

    /// <summary>The build configuration whose outputs are started (the AppHost's own).</summary>
    public string Configuration { get; set; } = AssemblyMetadata("Configuration");

    /// <summary>Where resources keep their data between runs (ignored by git).</summary>
    public string DataDirectory { get; set; } = Path.Combine(AssemblyMetadata("RepositoryRoot"), ".data");

    /// <summary>Wipe the data folder before starting (--fresh).</summary>
    public bool Fresh { get; set; }

    /// <summary>Free ports instead of the declared ones, so tests run beside a running AppHost and each other.</summary>
    public bool RandomPorts { get; set; }

    /// <summary>Off for throwaway test data: PostgreSQL skips fsync.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>Start only these resources and what they depend on (null: all).</summary>
    public ISet<string>? Only { get; set; }

    /// <summary>Resources not started: the developer runs them by hand on their declared ports (--except).</summary>
    public ISet<string> Except { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Install missing machine prerequisites with apt-get when running as root.</summary>
    public bool InstallMissingPrerequisites { get; set; } = true;

    /// <summary>Print the resource table and progress to the console.</summary>
    public bool Interactive { get; set; } = true;

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(3);

    public IResourceLog? Log { get; set; }

    public Action<string> Progress { get; set; } = Console.WriteLine;

    /// <summary>With `token --subject S --role R`: print a development token instead of starting anything.</summary>
    public TokenRequest? Token { get; set; }

    internal static DistributedApplicationOptions FromArguments(string[] args)
    {
        var options = new DistributedApplicationOptions();
        if (args is ["token", .. var tokenArguments])
        {
            options.Token = TokenRequest.FromArguments(tokenArguments);
            return options;
        }

        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--fresh":
                    options.Fresh = true;
                    break;
                case "--except" when i + 1 < args.Length:
                    options.Except = Names(args[++i]);
                    break;
                case "--only" when i + 1 < args.Length:
                    options.Only = Names(args[++i]);
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown argument '{args[i]}'. Use --fresh (wipe data), --only a,b (start these and what they need), " +
                        "--except a,b (run those yourself), or: token --subject alice --role organizer (print a development token).");
            }
        }

        return options;
    }

    private static HashSet<string> Names(string list) =>
        new(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);

    private static string AssemblyMetadata(string key) =>
        typeof(DistributedApplicationOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value!;
}
