using EventPlatform.ServiceDefaults.Identity;

namespace EventPlatform.AppHost.Hosting;

public sealed record TokenRequest(string Subject, IReadOnlyList<CallerRole> Roles)
{
    internal static TokenRequest FromArguments(IReadOnlyList<string> args)
    {
        string? subject = null;
        var roles = new List<CallerRole>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--subject":
                    subject = args[i + 1];
                    break;
                case "--role" when Enum.TryParse<CallerRole>(args[i + 1], ignoreCase: true, out var role):
                    roles.Add(role);
                    break;
                default:
                    throw new ArgumentException($"token: unexpected '{args[i]} {args[i + 1]}'. Use: token --subject alice --role organizer|attendee|admin");
            }
        }

        return new TokenRequest(subject ?? throw new ArgumentException("token: --subject is required."), roles);
    }
}
