using EventPlatform.AppHost.Hosting;
using EventPlatform.AppHost.Testing;

namespace EventPlatform.Tests.Skeleton;

public sealed class LifecycleTests
{
    [Fact]
    public async Task After_disposal_no_child_process_remains_and_every_port_is_free()
    {
        var app = await DistributedApplicationTestingBuilder.StartAsync(o => o.Only = new HashSet<string> { "payment", "mail" });
        var pids = app.ProcessIds;
        var ports = app.Resources.SelectMany(r => r.Ports).ToList();
        pids.Count.ShouldBeGreaterThanOrEqualTo(4); // postgres, redis, mail sink, payment
        var dataDirectory = app.Options.DataDirectory;

        await app.DisposeAsync();

        pids.Where(pid => Directory.Exists($"/proc/{pid}")).ShouldBeEmpty();
        ports.Where(port => !Ports.IsFree(port)).ShouldBeEmpty();
        Directory.Exists(dataDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task A_missing_prerequisite_stops_with_one_line_naming_it_and_how_to_install_it()
    {
        var prerequisites = new Prerequisites(installMissing: false, progress: _ => { }) { PathVariable = "/nonexistent" };

        var failure = await Should.ThrowAsync<MissingPrerequisiteException>(
            prerequisites.LocateAsync(Prerequisite.OnPath("redis-server", "redis-server"), CancellationToken.None));

        failure.Message.ShouldBe("Missing prerequisite: redis-server was not found. Install it with: sudo apt-get install -y redis-server");
        failure.Message.ShouldNotContain('\n');
    }

    [Fact]
    public async Task Services_starting_in_parallel_all_get_the_same_signing_key()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "eventplatform-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => DevelopmentSigningKey.LoadOrCreate(dataDirectory))));

            keys.Distinct().ShouldHaveSingleItem().Length.ShouldBeGreaterThanOrEqualTo(32);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void Only_starts_the_named_resources_and_what_they_reference()
    {
        var app = DistributedApplicationTestingBuilder.Create(o => o.Only = new HashSet<string> { "payment" });

        app.Resources.Select(r => r.Name).ShouldBe(["telemetry", "postgres", "paymentdb", "redis", "payment"], ignoreOrder: true);
    }
}
