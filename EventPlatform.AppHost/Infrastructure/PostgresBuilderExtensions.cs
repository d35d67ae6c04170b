using System.Diagnostics;
using EventPlatform.AppHost.Launcher;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EventPlatform.AppHost.Infrastructure;

public static class PostgresBuilderExtensions
{
    private static readonly Prerequisites Machine = new();

    /// <summary>
    /// PostgreSQL from the machine's binaries, data in the data folder (<c>initdb</c> on first start). It refuses to
    /// run as root, so as root it runs as the <c>postgres</c> user. On a machine with a container engine, this line
    /// becomes <c>builder.AddPostgres(name, port: port)</c> (Aspire.Hosting.PostgreSQL) and nothing else changes.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, int port)
    {
        var binaries = BinaryDirectories();
        var initdb = Machine.Locate(new Prerequisite("initdb", "postgresql", binaries));
        var postgres = Machine.Locate(new Prerequisite("postgres", "postgresql", binaries));
        var data = LocalData.Of(builder);
        var server = new PostgresServerResource(name, Environment.IsPrivilegedProcess ? "setpriv" : postgres, data.For(name));

        var healthCheck = $"{name}_check";
        string? connectionString = null;
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => (connectionString ?? throw new InvalidOperationException($"{name} has no address yet.")) + ";Database=postgres;Timeout=2",
            name: healthCheck);

        var resource = builder.AddResource(server)
            .WithLocalEndpoint(PostgresServerResource.EndpointName, port, "tcp")
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheck)
            .WithArgs(context =>
            {
                if (Environment.IsPrivilegedProcess)
                {
                    // setpriv execs in place (no fork), so the process DCP watches is the server itself.
                    context.Args.Add($"--reuid={PostgresServerResource.UserName}");
                    context.Args.Add($"--regid={PostgresServerResource.UserName}");
                    context.Args.Add("--init-groups");
                    context.Args.Add("--");
                    context.Args.Add(postgres);
                }

                foreach (var argument in ServerArguments(server, data.Durable))
                {
                    context.Args.Add(argument);
                }
            })
            .OnBeforeResourceStarted((resource, started, cancellationToken) =>
                InitializeClusterAsync(resource, initdb, started.Services, cancellationToken))
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            .OnResourceReady((resource, _, cancellationToken) => CreateMissingDatabasesAsync(builder, resource, connectionString!, cancellationToken));
        builder.Eventing.Subscribe<BeforeStartEvent>((started, _) =>
        {
            FollowServer(server, started.Services);
            return Task.CompletedTask;
        });
        return resource;
    }

    /// <summary>A database of its own for one service: <c>WithReference</c> gives it <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name)
    {
        var database = new PostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);

        var healthCheck = $"{name}_check";
        string? connectionString = null;
        server.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => (connectionString ?? throw new InvalidOperationException($"{name} has no address yet.")) + ";Timeout=2",
            name: healthCheck);

        return server.ApplicationBuilder.AddResource(database)
            .WithHealthCheck(healthCheck)
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
    }

    /// <summary>One watch of the server's state, for what the AppHost does when it changes.</summary>
    private static void FollowServer(PostgresServerResource server, IServiceProvider services)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        _ = Task.Run(async () =>
        {
            string? signalled = null;
            try
            {
                await foreach (var change in notifications.WatchAsync(stopping))
                {
                    if (change.Resource != server)
                    {
                        continue;
                    }

                    await MirrorStateOnDatabasesAsync(server, change.Snapshot, notifications);
                    var pid = change.Snapshot.Properties.SingleOrDefault(p => p.Name == "executable.pid")?.Value?.ToString();
                    if (change.Snapshot.State?.Text == KnownResourceStates.Stopping && pid is not null && pid != signalled)
                    {
                        signalled = pid;
                        await ShutDownFastAsync(pid, logger, stopping);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
        }, stopping);
    }

    /// <summary>
    /// Aspire gives a container's children its state, not an executable's: the databases follow the server here, so
    /// the dashboard shows them running (and their health checks run) while it does.
    /// </summary>
    private static async Task MirrorStateOnDatabasesAsync(
        PostgresServerResource server, CustomResourceSnapshot state, ResourceNotificationService notifications)
    {
        foreach (var database in server.Databases)
        {
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = state.State,
                StartTimeStamp = state.StartTimeStamp,
                StopTimeStamp = state.StopTimeStamp,
            });
        }
    }

    /// <summary>
    /// A stop asked of Aspire (the dashboard, a restart) reaches the server as SIGTERM, which PostgreSQL takes as a smart
    /// shutdown: it waits for every client to leave, the services' pooled connections never do, and the server is killed
    /// once the stop times out — a crash, whose backends may still hold its shared memory when the next start comes and
    /// make that start fail. SIGINT, as <c>pg_ctl stop -m fast</c> sends, ends the sessions and shuts down cleanly.
    /// </summary>
    private static async Task ShutDownFastAsync(string pid, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Asking PostgreSQL (process {Pid}) for a fast shutdown.", pid);
        try
        {
            await RunAsync("kill", ["-INT", pid], logger, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            // It ended on its own meanwhile; the stop goes on as Aspire drives it.
            logger.LogWarning("PostgreSQL could not be asked for a fast shutdown: {Message}", exception.Message);
        }
    }

    private static IEnumerable<string> ServerArguments(PostgresServerResource server, bool durable)
    {
        var port = server.Annotations.OfType<EndpointAnnotation>().Single().TargetPort!.Value;
        string[] common =
        [
            "-D", server.DataDirectory, "-p", port.ToString(), "-c", $"listen_addresses={LocalPorts.Host}",
            "-c", "unix_socket_directories=", "-c", "max_connections=400", "-c", "shared_buffers=256MB",
        ];
        // Throwaway test clusters: durability across an OS crash is worth nothing there, speed is.
        string[] throwaway = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
        return durable ? common : [.. common, .. throwaway];
    }

    private static async Task InitializeClusterAsync(
        PostgresServerResource server, string initdb, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
        {
            return;
        }

        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        logger.LogInformation("Creating a new database cluster in {DataDirectory}…", server.DataDirectory);
        Directory.CreateDirectory(server.DataDirectory);
        string[] arguments = ["-D", server.DataDirectory, "-U", PostgresServerResource.UserName, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"];
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["-R", $"{PostgresServerResource.UserName}:{PostgresServerResource.UserName}", server.DataDirectory], logger, cancellationToken);
            await RunAsync("setpriv", [$"--reuid={PostgresServerResource.UserName}", $"--regid={PostgresServerResource.UserName}", "--init-groups", "--", initdb, .. arguments], logger, cancellationToken);
        }
        else
        {
            await RunAsync(initdb, arguments, logger, cancellationToken);
        }
    }

    private static async Task CreateMissingDatabasesAsync(
        IDistributedApplicationBuilder builder, PostgresServerResource server, string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        // Under --only, databases of services left out are not in the model and are not made.
        foreach (var database in server.Databases.Where(builder.Resources.Contains))
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
            {
                Parameters = { new() { Value = database.Name } },
            };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments, ILogger logger, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        foreach (var line in (output + await error).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            logger.LogInformation("{Line}", line);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {await error}");
        }
    }

    private static IReadOnlyList<string> BinaryDirectories() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin"))
                .ToList()
            : [];
}
