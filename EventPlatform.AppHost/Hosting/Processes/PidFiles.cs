namespace EventPlatform.AppHost.Hosting.Processes;

/// <summary>
/// One file per running child: pid and start time. If the AppHost was killed before it could stop its children,
/// the next start ends them (the start time guards against a recycled pid).
/// </summary>
internal sealed class PidFiles(string directory)
{
    public void Record(string resource, int pid)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(PathOf(resource), $"{pid} {StartTimeOf(pid)}");
    }

    public async Task EndLeftoversAsync(Action<string> progress)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(directory, "*.pid"))
        {
            var parts = (await File.ReadAllTextAsync(file)).Split(' ');
            if (parts.Length == 2 && int.TryParse(parts[0], out var pid) && StartTimeOf(pid) == parts[1] && parts[1].Length > 0)
            {
                progress($"Ending {Path.GetFileNameWithoutExtension(file)} (pid {pid}) left running by an earlier AppHost.");
                Signals.Send(pid, Signals.SigKill);
                for (var i = 0; i < 50 && Signals.IsAlive(pid); i++)
                {
                    await Task.Delay(100);
                }
            }

            File.Delete(file);
        }
    }

    private string PathOf(string resource) => Path.Combine(directory, resource + ".pid");

    /// <summary>Field 22 of /proc/{pid}/stat: clock ticks since boot when the process started; "" if it is gone.</summary>
    private static string StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return afterName[19];
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
