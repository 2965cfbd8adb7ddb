using Huiqi.Demo;
using Microsoft.Extensions.Options;

namespace Huiqi.Web.Extensions;

/// <summary>
/// The award path (免申即享 → 审核 → 公示 → 拨付) on the web: the case store on the registry's own connection, the
/// workflow and the batch over it.
/// </summary>
public static class CasesExtensions
{
    /// <summary>
    /// The workflow and the page queries over the case store. The store and the batch are registered once, by
    /// <see cref="BatchJobsExtensions.AddHuiqiBatchJobs"/> (call it first). The clock is the application's
    /// <see cref="TimeProvider"/>: no step is dated after today.
    /// </summary>
    public static WebApplicationBuilder AddHuiqiCases(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(DecisionLogKeyOf(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton(new CaseSettings());
        builder.Services.AddSingleton(sp => new CaseWorkflow(
            sp.GetRequiredService<CasesDatabase>(),
            sp.GetRequiredService<HuiqiDatabase>(),
            sp.GetRequiredService<PolicyEngine>().Catalog,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<CaseSettings>()));
        builder.Services.AddSingleton<CaseQueries>();
        return builder;
    }

    /// <summary>
    /// The decision log's key (办理留痕密钥), kept outside the database: <c>Huiqi:DecisionLogKey</c> (base64, at least 32
    /// bytes) wherever it is set; without it, in the Demo and Development environments, a key file generated once per
    /// installation (<c>Huiqi:DecisionLogKeyFile</c>, by default in the user's local application data); anywhere else
    /// the application refuses to start, since an unkeyed log could be rewritten by whoever can write the database.
    /// </summary>
    public static DecisionLogKey DecisionLogKeyOf(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var options = HuiqiOptions.From(configuration);
        if (options.DecisionLogKey is { Length: > 0 } text)
        {
            return DecisionLogKey.FromBase64(text, "Huiqi:DecisionLogKey");
        }

        if (environment.IsDevelopment() || environment.IsEnvironment(DemoCitySeeder.Environment))
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            var file = options.DecisionLogKeyFile is { Length: > 0 } f
                ? f
                : Path.Combine(local.Length > 0 ? local : Path.GetTempPath(), "huiqi", "decision-log.key");
            return DecisionLogKey.LoadOrCreate(file);
        }

        throw new InvalidOperationException(
            $"未配置办理留痕密钥：{environment.EnvironmentName}环境须在配置 Huiqi:DecisionLogKey（环境变量 Huiqi__DecisionLogKey）中给出至少{DecisionLogKey.MinBytes}字节的随机密钥（base64，例如 openssl rand -base64 32 的输出），并保存在数据库之外。"
            + $" / Huiqi:DecisionLogKey is not set: outside Demo and Development the decision log needs a key of at least {DecisionLogKey.MinBytes} random bytes (base64), kept outside the database.");
    }

    /// <summary>
    /// In the Demo environment, once the demo city is there and the case tables are migrated, makes the demo's award
    /// history when the case store has none (<see cref="DemoHistory"/>: the award years from 2022 to the current figures
    /// year through the workflow at past dates, the current events year pushed and waiting), so a fresh start shows real
    /// history and a restart adds nothing. The city's own batch runs are the batch page's.
    /// </summary>
    public static async Task PrepareCasesAsync(this WebApplication app, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsEnvironment(DemoCitySeeder.Environment))
        {
            return;
        }

        var sp = app.Services;
        var offices = new DemoOffices(
            "city-review",
            "city-finance",
            d => AccountSeeder.DistrictSlugs[d] + "-review",
            d => AccountSeeder.DistrictSlugs[d] + "-finance");
        var history = new DemoHistory(
            sp.GetRequiredService<CasesDatabase>(),
            sp.GetRequiredService<HuiqiDatabase>(),
            sp.GetRequiredService<DossierStore>(),
            sp.GetRequiredService<PolicyEngine>().Catalog,
            offices,
            sp.GetRequiredService<IOptions<HuiqiOptions>>().Value.Demo.Seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var made = await history.MakeIfEmptyAsync(sp.GetRequiredService<TimeProvider>(), "demo@" + Environment.MachineName, cancel);
        if (made is not null)
        {
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Huiqi.Startup").LogInformation(
                "Demo award history: {Cases} cases of award years {Years} in {Elapsed} ms ({Batches} ms in the batches, {Steps} ms in the steps)",
                made.Cases,
                string.Join(", ", made.Years.Keys.Order()),
                clock.ElapsedMilliseconds,
                (long)made.InBatches.TotalMilliseconds,
                (long)made.InSteps.TotalMilliseconds);
        }
    }

    /// <summary>The HTTP status that answers a refused step: 404, 403, 409 or 400.</summary>
    public static int StatusOf(CaseProblem problem) => problem switch
    {
        CaseProblem.NotFound => StatusCodes.Status404NotFound,
        CaseProblem.Forbidden => StatusCodes.Status403Forbidden,
        CaseProblem.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
