using System.ComponentModel.DataAnnotations;
using Huiqi.Demo;
using Huiqi.Supervision.Tasks;
using Microsoft.Extensions.Options;

namespace Huiqi.Web.Extensions;

/// <summary>
/// The application's settings (配置), bound once from the <c>Huiqi</c> section and checked at start: a wrong value stops
/// the start with a message that names the key, instead of failing later inside a request. The database connection
/// is resolved here too: <c>HUIQI_DB</c> (as for the command line) wins over <c>ConnectionStrings:Huiqi</c>.
/// </summary>
public sealed class HuiqiOptions
{
    public const string Section = "Huiqi";

    /// <summary>The configuration key (and environment variable) that names the database, as for the command line.</summary>
    public const string DatabaseKey = StoreConnection.EnvironmentVariable;

    /// <summary>The registry's connection (<c>HUIQI_DB</c>, else <c>ConnectionStrings:Huiqi</c>); null for the default SQLite file.</summary>
    public string? Database { get; set; }

    /// <summary>Whether cookies are Secure; unset, always except in the Demo and Development environments.</summary>
    public CookieSecurePolicy? CookieSecurePolicy { get; set; }

    public LockoutSettings Lockout { get; set; } = new();

    public BatchSettings Batch { get; set; } = new();

    public DemoSettings Demo { get; set; } = new();

    public SimulationSettings Simulation { get; set; } = new();

    public TaskLedgerOptions Tasks { get; set; } = new();

    public RateLimitSettings RateLimits { get; set; } = new();

    public LimitSettings Limits { get; set; } = new();

    public ForwardedHeaderSettings ForwardedHeaders { get; set; } = new();

    /// <summary>The administrator's first password (<c>Huiqi:AdminPassword</c>); in the Demo environment one is generated.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>The decision log's key (办理留痕密钥), base64 (<see cref="CasesExtensions.DecisionLogKeyOf"/>).</summary>
    public string? DecisionLogKey { get; set; }

    /// <summary>Where the Demo and Development environments keep a generated decision-log key.</summary>
    public string? DecisionLogKeyFile { get; set; }

    /// <summary>The settings as <paramref name="configuration"/> gives them, with the database connection resolved.</summary>
    public static HuiqiOptions From(IConfiguration configuration)
    {
        var options = new HuiqiOptions();
        Bind(configuration, options);
        return options;
    }

    /// <summary>Binds the <c>Huiqi</c> section into <paramref name="options"/> and resolves the database connection.</summary>
    public static void Bind(IConfiguration configuration, HuiqiOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        configuration.GetSection(Section).Bind(options);
        options.Database = configuration[DatabaseKey] is { Length: > 0 } db ? db : configuration.GetConnectionString("Huiqi");
    }

    /// <summary>Lockout after failed sign-ins (<c>Huiqi:Lockout</c>).</summary>
    public sealed class LockoutSettings
    {
        [Range(1, 1000)]
        public int MaxFailedAttempts { get; set; } = 5;

        [Range(1, 100_000)]
        public int Minutes { get; set; } = 15;
    }

    /// <summary>The no-application batch on Quartz (<c>Huiqi:Batch</c>).</summary>
    public sealed class BatchSettings
    {
        /// <summary>Enterprises per part of a run.</summary>
        [Range(1, 1_000_000)]
        public int ChunkSize { get; set; } = 50;

        [Range(1, 256)]
        public int Threads { get; set; } = 2;

        /// <summary>Parts scheduled by another node or the command line are seen within this time.</summary>
        [Range(1, 3600)]
        public int IdleWaitSeconds { get; set; } = 2;

        [Range(1, 3600)]
        public int CheckinSeconds { get; set; } = 5;
    }

    /// <summary>The demo city of the Demo environment (<c>Huiqi:Demo</c>).</summary>
    public sealed class DemoSettings
    {
        [Range(0, 10_000_000)]
        public int Enterprises { get; set; } = 3000;

        public int Seed { get; set; } = DemoCity.DefaultSeed;
    }

    /// <summary>Simulation runs on the web (<c>Huiqi:Simulation</c>).</summary>
    public sealed class SimulationSettings
    {
        /// <summary>The most enterprises a run takes within a page request.</summary>
        [Range(1, long.MaxValue)]
        public long MaxEnterprises { get; set; } = 200_000;
    }
}

/// <summary>Requests from one address (<c>Huiqi:RateLimits</c>).</summary>
public sealed class RateLimitSettings
{
    /// <summary>The anonymous endpoints: 60 requests a minute from one address.</summary>
    public WindowLimit Anonymous { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Failed sign-ins from one address: 3 in 15 minutes, below the account lockout.</summary>
    public WindowLimit SignInFailures { get; set; } = new() { PermitLimit = 3, WindowMinutes = 15 };

    /// <summary>So many permits per window: the anonymous window in seconds, the sign-in window in minutes.</summary>
    public sealed class WindowLimit
    {
        [Range(1, int.MaxValue)]
        public int PermitLimit { get; set; }

        [Range(0.001, 1e9)]
        public double? WindowSeconds { get; set; }

        [Range(0.001, 1e9)]
        public double? WindowMinutes { get; set; }
    }
}

/// <summary>Body sizes of the batch evaluation (<c>Huiqi:Limits</c>).</summary>
public sealed class LimitSettings
{
    [Range(1, long.MaxValue)]
    public long BatchBytes { get; set; } = 64L * 1024 * 1024;

    [Range(1, int.MaxValue)]
    public int BatchLineBytes { get; set; } = 1024 * 1024;
}

/// <summary>The reverse proxies whose X-Forwarded headers are believed (<c>Huiqi:ForwardedHeaders</c>).</summary>
public sealed class ForwardedHeaderSettings
{
    /// <summary>Addresses.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>CIDR networks.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>Checks <see cref="HuiqiOptions"/> at start and says, in Chinese and English, which key is wrong.</summary>
internal sealed class HuiqiOptionsValidation : IValidateOptions<HuiqiOptions>
{
    public ValidateOptionsResult Validate(string? name, HuiqiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var faults = new List<string>();
        Check(options, HuiqiOptions.Section, faults);
        Check(options.Lockout, $"{HuiqiOptions.Section}:{nameof(options.Lockout)}", faults);
        Check(options.Batch, $"{HuiqiOptions.Section}:{nameof(options.Batch)}", faults);
        Check(options.Demo, $"{HuiqiOptions.Section}:{nameof(options.Demo)}", faults);
        Check(options.Simulation, $"{HuiqiOptions.Section}:{nameof(options.Simulation)}", faults);
        Check(options.RateLimits.Anonymous, $"{HuiqiOptions.Section}:RateLimits:Anonymous", faults);
        Check(options.RateLimits.SignInFailures, $"{HuiqiOptions.Section}:RateLimits:SignInFailures", faults);
        Check(options.Limits, $"{HuiqiOptions.Section}:{nameof(options.Limits)}", faults);
        Check(options.Tasks, $"{HuiqiOptions.Section}:{nameof(options.Tasks)}", faults);

        try
        {
            StoreConnection.Resolve(options.Database);
        }
        catch (UriFormatException e)
        {
            faults.Add($"数据库连接（{HuiqiOptions.DatabaseKey} 或 ConnectionStrings:Huiqi）无法识别 / the database connection cannot be read: {e.Message}");
        }

        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }

    private static void Check(object settings, string prefix, List<string> faults)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true))
        {
            return;
        }

        foreach (var r in results)
        {
            foreach (var member in r.MemberNames)
            {
                var value = settings.GetType().GetProperty(member)?.GetValue(settings);
                var range = settings.GetType().GetProperty(member)?.GetCustomAttributes(typeof(RangeAttribute), false).OfType<RangeAttribute>().FirstOrDefault();
                faults.Add(range is null
                    ? $"配置项 {prefix}:{member} 有误 / is not valid: {r.ErrorMessage}"
                    : $"配置项 {prefix}:{member} 应在 {range.Minimum} 至 {range.Maximum} 之间 / must lie between {range.Minimum} and {range.Maximum} (is {value})");
            }
        }
    }
}

/// <summary>Registration of <see cref="HuiqiOptions"/>.</summary>
public static class HuiqiOptionsExtensions
{
    /// <summary>
    /// The settings as read while the application is put together (the database, cookies, the batch's threads), read
    /// and checked once; the first call also binds <c>IOptions&lt;HuiqiOptions&gt;</c>, checked again when the host starts.
    /// </summary>
    public static HuiqiOptions ReadHuiqiOptions(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Host.Properties.TryGetValue(typeof(HuiqiOptions), out var read) && read is HuiqiOptions known)
        {
            return known;
        }

        builder.Services.AddOptions<HuiqiOptions>()
            .Configure<IConfiguration>((o, c) => HuiqiOptions.Bind(c, o))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HuiqiOptions>, HuiqiOptionsValidation>();
        var options = HuiqiOptions.From(builder.Configuration);
        var check = new HuiqiOptionsValidation().Validate(null, options);
        if (check.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(HuiqiOptions), check.Failures);
        }

        builder.Host.Properties[typeof(HuiqiOptions)] = options;
        return options;
    }
}
