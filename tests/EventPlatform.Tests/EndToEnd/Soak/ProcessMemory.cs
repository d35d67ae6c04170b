namespace EventPlatform.Tests.EndToEnd.Soak;

/// <summary>
/// Memory of each process of the platform with everything it started (a service under its `dotnet run`
/// launcher, PostgreSQL with its backends), read from /proc (proportional set size), under the name a person would give it.
/// </summary>
internal static class ProcessMemory
{
    public static IReadOnlyDictionary<string, long> Of(IEnumerable<int> processIds)
    {
        var held = new Dictionary<string, long>();
        foreach (var pid in processIds)
        {
            var tree = Tree(pid).ToList();
            var bytes = tree.Sum(ProportionalBytes);
            if (bytes > 0)
            {
                var name = Name(tree);
                held[held.ContainsKey(name) ? $"{name} ({pid})" : name] = bytes;
            }
        }

        return held;
    }

    private static IEnumerable<int> Tree(int pid)
    {
        yield return pid;
        foreach (var child in Children(pid).SelectMany(Tree))
        {
            yield return child;
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{pid}/task")
                .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(int.Parse)
                .ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>
    /// Proportional set size: pages shared by several processes (PostgreSQL's shared buffers, mapped libraries) are
    /// split between them, so a tree's figure is what it really holds.
    /// </summary>
    private static long ProportionalBytes(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/smaps_rollup")
                .Where(l => l.StartsWith("Pss:", StringComparison.Ordinal))
                .Select(l => long.Parse(l["Pss:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024)
                .FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The program the tree runs: the platform's own assembly when there is one, else what was started.</summary>
    private static string Name(IReadOnlyList<int> tree)
    {
        var programs = tree.Select(Program).Where(p => p.Length > 0).ToList();
        return programs.FirstOrDefault(p => p.StartsWith("EventPlatform.", StringComparison.Ordinal)) ?? programs.FirstOrDefault() ?? "?";
    }

    private static string Program(int pid)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var program = arguments.FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal)) ?? arguments.FirstOrDefault() ?? "";
            var name = Path.GetFileName(program.Split(' ')[0]);
            return name.EndsWith(".dll", StringComparison.Ordinal) ? name[..^4] : name;
        }
        catch (IOException)
        {
            return "";
        }
    }
}
