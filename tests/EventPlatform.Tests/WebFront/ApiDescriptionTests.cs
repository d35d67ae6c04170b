using System.Text.RegularExpressions;
using EventPlatform.Tests.Infrastructure;
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

    private static IEnumerable<(string Rpc, OperationType Verb, string Path, bool HasBody)> PublicRoutes() =>
        PublicRoute.All().Select(r => (r.Method.FullName, Enum.Parse<OperationType>(r.Verb.Method, ignoreCase: true), r.Path, r.HasBody));

    /// <summary>/events/{event_id}/program and /events/{eventId}/program are the same route.</summary>
    private static string Template(string path) => Parameter().Replace(path, "{}");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
