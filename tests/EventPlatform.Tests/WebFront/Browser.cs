using System.Text.Json;
using EventPlatform.AppHost.Launcher;
using Microsoft.Playwright;

namespace EventPlatform.Tests.WebFront;

/// <summary>
/// Debian's Chromium driven by Playwright (installed as a Debian package when missing, as root, like the AppHost's own
/// prerequisites; never downloaded by Playwright). Each person gets a context of their own: their cookies, their
/// authenticator. Every page looked at is photographed at desktop and phone width and checked by axe-core.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();
    public static readonly string ScreenshotFolder = Path.Combine(RepositoryRoot, "TestResults", "screenshots");
    private static readonly string AxeScript = Path.Combine(RepositoryRoot, "services", "Bff", "web", "node_modules", "axe-core", "axe.min.js");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _chromium;
    private readonly List<string> _accessibilityViolations = [];
    private readonly List<string> _tooWide = [];
    private readonly HashSet<string> _looked = [];

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        _chromium = chromium;
    }

    /// <summary>Serious or critical axe-core findings on the pages looked at, one line each.</summary>
    public IReadOnlyList<string> AccessibilityViolations => _accessibilityViolations;

    /// <summary>Pages looked at that are wider than the screen (they scroll sideways on a phone).</summary>
    public IReadOnlyList<string> TooWide => _tooWide;

    public static async Task<Browser> LaunchAsync()
    {
        var executable = new Prerequisites().Locate(Prerequisite.OnPath("chromium", "chromium"));
        Directory.CreateDirectory(ScreenshotFolder);
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Assertions.SetDefaultExpectTimeout(20_000);
        return new Browser(playwright, chromium);
    }

    /// <summary>
    /// A person's browser at the web front's origin. "localhost" rather than 127.0.0.1: passkeys need a domain as their
    /// relying party. CSP is bypassed only so the test can add axe-core's script to the page. Phone width is a viewport
    /// size, not Chromium's mobile emulation: that one neither shows nor downloads a PDF.
    /// </summary>
    public async Task<IPage> OpenAsync(Uri bff)
    {
        var context = await _chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = $"http://localhost:{bff.Port}",
            ViewportSize = Desktop,
            Locale = "en-GB",
            TimezoneId = "Europe/Paris",
            AcceptDownloads = true,
            BypassCSP = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Chromium's virtual authenticator on the page: a platform passkey store that says yes without a person.</summary>
    public static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    /// <summary>
    /// Screenshots of the page as it stands (desktop and phone width), whether it fits the screen's width, and an
    /// axe-core check. Each page is looked at once, however often the flow passes by it.
    /// </summary>
    public async Task LookAtAsync(IPage page, string name)
    {
        if (!_looked.Add(name))
        {
            return;
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var (width, height) = page.ViewportSize is { } current ? (current.Width, current.Height) : (Desktop.Width, Desktop.Height);
        foreach (var (size, suffix) in new[] { (Desktop, "desktop"), (Phone, "phone") })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            if (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") is var pageWidth && pageWidth > size.Width)
            {
                _tooWide.Add($"{name} ({suffix}): {pageWidth} px wide on a {size.Width} px screen");
            }

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{suffix}.png"), FullPage = true });
        }

        // Once, at phone width, where the layout is tightest (a table that scrolls sideways, say): axe costs a second
        // of CPU that the services of the other test systems share.
        await CheckAccessibilityAsync(page, name);
        await page.SetViewportSizeAsync(width, height);
    }

    private async Task CheckAccessibilityAsync(IPage page, string where)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        }

        var findings = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);
        _accessibilityViolations.AddRange(findings.EnumerateArray().Select(f => $"{where}: {f.GetString()}"));
    }

    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EventPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (EventPlatform.sln) was not found.");
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
