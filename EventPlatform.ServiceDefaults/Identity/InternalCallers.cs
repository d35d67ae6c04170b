namespace EventPlatform.ServiceDefaults.Identity;

/// <summary>
/// Who may call each internal RPC of a service: the explicit table its internal RPCs are checked against. An RPC of an
/// <c>…InternalService</c> missing from the table answers nobody.
/// </summary>
public sealed class InternalCallers
{
    private readonly Dictionary<string, HashSet<string>> _allowed = new(StringComparer.Ordinal);

    /// <param name="method">The RPC's name in its internal service, e.g. <c>ListConfirmedAttendees</c>.</param>
    /// <param name="services">The client ids of the services (or internal systems) that may call it.</param>
    public InternalCallers Allow(string method, params string[] services)
    {
        _allowed[method] = new HashSet<string>(services, StringComparer.Ordinal);
        return this;
    }

    public bool MayCall(string method, string? service) =>
        service is not null && _allowed.TryGetValue(method, out var allowed) && allowed.Contains(service);
}
