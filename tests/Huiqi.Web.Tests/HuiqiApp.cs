using System.Net;
using System.Net.Http.Json;
using Huiqi.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Huiqi.Web.Tests;

/// <summary>
/// The real application (Program.cs, its pipeline, Identity, the registry) on a fresh database: a temporary SQLite file
/// or a new database on the PostgreSQL server named by HUIQI_TEST_POSTGRES. It runs in the Demo environment with a
/// small demo city (200 enterprises), so the demo accounts exist with their derived passwords. Its clock (the host's one
/// <see cref="TimeProvider"/>) stands at <see cref="Today"/> unless a test sets another, and every screen opens on the
/// award years of that day (<see cref="Huiqi.Engine.Model.AwardYears"/>).
/// </summary>
public sealed class HuiqiApp : WebApplicationFactory<Program>
{
    public const int DemoSeed = Huiqi.Demo.DemoCity.DefaultSeed;

    /// <summary>
    /// The day the host's clock starts on, 10:00 Beijing: in December 2025 the figures year is 2024, the year the demo
    /// city is shaped for (its demo batch and the tests' cases are of that year).
    /// </summary>
    public static readonly DateTimeOffset Today = new(2025, 12, 6, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The figures year on <see cref="Today"/> (<c>AwardYears.On(2025-12-06).Figures</c>): what the screens open on.</summary>
    public const int Year = 2024;

    private readonly string _connection;
    private readonly Action? _dispose;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private HuiqiApp(string connection, Action? dispose, IReadOnlyDictionary<string, string>? settings = null, DateTimeOffset? now = null)
    {
        _connection = connection;
        _dispose = dispose;
        _settings = settings ?? new Dictionary<string, string>();
        Clock = new HostClock(now ?? Today);
    }

    /// <summary>The host's clock: it runs, from the day it is set to.</summary>
    public HostClock Clock { get; }

    public Db Db { get; private init; }

    /// <summary>The fresh database's connection string (for a second process on the same database).</summary>
    public string Connection => _connection;

    /// <summary>A fresh SQLite application; <paramref name="settings"/> override configuration (e.g. the rate limits).</summary>
    public static HuiqiApp Sqlite(IReadOnlyDictionary<string, string>? settings = null, DateTimeOffset? now = null) => On(ScratchDatabase.Sqlite("huiqi-web"), settings, now);

    public static async Task<HuiqiApp> PostgresAsync(DateTimeOffset? now = null) => On(await ScratchDatabase.CreateAsync(Db.Postgres, "huiqi_w"), null, now);

    private static HuiqiApp On(ScratchDatabase scratch, IReadOnlyDictionary<string, string>? settings, DateTimeOffset? now) =>
        new(scratch.Connection, scratch.Dispose, settings, now) { Db = scratch.Db };

    /// <summary>Whether the PostgreSQL rows run: when a server is named, and always under CI (where a missing one fails).</summary>
    public static bool PostgresWanted => ScratchDatabase.PostgresWanted;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Demo");
        builder.UseSetting("ConnectionStrings:Huiqi", _connection);
        builder.UseSetting("HUIQI_DB", _connection); // wins over an HUIQI_DB of the environment
        builder.UseSetting("Huiqi:Demo:Enterprises", "200");
        builder.UseSetting("Huiqi:Demo:Seed", DemoSeed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Every test request comes from one address: the per-address limits are raised out of the way here and set
        // low only by the tests of the limits themselves (EdgeTests).
        builder.UseSetting("Huiqi:RateLimits:Anonymous:PermitLimit", "1000000");
        builder.UseSetting("Huiqi:RateLimits:SignInFailures:PermitLimit", "1000000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.AspNetCore.Diagnostics", LogLevel.Error));
    }

    /// <summary>Serves on a real socket (127.0.0.1, a free port) for the browser tests, and answers its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    /// <summary>A client over https (the cookies are Secure), following no redirect, keeping cookies.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>A client signed in as a demo account (through the API, with the demo password).</summary>
    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/session", new { userName = user, password = Password(user) });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"sign-in of {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public static string Password(string user) => AccountSeeder.DemoPassword(user, DemoSeed);

    /// <summary>The demo enterprise accounts: user name (the USCC) and district.</summary>
    public async Task<IReadOnlyList<(string Uscc, string District)>> EnterpriseAccountsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HuiqiUser>>();
        var list = await users.GetUsersInRoleAsync(Huiqi.Store.Roles.Enterprise);
        return [.. list.OrderBy(u => u.UserName).Select(u => (u.Uscc!, EnterpriseDistrict(u.Uscc!)))];
    }

    private string EnterpriseDistrict(string uscc)
    {
        using var scope = Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<Huiqi.Store.DossierStore>();
        return store.GetAsync(uscc).GetAwaiter().GetResult()!.District;
    }

    /// <summary>Slug of a district's accounts (jinshui-review …).</summary>
    public static string Slug(string district) => AccountSeeder.DistrictSlugs[district];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dispose?.Invoke();
    }
}

/// <summary>One application per database engine, started on first use and shared by a test class.</summary>
public sealed class Apps : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Db, HuiqiApp> _apps = [];

    public async Task<HuiqiApp> GetAsync(Db db)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_apps.TryGetValue(db, out var app))
            {
                app = db == Db.Sqlite ? HuiqiApp.Sqlite() : await HuiqiApp.PostgresAsync();
                _ = app.Server; // start it: migrations, demo city, accounts
                _apps[db] = app;
            }

            return app;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The rows of a theory: SQLite always; PostgreSQL when a server is named, and always under CI.</summary>
    public static TheoryData<Db> Engines()
    {
        var data = new TheoryData<Db> { Db.Sqlite };
        if (HuiqiApp.PostgresWanted)
        {
            data.Add(Db.Postgres);
        }

        return data;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }
    }
}

/// <summary>
/// The clock a test host runs on: the machine's time moved to a chosen day, so it still runs (sign-in windows, notice
/// periods and throttles see time pass) while the calendar — the award years, a document's status — is the test's.
/// </summary>
public sealed class HostClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - TimeProvider.System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Sets the clock to <paramref name="now"/>; it runs on from there.</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - TimeProvider.System.GetUtcNow()).Ticks);
}
