using EventPlatform.AppHost.Hosting.Resources;
using Spectre.Console;

namespace EventPlatform.AppHost.Hosting;

internal static class ResourceTable
{
    /// <summary>Every resource with its state and address; the public edge and the mail inbox first.</summary>
    public static void Print(IReadOnlyList<Resource> resources, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]EventPlatform[/] — all healthy in {elapsed.TotalSeconds:0.0} s")
            .AddColumn("Resource").AddColumn("Type").AddColumn("State").AddColumn("URL");
        foreach (var resource in resources.OrderBy(Rank).ThenBy(r => resources.ToList().IndexOf(r)))
        {
            var state = resource.State switch
            {
                ResourceState.Healthy => "[green]Healthy[/]",
                ResourceState.External => "[yellow]External (run by hand)[/]",
                ResourceState.Failed => "[red]Failed[/]",
                var other => other.ToString(),
            };
            table.AddRow(Markup.Escape(resource.Name), Markup.Escape(resource.Kind), state, Markup.Escape(string.Join("  ", resource.Urls)));
        }

        if (Console.IsOutputRedirected)
        {
            // A log file has no width: keep each resource on one line.
            AnsiConsole.Profile.Width = 160;
        }

        AnsiConsole.Write(table);
    }

    private static int Rank(Resource resource) => resource.Name switch
    {
        "bff" => 0,
        "mail" => 1,
        _ => 2,
    };
}
