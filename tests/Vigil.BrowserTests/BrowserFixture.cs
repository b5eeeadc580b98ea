using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Vigil.BrowserTests;

/// <summary>
/// One app and one browser for the whole collection. Each demo user signs in through the sign-in page once;
/// the cookies are kept as storage state and every later context for that user starts signed in.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DemoPassword = "VigilDemo2026";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _storageStates = new(StringComparer.Ordinal);
    private IPlaywright? _playwright;

    public VigilAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The browser is the system Chromium; the package's driver must never try to fetch its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var starting = Task.Run(App.Start);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("VIGIL_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        await starting;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies): signed in as <paramref name="userName"/>, or anonymous when null.</summary>
    public async Task<IBrowserContext> NewContextAsync(string? userName = null)
    {
        var storageState = userName is null ? null : await _storageStates.GetOrAdd(userName, u => new Lazy<Task<string>>(() => SignInAsync(u))).Value;
        return await CreateContextAsync(storageState);
    }

    private async Task<IBrowserContext> CreateContextAsync(string? storageState)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString().TrimEnd('/'),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            StorageState = storageState,
            // axe-core is injected as a script; the app's Content-Security-Policy (script-src 'self') would block it.
            BypassCSP = true,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    private async Task<string> SignInAsync(string userName)
    {
        await using var context = await CreateContextAsync(null);
        var page = await context.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInAsync(userName, DemoPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(App.BaseAddress, "/").ToString());
        return await context.StorageStateAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
