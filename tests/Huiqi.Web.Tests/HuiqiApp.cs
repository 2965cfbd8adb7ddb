using System.Net;
using System.Net.Http.Json;
using Huiqi.Web.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Huiqi.Web.Tests;

/// <summary>
/// The real application (Program.cs, its pipeline, Identity, the registry) on a fresh database: a temporary SQLite file
/// or a new database on the PostgreSQL server named by HUIQI_TEST_POSTGRES. It runs in the Demo environment with a
/// small demo city (200 enterprises), so the demo accounts exist with their derived passwords, on a <see cref="TestClock"/>
/// (the host's one <see cref="TimeProvider"/>) that starts on <see cref="Start"/> unless a test names another day: the
/// demo start makes the award history up to then (2022 and 2023 settled), award year 2024, whose batch ran on
/// 2025-03-03, is the year whose pushed cases await their enterprises, and every screen opens on the award years of
/// the clock's day (<see cref="Huiqi.Engine.Model.AwardYears"/>).
/// </summary>
public sealed class HuiqiApp : WebApplicationFactory<Program>
{
    public const int DemoSeed = Huiqi.Demo.DemoCity.DefaultSeed;

    /// <summary>The award year the tests work on: the figures year on <see cref="Start"/> (AwardYears.On(2025-03-05).Figures).</summary>
    public const int Year = 2024;

    /// <summary>When the test application's clock starts: Wednesday 2025-03-05, 10:00 Beijing time.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 5, 10, 0, 0, Huiqi.Engine.Model.BeijingTime.Offset);

    private readonly string _connection;
    private readonly Action? _dispose;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private HuiqiApp(string connection, Action? dispose, IReadOnlyDictionary<string, string>? settings = null, DateTimeOffset? now = null)
    {
        _connection = connection;
        _dispose = dispose;
        _settings = settings ?? new Dictionary<string, string>();
        Clock = new TestClock(now ?? Start);
    }

    /// <summary>The application's clock (its one <see cref="TimeProvider"/>), which a test may move forward.</summary>
    public TestClock Clock { get; }

    public Db Db { get; private init; }

    /// <summary>The fresh database's connection string (for a second process on the same database).</summary>
    public string Connection => _connection;

    /// <summary>A fresh SQLite application; <paramref name="settings"/> override configuration (e.g. the rate limits).</summary>
    public static HuiqiApp Sqlite(IReadOnlyDictionary<string, string>? settings = null, DateTimeOffset? now = null) => On(ScratchDatabase.Sqlite("huiqi-web"), settings, now);

    /// <summary>The application started again on this one's database (a restart, or a second node); disposing it keeps the database.</summary>
    public HuiqiApp Again() => new(_connection, null, _settings, Clock.GetUtcNow()) { Db = Db };

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
            // Sessions live in real time: a test that lets a bureau's days pass (Clock.Advance) keeps its users signed in.
            s.PostConfigureAll<CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
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

    /// <summary>Moves the application's clock to the working morning after a notice's period, when it may be closed.</summary>
    public async Task PassNoticeAsync(long notice)
    {
        await using var db = Services.GetRequiredService<Huiqi.Cases.CasesDatabase>().CreateDbContext();
        var ends = await db.Notices.Where(n => n.Id == notice).Select(n => n.Ends).SingleAsync();
        var days = ends.DayNumber - Huiqi.Engine.Model.BeijingTime.Today(Clock).DayNumber + 1;
        if (days > 0)
        {
            Clock.Advance(TimeSpan.FromDays(days));
        }
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
