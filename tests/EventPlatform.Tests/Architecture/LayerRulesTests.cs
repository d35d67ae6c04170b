using System.Reflection;
using System.Xml.Linq;
using EventPlatform.AppHost.Launcher;
using NetArchTest.Rules;

namespace EventPlatform.Tests.Architecture;

/// <summary>The layer rules of ARCHITECTURE.md §2, checked on the built assemblies and the project files.</summary>
public sealed class LayerRulesTests
{
    /// <summary>What a domain model never touches: persistence, transport, contracts, or the outer layers of its service.</summary>
    private static readonly string[] OutsideTheDomain =
    [
        "Microsoft.EntityFrameworkCore", "Npgsql", "StackExchange.Redis", "Confluent.Kafka", "Grpc", "Google.Protobuf",
        "Microsoft.AspNetCore", "EventPlatform.Contracts", "EventPlatform.Messaging",
    ];

    public static TheoryData<string> Services() => [.. ServiceProjects().Select(p => Path.GetFileNameWithoutExtension(p))];

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_domain_uses_no_infrastructure_transport_or_contract_types(string service)
    {
        var assembly = Assembly.Load(service);
        var layers = new[] { "Application", "Infrastructure", "Grpc", "Extensions" }.Select(layer => $"{service}.{layer}");

        var result = Types.InAssembly(assembly)
            .That().ResideInNamespace($"{service}.Domain")
            .ShouldNot().HaveDependencyOnAny([.. OutsideTheDomain, .. layers])
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void No_service_references_another_service(string service)
    {
        var project = ServiceProjects().Single(p => Path.GetFileNameWithoutExtension(p) == service);
        var others = ServiceProjects().Where(p => p != project).Select(Path.GetFileNameWithoutExtension).ToHashSet();

        ProjectReferencesOf(project).Where(others.Contains).ShouldBeEmpty();
        Assembly.Load(service).GetReferencedAssemblies().Select(a => a.Name).Where(n => others.Contains(n!)).ShouldBeEmpty();
    }

    [Fact]
    public void Messaging_references_no_service()
    {
        var services = ServiceProjects().Select(Path.GetFileNameWithoutExtension).ToHashSet();

        ProjectReferencesOf(Path.Combine(LocalData.RepositoryRoot, "EventPlatform.Messaging", "EventPlatform.Messaging.csproj"))
            .Where(services.Contains).ShouldBeEmpty();
        typeof(EventPlatform.Messaging.EventBusExtensions).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name).Where(n => services.Contains(n!)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_service_is_read_by_these_tests()
    {
        ServiceProjects().Count().ShouldBeGreaterThanOrEqualTo(8);
        foreach (var service in ServiceProjects().Select(Path.GetFileNameWithoutExtension))
        {
            Should.NotThrow(() => Assembly.Load(service!), $"reference {service} from the test project, so its layers are checked");
        }
    }

    private static IEnumerable<string> ServiceProjects() =>
        Directory.GetDirectories(Path.Combine(LocalData.RepositoryRoot, "services"))
            .SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            .Order();

    private static IEnumerable<string> ProjectReferencesOf(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value));
}
