using System.Diagnostics;
using EventPlatform.AppHost.Hosting.Processes;

namespace EventPlatform.AppHost.Hosting.Resources;

/// <summary>
/// An SMTP sink with a web inbox (maildev from npm, installed on first start into .tools/ of the repository):
/// every email the platform sends lands there, and tests read it through its REST API.
/// </summary>
public sealed class MailDevResource(string name, int smtpPort, int webPort) : ProcessResource(name), IResourceWithConnectionString
{
    public const string Version = "3.0.0";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public ResourceEndpoint Smtp { get; } = new("smtp", smtpPort, "smtp");

    public ResourceEndpoint Web { get; } = new("http", webPort);

    public override string Kind => "SMTP sink";

    public override IEnumerable<int> Ports => [Smtp.Port, Web.Port];

    public override IEnumerable<string> Urls => [Web.Url.ToString(), Smtp.Url.ToString()];

    public string ConnectionString => $"Endpoint=smtp://127.0.0.1:{Smtp.Port}";

    internal override void AllocatePorts(HostingContext context)
    {
        Smtp.Allocate(context);
        Web.Allocate(context);
    }

    internal override async Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        var node = await context.Prerequisites.LocateAsync(Prerequisite.OnPath("node", "nodejs"), cancellationToken);
        var script = await EnsureInstalledAsync(context, cancellationToken);
        Launch(context, new ProcessSpec(Name, node,
        [
            script, "--smtp", Smtp.Port.ToString(), "--ip", "127.0.0.1", "--web", Web.Port.ToString(), "--web-ip", "127.0.0.1",
        ], Path.GetDirectoryName(script)!, new Dictionary<string, string?>()));
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(Web.Url, "api/healthz"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<string> EnsureInstalledAsync(HostingContext context, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(context.Options.RepositoryRoot, ".tools", $"maildev-{Version}");
        var script = Path.Combine(folder, "node_modules", ".bin", "maildev");
        if (File.Exists(script))
        {
            return script;
        }

        var npm = await context.Prerequisites.LocateAsync(Prerequisite.OnPath("npm", "npm"), cancellationToken);
        Directory.CreateDirectory(folder);
        // Several test fixtures may start at once: one installs, the others wait on the lock.
        await using var gate = await AcquireLockAsync(Path.Combine(folder, ".install.lock"), cancellationToken);
        if (File.Exists(script))
        {
            return script;
        }

        context.Options.Progress($"Installing maildev {Version} from npm into {folder} (first start only)…");
        await File.WriteAllTextAsync(Path.Combine(folder, "package.json"),
            $$"""{ "private": true, "dependencies": { "maildev": "{{Version}}" } }""", cancellationToken);
        var info = new ProcessStartInfo(npm) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            info.ArgumentList.Add(argument);
        }

        using var install = Process.Start(info)!;
        var error = install.StandardError.ReadToEndAsync(cancellationToken);
        await install.StandardOutput.ReadToEndAsync(cancellationToken);
        await install.WaitForExitAsync(cancellationToken);
        if (install.ExitCode != 0 || !File.Exists(script))
        {
            throw new InvalidOperationException($"npm could not install maildev {Version}: {await error}");
        }

        return script;
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }
}
