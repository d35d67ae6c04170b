using EventPlatform.ServiceDefaults.Identity;

namespace EventPlatform.AppHost.Launcher;

/// <summary>
/// Our own words on the command line, taken out before the rest goes to Aspire's builder as configuration:
/// <c>--fresh</c>, <c>--only a,b</c>, <c>--except a,b</c>, and the <c>token</c> command.
/// </summary>
public sealed record LaunchArguments
{
    /// <summary>Wipe the data folder before starting.</summary>
    public bool Fresh { get; init; }

    /// <summary>Start only these resources and what they need (empty: all).</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>Declared but not started: the developer runs them (their ports stay theirs).</summary>
    public IReadOnlySet<string> Except { get; init; } = new HashSet<string>();

    /// <summary>With <c>token --subject S --role R</c>: print a development token instead of starting anything.</summary>
    public TokenRequest? Token { get; init; }

    /// <summary>What Aspire reads (configuration such as <c>--EventPlatform:DataDirectory=…</c>).</summary>
    public string[] Remaining { get; init; } = [];

    public static LaunchArguments Parse(string[] args)
    {
        if (args is ["token", .. var tokenArguments])
        {
            return new LaunchArguments { Token = TokenRequest.Parse(tokenArguments) };
        }

        var parsed = new LaunchArguments();
        var remaining = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            parsed = args[i] switch
            {
                "--fresh" => parsed with { Fresh = true },
                "--only" when i + 1 < args.Length => parsed with { Only = Names(args[++i]) },
                "--except" when i + 1 < args.Length => parsed with { Except = Names(args[++i]) },
                "--only" or "--except" => throw new ArgumentException($"{args[i]} needs a list of resource names, e.g. {args[i]} catalog,bff"),
                _ => Keep(parsed, remaining, args[i]),
            };
        }

        return parsed with { Remaining = [.. remaining] };
    }

    private static LaunchArguments Keep(LaunchArguments parsed, List<string> remaining, string argument)
    {
        remaining.Add(argument);
        return parsed;
    }

    private static HashSet<string> Names(string list) =>
        new(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
}

public sealed record TokenRequest(string Subject, IReadOnlyList<CallerRole> Roles)
{
    private const string Usage = "Use: token --subject alice --role organizer|attendee|admin";

    public static TokenRequest Parse(IReadOnlyList<string> args)
    {
        string? subject = null;
        var roles = new List<CallerRole>();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"token: '{args[i]}' needs a value. {Usage}");
            switch (args[i])
            {
                case "--subject":
                    subject = value;
                    break;
                case "--role" when Enum.TryParse<CallerRole>(value, ignoreCase: true, out var role):
                    roles.Add(role);
                    break;
                default:
                    throw new ArgumentException($"token: unexpected '{args[i]} {value}'. {Usage}");
            }
        }

        return new TokenRequest(subject ?? throw new ArgumentException($"token: --subject is required. {Usage}"), roles);
    }
}
