using System.Diagnostics;

namespace EventPlatform.AppHost.Hosting;

/// <summary>A program a resource needs from the machine, and the Debian package that provides it.</summary>
public sealed record Prerequisite(string Program, string DebianPackage, IReadOnlyList<string> SearchDirectories)
{
    public static Prerequisite OnPath(string program, string debianPackage) => new(program, debianPackage, []);
}

public sealed class MissingPrerequisiteException(Prerequisite prerequisite)
    : Exception($"Missing prerequisite: {prerequisite.Program} was not found. Install it with: sudo apt-get install -y {prerequisite.DebianPackage}")
{
    public Prerequisite Prerequisite { get; } = prerequisite;
}

/// <summary>
/// Finds the programs the resources need. As root with apt-get available (a fresh CI or developer machine), a
/// missing one is installed; otherwise the AppHost stops with one line naming it and how to install it.
/// </summary>
public sealed class Prerequisites(bool installMissing, Action<string> progress)
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public string? PathVariable { get; init; } = Environment.GetEnvironmentVariable("PATH");

    public async Task<string> LocateAsync(Prerequisite prerequisite, CancellationToken cancellationToken)
    {
        if (Find(prerequisite) is { } found)
        {
            return found;
        }

        if (!installMissing || !Environment.IsPrivilegedProcess || Find(Prerequisite.OnPath("apt-get", "apt")) is null)
        {
            throw new MissingPrerequisiteException(prerequisite);
        }

        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (Find(prerequisite) is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            progress($"{prerequisite.Program} is missing: installing the Debian package {prerequisite.DebianPackage}…");
            if (await AptGetAsync(["install", "-y", "-q", prerequisite.DebianPackage], cancellationToken) != 0)
            {
                progress("Refreshing the package lists (apt-get update)…");
                await AptGetAsync(["update", "-q"], cancellationToken);
                await AptGetAsync(["install", "-y", "-q", prerequisite.DebianPackage], cancellationToken);
            }

            return Find(prerequisite) ?? throw new MissingPrerequisiteException(prerequisite);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    public string? Find(Prerequisite prerequisite)
    {
        var directories = prerequisite.SearchDirectories.Concat((PathVariable ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return directories.Select(d => Path.Combine(d, prerequisite.Program)).FirstOrDefault(File.Exists);
    }

    private static async Task<int> AptGetAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("apt-get") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(output, error);
        return process.ExitCode;
    }
}
