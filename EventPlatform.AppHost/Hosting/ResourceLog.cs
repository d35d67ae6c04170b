using System.Collections.Concurrent;

namespace EventPlatform.AppHost.Hosting;

/// <summary>Where the lines that resources print go, each under its resource's name.</summary>
public interface IResourceLog
{
    void Write(string resource, string line, bool isError);
}

/// <summary>Keeps the last lines of every resource, so a failure can show what the resource said before it died.</summary>
public sealed class ResourceLogBuffer(IResourceLog? next = null, int linesPerResource = 400) : IResourceLog
{
    private readonly ConcurrentDictionary<string, Queue<string>> _lines = new();

    public void Write(string resource, string line, bool isError)
    {
        var queue = _lines.GetOrAdd(resource, _ => new Queue<string>());
        lock (queue)
        {
            queue.Enqueue(line);
            if (queue.Count > linesPerResource)
            {
                queue.Dequeue();
            }
        }

        next?.Write(resource, line, isError);
    }

    public IReadOnlyList<string> Tail(string resource, int count = 40)
    {
        if (!_lines.TryGetValue(resource, out var queue))
        {
            return [];
        }

        lock (queue)
        {
            return queue.Skip(Math.Max(0, queue.Count - count)).ToList();
        }
    }
}

/// <summary>Console output for a person: each line prefixed with its resource's name, one colour per resource.</summary>
public sealed class ConsoleResourceLog : IResourceLog
{
    // ANSI 256-colour codes that read well on dark and light terminals.
    private static readonly int[] Palette = [38, 70, 178, 170, 208, 33, 42, 135, 220, 74, 203, 118];

    private readonly ConcurrentDictionary<string, string> _prefixes = new();
    private readonly bool _colour = !Console.IsOutputRedirected;
    private readonly Lock _gate = new();

    public void Write(string resource, string line, bool isError)
    {
        var prefix = _prefixes.GetOrAdd(resource, name =>
        {
            var padded = $"[{name}]".PadRight(15);
            return _colour ? $"\u001b[38;5;{Palette[_prefixes.Count % Palette.Length]}m{padded}\u001b[0m" : padded;
        });
        lock (_gate)
        {
            Console.Out.Write(prefix);
            Console.Out.WriteLine(line);
        }
    }
}
