using EventPlatform.AppHost.Hosting.Processes;

namespace EventPlatform.AppHost.Hosting.Resources;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Healthy,
    Failed,
    Exited,
    Stopped,

    /// <summary>Left out with --except: the developer runs it by hand on its usual ports.</summary>
    External,
}

/// <summary>Something the AppHost starts, checks and stops: infrastructure or one of our services.</summary>
public abstract class Resource(string name)
{
    private readonly List<Resource> _waitsFor = [];

    public string Name { get; } = name;

    public abstract string Kind { get; }

    public ResourceState State { get; internal set; } = ResourceState.NotStarted;

    /// <summary>Why it failed, for the table and the error message.</summary>
    public string? Failure { get; internal set; }

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    /// <summary>Resources this one uses (connection strings, endpoints): kept when a subset is started.</summary>
    public virtual IEnumerable<Resource> References => WaitsFor;

    /// <summary>The local ports this resource listens on.</summary>
    public virtual IEnumerable<int> Ports => [];

    /// <summary>Addresses a person opens, first the most useful.</summary>
    public virtual IEnumerable<string> Urls => [];

    internal virtual IEnumerable<ChildProcess> Processes => [];

    internal void AddWaitFor(Resource resource)
    {
        if (!_waitsFor.Contains(resource))
        {
            _waitsFor.Add(resource);
        }
    }

    internal virtual void AllocatePorts(HostingContext context)
    {
    }

    internal abstract Task StartAsync(HostingContext context, CancellationToken cancellationToken);

    internal abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    internal virtual Task StopAsync() => Task.CompletedTask;

    public override string ToString() => Name;
}

/// <summary>A resource other resources reach through ConnectionStrings__{name}.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    string ConnectionString { get; }
}

/// <summary>A named network endpoint; the declared port is used as is, or replaced by a free one under test.</summary>
public sealed class ResourceEndpoint(string name, int declaredPort, string scheme = "http")
{
    public string Name { get; } = name;

    public int DeclaredPort { get; } = declaredPort;

    public string Scheme { get; } = scheme;

    public int Port { get; internal set; } = declaredPort;

    public Uri Url => new($"{Scheme}://127.0.0.1:{Port}");

    internal void Allocate(HostingContext context) => Port = context.Options.RandomPorts ? Ports.Free() : DeclaredPort;
}
