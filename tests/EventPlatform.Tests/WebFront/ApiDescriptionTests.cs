using System.Text.RegularExpressions;
using EventPlatform.Tests.Infrastructure;
using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace EventPlatform.Tests.WebFront;

/// <summary>The OpenAPI document of the JSON API: valid OpenAPI 3, every public RPC's route in it with its schemas.</summary>
[Collection(WholeSystemCollection.Name)]
public sealed partial class ApiDescriptionTests(WholeSystemFixture system)
{
    [Fact]
    public async Task The_openapi_document_is_valid_openapi_3_and_lists_every_public_route_with_its_schemas()
    {
        using var bff = system.CreateHttpClient("bff");
        var json = await bff.GetStringAsync("/openapi/v1.json");

        var document = new OpenApiStringReader().Read(json, out var diagnostic);

        diagnostic.Errors.ShouldBeEmpty(string.Join("; ", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        diagnostic.SpecificationVersion.ShouldBe(OpenApiSpecVersion.OpenApi3_0);
        var paths = document.Paths.ToDictionary(p => Template(p.Key), p => p.Value);
        var routes = PublicRoutes().ToList();
        routes.Count.ShouldBeGreaterThan(70);
        foreach (var (rpc, verb, path, hasBody) in routes)
        {
            paths.TryGetValue(Template(path), out var item).ShouldBeTrue($"{rpc}: {verb} {path} is missing");
            item!.Operations.TryGetValue(verb, out var operation).ShouldBeTrue($"{rpc}: {verb} {path} is missing");
            operation!.Responses["200"].Content.Values.ShouldAllBe(c => c.Schema != null, $"{rpc} has no response schema");
            if (hasBody)
            {
                operation.RequestBody?.Content.Values.FirstOrDefault()?.Schema.ShouldNotBeNull($"{rpc} has no request schema");
            }
        }

        paths.Keys.ShouldContain("/session/code");
        paths.Keys.ShouldContain("/account/passkeys");
    }

    /// <summary>Every RPC of every public service of the contracts, with its google.api.http route.</summary>
    private static IEnumerable<(string Rpc, OperationType Verb, string Path, bool HasBody)> PublicRoutes()
    {
        var files = typeof(Contracts.Catalog.V1.Event).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", typeof(FileDescriptor))?.GetValue(null))
            .OfType<FileDescriptor>();
        foreach (var method in files.SelectMany(f => f.Services).Where(s => !s.Name.EndsWith("InternalService", StringComparison.Ordinal)).SelectMany(s => s.Methods))
        {
            var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
            rule.ShouldNotBeNull($"{method.FullName} has no HTTP route");
            var (verb, path) = rule.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => (OperationType.Get, rule.Get),
                HttpRule.PatternOneofCase.Post => (OperationType.Post, rule.Post),
                HttpRule.PatternOneofCase.Put => (OperationType.Put, rule.Put),
                HttpRule.PatternOneofCase.Patch => (OperationType.Patch, rule.Patch),
                HttpRule.PatternOneofCase.Delete => (OperationType.Delete, rule.Delete),
                _ => throw new InvalidOperationException($"{method.FullName}: {rule.PatternCase}"),
            };
            yield return (method.FullName, verb, path, rule.Body.Length > 0);
        }
    }

    /// <summary>/events/{event_id}/program and /events/{eventId}/program are the same route.</summary>
    private static string Template(string path) => Parameter().Replace(path, "{}");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
