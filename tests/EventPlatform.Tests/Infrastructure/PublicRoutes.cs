using Google.Api;
using Google.Protobuf.Reflection;

namespace EventPlatform.Tests.Infrastructure;

/// <summary>A public RPC and its google.api.http route: the verb, the path template, and which field the body fills.</summary>
public sealed record PublicRoute(MethodDescriptor Method, HttpMethod Verb, string Path, string Body)
{
    /// <summary>Every RPC of every public service of the contracts (internal services have no route).</summary>
    public static IEnumerable<PublicRoute> All()
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
                HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
                HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
                HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
                HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
                HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
                _ => throw new InvalidOperationException($"{method.FullName}: {rule.PatternCase}"),
            };
            yield return new PublicRoute(method, verb, path, rule.Body);
        }
    }

    public bool HasBody => Body.Length > 0;
}
