using System.Diagnostics;

namespace EventPlatform.AppHost.Hosting.Processes;

/// <summary>
/// A process the AppHost started: its output goes line by line to the log under the resource's name, and it is
/// stopped with a signal first (so servers shut down cleanly) and killed only if it does not stop in time.
/// </summary>
internal sealed class ChildProcess
{
    private readonly Process _process;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    public int Pid { get; private set; }

    public bool HasExited => _exited.Task.IsCompleted;

    public Task Exited => _exited.Task;

    public int? ExitCode { get; private set; }

    public static ChildProcess Start(ProcessSpec spec, IResourceLog log)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Write(spec.ResourceName, e.Data, isError: false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Write(spec.ResourceName, e.Data, isError: true); };
        process.Exited += (_, _) =>
        {
            child.ExitCode = process.ExitCode;
            child._exited.TrySetResult();
        };
        if (!process.Start())
        {
            throw new InvalidOperationException($"{spec.ResourceName}: could not start {spec.FileName}.");
        }

        child.Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Children never read the console: a closed stdin keeps them from waiting on it.
        process.StandardInput.Close();
        return child;
    }

    /// <summary>Sends the stop signal, waits up to the grace period, then kills the whole process tree.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (HasExited)
        {
            return;
        }

        Signals.Send(Pid, signal);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
            }

            await Exited.WaitAsync(TimeSpan.FromSeconds(10));
        }

        // Drain redirected output so the last lines reach the log and the process is reaped.
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

internal sealed record ProcessSpec(
    string ResourceName,
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment);
