using EventPlatform.AppHost.Hosting.Processes;

namespace EventPlatform.AppHost.Hosting.Resources;

/// <summary>A resource that is one child process, remembered in a pid file so a crashed AppHost's leftovers can be ended.</summary>
public abstract class ProcessResource(string name) : Resource(name)
{
    private ChildProcess? _process;

    /// <summary>The signal that asks this program for a clean, fast shutdown.</summary>
    protected virtual int StopSignal => Signals.SigTerm;

    protected virtual TimeSpan StopGrace => TimeSpan.FromSeconds(15);

    internal override IEnumerable<ChildProcess> Processes => _process is null ? [] : [_process];

    internal bool HasExited => _process?.HasExited ?? false;

    internal int? ExitCode => _process?.ExitCode;

    private protected void Launch(HostingContext context, ProcessSpec spec)
    {
        _process = ChildProcess.Start(spec, context.Log);
        context.PidFiles.Record(Name, _process.Pid);
    }

    internal override async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await _process.StopAsync(StopSignal, StopGrace);
        _process = null;
    }
}
