namespace EventPlatform.AppHost.Launcher;

/// <summary>
/// <c>--only a,b</c> keeps the named resources and what they reference or wait for; <c>--except c</c> declares c
/// without starting it (its ports stay free for the developer's own process, and nothing waits for it).
/// </summary>
public static class ResourceSelection
{
    public static void Apply(IDistributedApplicationBuilder builder, LaunchArguments arguments)
    {
        var byName = builder.Resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        var unknown = arguments.Only.Concat(arguments.Except).Where(n => !byName.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown resource(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", byName.Keys.Order())}.");
        }

        var excepted = arguments.Except.Select(n => byName[n]).ToHashSet();
        if (arguments.Only.Count > 0)
        {
            var kept = Closure(arguments.Only.Select(n => byName[n]), excepted);
            // Parameters (the signing key) are values, not processes: they always stay.
            foreach (var resource in builder.Resources.Where(r => !kept.Contains(r) && r is not ParameterResource).ToList())
            {
                builder.Resources.Remove(resource);
            }
        }

        foreach (var resource in excepted.Where(builder.Resources.Contains))
        {
            resource.Annotations.Add(new ExplicitStartupAnnotation());
            foreach (var waiting in builder.Resources)
            {
                foreach (var wait in waiting.Annotations.OfType<WaitAnnotation>().Where(w => w.Resource == resource).ToList())
                {
                    waiting.Annotations.Remove(wait);
                }
            }
        }
    }

    /// <summary>The resources asked for and, except through the excepted ones, everything they depend on.</summary>
    private static HashSet<IResource> Closure(IEnumerable<IResource> roots, HashSet<IResource> excepted)
    {
        var kept = new HashSet<IResource>();
        var pending = new Stack<IResource>(roots);
        while (pending.TryPop(out var resource))
        {
            if (!kept.Add(resource) || excepted.Contains(resource))
            {
                continue;
            }

            foreach (var dependency in DependenciesOf(resource))
            {
                pending.Push(dependency);
            }
        }

        return kept;
    }

    private static IEnumerable<IResource> DependenciesOf(IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource)
            .Concat(resource.Annotations.OfType<ResourceRelationshipAnnotation>().Select(r => r.Resource))
            .Concat(resource is IResourceWithParent child ? [child.Parent] : []);
}
