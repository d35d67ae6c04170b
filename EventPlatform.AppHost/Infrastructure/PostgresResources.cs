namespace EventPlatform.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL from the machine's own binaries, as an executable: what <c>AddPostgres</c> is on a machine with a
/// container engine. Its connection string has the shape of Aspire's PostgreSQL integration.
/// </summary>
public sealed class PostgresServerResource(string name, string command, string dataDirectory)
    : ExecutableResource(name, command, workingDirectory: "/"), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    /// <summary>The superuser every service connects as: trust authentication, on 127.0.0.1 only.</summary>
    public const string UserName = "postgres";

    public string DataDirectory { get; } = dataDirectory;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName}");

    internal List<PostgresDatabaseResource> Databases { get; } = [];
}

/// <summary>One service's database on the server, created when missing once the server is ready.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource parent)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString
{
    public PostgresServerResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={Name}");
}
