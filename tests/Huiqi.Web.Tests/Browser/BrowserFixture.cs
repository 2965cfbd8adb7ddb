using Huiqi.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Huiqi.Web.Tests.Browser;

/// <summary>
/// The real application on a loopback socket (Kestrel, SQLite, the small demo city) and Debian's Chromium driven by
/// Playwright. The browser is never downloaded: HUIQI_CHROMIUM (scripts/services.sh exports it) or /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public HuiqiApp App { get; } = HuiqiApp.Sqlite();

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string? ChromiumPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("HUIQI_CHROMIUM");
            path = string.IsNullOrWhiteSpace(path) ? "/usr/bin/chromium" : path;
            return File.Exists(path) ? path : null;
        }
    }

    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath ?? throw new XunitException("Chromium not found (HUIQI_CHROMIUM or /usr/bin/chromium): scripts/services.sh start installs Debian's chromium.");
        Address = App.StartOnLoopback();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with a page at a desktop size, in Chinese.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page (<see cref="NewPageAsync"/>) signed in as <paramref name="user"/>.</summary>
    public async Task<IPage> SignedInAsync(string user)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, user);
        return page;
    }

    public async Task SignInAsync(IPage page, string user, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", password ?? HuiqiApp.Password(user));
        await page.ClickAsync("#login-submit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>An enterprise of the registry outside <paramref name="district"/>.</summary>
    public async Task<string> EnterpriseOutsideAsync(string district)
    {
        var store = App.Services.GetRequiredService<DossierStore>();
        await foreach (var d in store.StreamAsync())
        {
            if (d.District != district)
            {
                return d.Uscc;
            }
        }

        throw new InvalidOperationException("no enterprise outside " + district);
    }

    public async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repo.Screenshots, name), FullPage = true });
    }

    /// <summary>
    /// Saves a screenshot of a page a reviewer reads, after checking that what it shows is the bureau's words: no
    /// catalogue id, code or English word (the same reading as <see cref="Http.VisibleTextTests"/>, on the DOM as rendered).
    /// </summary>
    public async Task ScreenshotInBureauWordsAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var faults = Http.VisibleTextTests.Faults(App, new Uri(page.Url).PathAndQuery, await page.ContentAsync());
        Assert.True(faults.Count == 0, $"{name} ({page.Url}):\n{string.Join('\n', faults)}");
        await ScreenshotAsync(page, name);
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
}

/// <summary>
/// A browser test: skipped on a developer's machine without Chromium, but run (and so failing with a clear message)
/// when CI=true, where the browser must be there.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.ChromiumPath is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "Chromium not found (HUIQI_CHROMIUM or /usr/bin/chromium); scripts/services.sh start installs it";
        }
    }
}
