using System.Diagnostics;
using EventPlatform.AppHost.Launcher;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventPlatform.AppHost.Infrastructure;

/// <summary>
/// An SMTP sink with a web inbox (maildev from npm): every email the platform sends lands there, and tests read it
/// through its REST API (<c>/api/email</c>). Connection string in the shape of Aspire's MailKit integration.
/// </summary>
public sealed class MailDevResource(string name, string command, string installDirectory)
    : ExecutableResource(name, command, workingDirectory: installDirectory), IResourceWithConnectionString
{
    public const string Version = "3.0.0";
    public const string SmtpEndpointName = "smtp";
    public const string HttpEndpointName = "http";

    public string InstallDirectory { get; } = installDirectory;

    public string Script => Path.Combine(InstallDirectory, "node_modules", ".bin", "maildev");

    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=smtp://{SmtpEndpoint.Property(EndpointProperty.Host)}:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}

public static class MailDevBuilderExtensions
{
    /// <summary>The mail sink; maildev is installed from npm into <c>.tools/</c> of the repository on first start.</summary>
    public static IResourceBuilder<MailDevResource> AddMailDev(this IDistributedApplicationBuilder builder, string name, int smtpPort, int webPort)
    {
        var machine = new Prerequisites();
        var node = machine.Locate(Prerequisite.OnPath("node", "nodejs"));
        var npm = machine.Locate(Prerequisite.OnPath("npm", "npm"));
        var mail = new MailDevResource(name, node, Path.Combine(LocalData.RepositoryRoot, ".tools", $"maildev-{MailDevResource.Version}"));

        return builder.AddResource(mail)
            .WithLocalEndpoint(MailDevResource.SmtpEndpointName, smtpPort, "smtp")
            .WithLocalEndpoint(MailDevResource.HttpEndpointName, webPort, "http")
            .WithIconName("Mail")
            .WithHttpHealthCheck("/api/healthz", endpointName: MailDevResource.HttpEndpointName)
            .WithArgs(context =>
            {
                var endpoints = mail.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name);
                foreach (var argument in new[]
                {
                    mail.Script,
                    "--smtp", endpoints[MailDevResource.SmtpEndpointName].TargetPort!.Value.ToString(), "--ip", LocalPorts.Host,
                    "--web", endpoints[MailDevResource.HttpEndpointName].TargetPort!.Value.ToString(), "--web-ip", LocalPorts.Host,
                })
                {
                    context.Args.Add(argument);
                }
            })
            .OnBeforeResourceStarted((resource, started, cancellationToken) =>
                EnsureInstalledAsync(resource, npm, started.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource), cancellationToken));
    }

    private static async Task EnsureInstalledAsync(MailDevResource mail, string npm, ILogger logger, CancellationToken cancellationToken)
    {
        if (File.Exists(mail.Script))
        {
            return;
        }

        Directory.CreateDirectory(mail.InstallDirectory);
        // Several test applications may start at once: one installs, the others wait on the lock, then find it there.
        await using var gate = await AcquireLockAsync(Path.Combine(mail.InstallDirectory, ".install.lock"), cancellationToken);
        if (File.Exists(mail.Script))
        {
            return;
        }

        logger.LogInformation("Installing maildev {Version} from npm into {Folder} (first start only)…", MailDevResource.Version, mail.InstallDirectory);
        await File.WriteAllTextAsync(Path.Combine(mail.InstallDirectory, "package.json"),
            $$"""{ "private": true, "dependencies": { "maildev": "{{MailDevResource.Version}}" } }""", cancellationToken);
        var info = new ProcessStartInfo(npm) { WorkingDirectory = mail.InstallDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            info.ArgumentList.Add(argument);
        }

        using var install = Process.Start(info)!;
        var error = install.StandardError.ReadToEndAsync(cancellationToken);
        await install.StandardOutput.ReadToEndAsync(cancellationToken);
        await install.WaitForExitAsync(cancellationToken);
        if (install.ExitCode != 0 || !File.Exists(mail.Script))
        {
            throw new InvalidOperationException($"npm could not install maildev {MailDevResource.Version}: {await error}");
        }
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
