using EventPlatform.AppHost.Hosting;

namespace EventPlatform.AppHost.Testing;

/// <summary>
/// Lets the testing entry point run Program.cs unchanged: while a hook is current, CreateBuilder takes the test's
/// options and Run hands the built application to the hook instead of running it.
/// </summary>
internal sealed class TestingHook(DistributedApplicationOptions options)
{
    private static readonly AsyncLocal<TestingHook?> CurrentHook = new();

    public static TestingHook? Current
    {
        get => CurrentHook.Value;
        set => CurrentHook.Value = value;
    }

    public DistributedApplicationOptions Options { get; } = options;

    public DistributedApplication? Captured { get; private set; }

    public void Capture(DistributedApplication application) => Captured = application;

    /// <summary>Test data folders are made per run under the temp directory and deleted with the application.</summary>
    public static bool IsThrowaway(DistributedApplicationOptions options) =>
        options.DataDirectory.StartsWith(Path.Combine(Path.GetTempPath(), ThrowawayPrefix), StringComparison.Ordinal);

    public const string ThrowawayPrefix = "eventplatform-test-";
}
