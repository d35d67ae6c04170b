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

    /// <summary>What Application/ leaves to adapters: database drivers, caches, brokers, gRPC clients.</summary>
    private static readonly string[] OutsideTheApplication =
    [
        "Npgsql", "NpgsqlTypes", "StackExchange.Redis", "Confluent.Kafka", "Grpc.Net.Client", "Grpc.Net.ClientFactory",
    ];

    public static TheoryData<string> Services() => [.. ServiceProjects().Select(p => Path.GetFileNameWithoutExtension(p))];

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_domain_uses_no_infrastructure_transport_or_contract_types(string service)
    {
        var root = RootNamespaceOf(service);
        var layers = new[] { "Application", "Infrastructure", "Grpc", "Extensions" }.Select(layer => $"{root}.{layer}");

        var result = Types.InAssembly(Assembly.Load(service))
            .That().ResideInNamespace($"{root}.Domain")
            .ShouldNot().HaveDependencyOnAny([.. OutsideTheDomain, .. layers])
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_domain_depends_only_on_the_base_library_the_domain_building_blocks_and_itself(string service)
    {
        var root = RootNamespaceOf(service);

        var result = Types.InAssembly(Assembly.Load(service))
            .That().ResideInNamespace($"{root}.Domain")
            .Should().MeetCustomRule(new OnlyDependsOn("System", "EventPlatform.Domain", $"{root}.Domain"))
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Application_code_leaves_drivers_caches_and_service_clients_to_adapters(string service)
    {
        var root = RootNamespaceOf(service);

        var result = Types.InAssembly(Assembly.Load(service))
            .That().ResideInNamespace($"{root}.Application")
            .ShouldNot().HaveDependencyOnAny([.. OutsideTheApplication, $"{root}.Grpc", $"{root}.Extensions"])
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Infrastructure_reaches_the_application_only_through_its_ports(string service)
    {
        var root = RootNamespaceOf(service);
        var assembly = Assembly.Load(service);
        var beyondThePorts = assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith($"{root}.Application", StringComparison.Ordinal)
                && !ns.StartsWith($"{root}.Application.Ports", StringComparison.Ordinal))
            .Select(t => t.FullName!.Split('`')[0])
            .Distinct()
            .ToArray();

        var result = Types.InAssembly(assembly)
            .That().ResideInNamespace($"{root}.Infrastructure")
            .ShouldNot().HaveDependencyOnAny(beyondThePorts)
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void The_domain_building_blocks_use_nothing_beyond_the_base_library()
    {
        var result = Types.InAssembly(typeof(EventPlatform.Domain.AggregateRoot).Assembly)
            .That().ResideInNamespace("EventPlatform.Domain")
            .Should().MeetCustomRule(new OnlyDependsOn("System", "EventPlatform.Domain"))
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
        typeof(EventPlatform.Domain.AggregateRoot).Assembly.GetReferencedAssemblies().Select(a => a.Name)
            .ShouldAllBe(name => name!.StartsWith("System", StringComparison.Ordinal) || name == "netstandard");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void No_namespace_shadows_an_aggregate(string service)
    {
        var assembly = Assembly.Load(service);
        var namespaceSegments = assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .SelectMany(ns => ns.Split('.')).ToHashSet(StringComparer.Ordinal);

        assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(EventPlatform.Domain.AggregateRoot)))
            .Select(t => t.Name)
            .Where(namespaceSegments.Contains)
            .ShouldBeEmpty();
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

    /// <summary>The service's root namespace (its project's RootNamespace, else its assembly name).</summary>
    private static string RootNamespaceOf(string service)
    {
        var project = ServiceProjects().Single(p => Path.GetFileNameWithoutExtension(p) == service);
        return XDocument.Load(project).Descendants("RootNamespace").SingleOrDefault()?.Value ?? service;
    }

    private static IEnumerable<string> ServiceProjects() =>
        Directory.GetDirectories(Path.Combine(LocalData.RepositoryRoot, "services"))
            .SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            .Order();

    private static IEnumerable<string> ProjectReferencesOf(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value));
}
