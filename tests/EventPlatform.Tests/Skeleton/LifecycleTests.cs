using Aspire.Hosting.Testing;
using Aspire.Hosting.ApplicationModel;
using EventPlatform.AppHost.Launcher;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Tests.Skeleton;

public sealed class LifecycleTests
{
    [Fact]
    public async Task After_disposal_no_child_process_remains_and_every_port_is_free()
    {
        var app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["payment", "mail"] });
        var pids = app.ProcessIds();
        var ports = app.Ports();
        pids.Count.ShouldBeGreaterThanOrEqualTo(4); // postgres, redis, mail sink, payment
        ports.Count.ShouldBeGreaterThanOrEqualTo(6);
        var dataDirectory = app.DataDirectory;

        await app.DisposeAsync();

        pids.Where(pid => Directory.Exists($"/proc/{pid}")).ShouldBeEmpty();
        ports.Where(port => !LocalPorts.IsFree(port)).ShouldBeEmpty();
        Directory.Exists(dataDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task Stopping_postgres_while_a_client_is_connected_shuts_it_down_cleanly()
    {
        await using var app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["payment"] });
        await using var client = new Npgsql.NpgsqlConnection(app.GetConnectionString("paymentdb"));
        await client.OpenAsync();

        await app.RestartAsync("postgres");

        // A smart shutdown would wait for this client until the stop timed out and killed the server: crash recovery.
        var log = new List<string>();
        await foreach (var batch in app.App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(app.Resources.Single(r => r.Name == "postgres")))
        {
            log.AddRange(batch.Select(line => line.Content));
        }

        log.ShouldContain(line => line.Contains("database system was shut down at", StringComparison.Ordinal));
        log.ShouldNotContain(line => line.Contains("not properly shut down", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_prerequisite_stops_with_one_line_naming_it_and_how_to_install_it()
    {
        var prerequisites = new Prerequisites(installMissing: false) { PathVariable = "/nonexistent" };

        var failure = Should.Throw<MissingPrerequisiteException>(() => prerequisites.Locate(Prerequisite.OnPath("redis-server", "redis-server")));

        failure.Message.ShouldBe("Missing prerequisite: redis-server was not found. Install it with: sudo apt-get install -y redis-server");
        failure.Message.ShouldNotContain('\n');
    }

    [Fact]
    public async Task Launchers_starting_in_parallel_all_get_the_same_signing_key()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "eventplatform-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => LocalSecrets.LoadOrCreateRsaKey(dataDirectory, "signing-key.pem"))));

            using var rsa = System.Security.Cryptography.RSA.Create();
            rsa.ImportFromPem(keys.Distinct().ShouldHaveSingleItem());
            rsa.KeySize.ShouldBe(2048);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Only_starts_the_named_resources_and_what_they_reference()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.EventPlatform_AppHost>(
            ["--only", "payment", $"--EventPlatform:DataDirectory={Path.Combine(Path.GetTempPath(), "eventplatform-only-" + Guid.NewGuid().ToString("N"))}"]);

        builder.Resources.Where(r => r is not Aspire.Hosting.ApplicationModel.ParameterResource).Select(r => r.Name)
            .ShouldBe(["postgres", "paymentdb", "redis", "stripe-sandbox", "payment", "identity", "identitydb", "mail"], ignoreOrder: true);
    }

    [Fact]
    public async Task Except_declares_a_service_without_starting_it_and_nobody_waits_for_it()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.EventPlatform_AppHost>(
            ["--except", "catalog", $"--EventPlatform:DataDirectory={Path.Combine(Path.GetTempPath(), "eventplatform-except-" + Guid.NewGuid().ToString("N"))}"]);

        var catalog = builder.Resources.Single(r => r.Name == "catalog");
        catalog.Annotations.OfType<Aspire.Hosting.ApplicationModel.ExplicitStartupAnnotation>().ShouldNotBeEmpty();
        builder.Resources.SelectMany(r => r.Annotations.OfType<Aspire.Hosting.ApplicationModel.WaitAnnotation>())
            .Where(w => w.Resource == catalog).ShouldBeEmpty();
    }
}
