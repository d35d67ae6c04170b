using System.Diagnostics;

namespace EventPlatform.AppHost.Launcher;

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
/// Finds the programs the local resources need, while the AppHost declares them. As root with apt-get available (a
/// fresh CI or developer machine), a missing one is installed; otherwise the AppHost stops with one line naming it.
/// </summary>
public sealed class Prerequisites(bool installMissing = true)
{
    private static readonly Lock InstallGate = new();

    public string? PathVariable { get; init; } = Environment.GetEnvironmentVariable("PATH");

    public string Locate(Prerequisite prerequisite)
    {
        if (Find(prerequisite) is { } found)
        {
            return found;
        }

        if (!installMissing || !Environment.IsPrivilegedProcess || Find(Prerequisite.OnPath("apt-get", "apt")) is null)
        {
            throw new MissingPrerequisiteException(prerequisite);
        }

        lock (InstallGate)
        {
            if (Find(prerequisite) is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            Console.WriteLine($"{prerequisite.Program} is missing: installing the Debian package {prerequisite.DebianPackage}…");
            if (AptGet("install", "-y", "-q", prerequisite.DebianPackage) != 0)
            {
                Console.WriteLine("Refreshing the package lists (apt-get update)…");
                AptGet("update", "-q");
                AptGet("install", "-y", "-q", prerequisite.DebianPackage);
            }

            return Find(prerequisite) ?? throw new MissingPrerequisiteException(prerequisite);
        }
    }

    public string? Find(Prerequisite prerequisite)
    {
        var directories = prerequisite.SearchDirectories.Concat((PathVariable ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return directories.Select(d => Path.Combine(d, prerequisite.Program)).FirstOrDefault(File.Exists);
    }

    private static int AptGet(params string[] arguments)
    {
        var info = new ProcessStartInfo("apt-get") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        error.Wait();
        return process.ExitCode;
    }
}
