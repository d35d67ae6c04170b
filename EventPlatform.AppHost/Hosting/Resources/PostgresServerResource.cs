using EventPlatform.AppHost.Hosting.Processes;
using Npgsql;

namespace EventPlatform.AppHost.Hosting.Resources;

/// <summary>
/// PostgreSQL from the machine's own binaries: initdb on first start into the data folder, then the server in the
/// foreground as a child. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
/// </summary>
public sealed class PostgresServerResource(string name, int port) : ProcessResource(name)
{
    private const string SystemUser = "postgres";

    private readonly List<PostgresDatabaseResource> _databases = [];

    public ResourceEndpoint Endpoint { get; } = new("tcp", port, "tcp");

    public override string Kind => "PostgreSQL";

    public override IEnumerable<int> Ports => [Endpoint.Port];

    public override IEnumerable<string> Urls => [$"127.0.0.1:{Endpoint.Port}"];

    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    protected override int StopSignal => Signals.SigInt; // "fast" shutdown: roll back, checkpoint, exit

    internal PostgresDatabaseResource AddDatabase(string databaseName)
    {
        var database = new PostgresDatabaseResource(databaseName, this);
        _databases.Add(database);
        return database;
    }

    internal string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Endpoint.Port};Username=postgres;Database={database}";

    internal override void AllocatePorts(HostingContext context) => Endpoint.Allocate(context);

    internal override async Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        var binaries = BinaryDirectories();
        var initdb = await context.Prerequisites.LocateAsync(new Prerequisite("initdb", "postgresql", binaries), cancellationToken);
        var postgres = await context.Prerequisites.LocateAsync(new Prerequisite("postgres", "postgresql", binaries), cancellationToken);
        var dataDirectory = context.DataDirectoryOf(Name);

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            context.Options.Progress($"{Name}: creating a new database cluster in {dataDirectory}…");
            Directory.CreateDirectory(dataDirectory);
            await GiveToSystemUserAsync(dataDirectory, cancellationToken);
            var exitCode = await RunToEndAsync(context, AsSystemUser(initdb,
                ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]), cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"{Name}: initdb failed with exit code {exitCode}.");
            }
        }

        List<string> settings =
        [
            "-D", dataDirectory, "-p", Endpoint.Port.ToString(), "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=", "-c", "max_connections=400", "-c", "shared_buffers=256MB",
        ];
        if (!context.Options.Durable)
        {
            // Throwaway test clusters: durability across an OS crash is worth nothing, speed is.
            settings.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        var (file, arguments) = AsSystemUser(postgres, settings);
        Launch(context, new ProcessSpec(Name, file, arguments, dataDirectory, new Dictionary<string, string?>()));
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false;Timeout=2");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static IReadOnlyList<string> BinaryDirectories() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin"))
                .ToList()
            : [];

    private static (string File, IReadOnlyList<string> Arguments) AsSystemUser(string program, IReadOnlyList<string> arguments) =>
        Environment.IsPrivilegedProcess
            // setpriv execs in place (no fork), so the pid we hold is the server's own.
            ? ("setpriv", [$"--reuid={SystemUser}", $"--regid={SystemUser}", "--init-groups", "--", program, .. arguments])
            : (program, arguments);

    private static async Task GiveToSystemUserAsync(string directory, CancellationToken cancellationToken)
    {
        if (Environment.IsPrivilegedProcess)
        {
            using var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{SystemUser}:{SystemUser}", directory]);
            await chown.WaitForExitAsync(cancellationToken);
        }
    }

    private async Task<int> RunToEndAsync(HostingContext context, (string File, IReadOnlyList<string> Arguments) command, CancellationToken cancellationToken)
    {
        var process = ChildProcess.Start(
            new ProcessSpec(Name, command.File, command.Arguments, "/", new Dictionary<string, string?>()), context.Log);
        await process.Exited.WaitAsync(cancellationToken);
        await process.StopAsync(Signals.SigTerm, TimeSpan.Zero);
        return process.ExitCode ?? -1;
    }
}

/// <summary>One service's database on the PostgreSQL server, created when missing.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource server) : Resource(name), IResourceWithConnectionString
{
    public PostgresServerResource Server { get; } = server;

    public override string Kind => "Database";

    public string ConnectionString => Server.ConnectionStringFor(Name);

    public override IEnumerable<Resource> References => [Server, .. WaitsFor];

    internal override async Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = Name } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=2");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
