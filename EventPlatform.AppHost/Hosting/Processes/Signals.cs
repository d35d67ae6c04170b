using System.Runtime.InteropServices;

namespace EventPlatform.AppHost.Hosting.Processes;

/// <summary>POSIX signals for graceful stops: .NET's Process.Kill only sends SIGKILL.</summary>
internal static partial class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>True while a process with that pid exists (signal 0 checks without signalling).</summary>
    public static bool IsAlive(int pid) => Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1; // EPERM: alive, not ours

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
