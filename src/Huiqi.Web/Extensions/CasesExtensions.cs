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
    /// <see cref="TimeProvider"/> as a <see cref="CaseClock"/>, which the city may move forward in the Demo environment
    /// (past a notice period).
    /// </summary>
    public static WebApplicationBuilder AddHuiqiCases(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(DecisionLogKeyOf(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton(new CaseSettings());
        var demo = builder.Environment.IsEnvironment(DemoCitySeeder.Environment);
        builder.Services.AddSingleton(sp => new CaseClock(sp.GetRequiredService<TimeProvider>(), demo));
        builder.Services.AddSingleton(sp => new CaseWorkflow(
            sp.GetRequiredService<CasesDatabase>(),
            sp.GetRequiredService<HuiqiDatabase>(),
            sp.GetRequiredService<PolicyEngine>().Catalog,
            sp.GetRequiredService<CaseClock>(),
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
    /// In the Demo environment, once the demo city is there and the case tables are migrated, runs the no-application batch for
    /// the demo award year in this process when no run of that year exists yet (and finishes one an earlier start left
    /// unfinished), so a fresh start already shows pushed cases. The city's own batch runs are the batch page's.
    /// </summary>
    public static async Task PrepareCasesAsync(this WebApplication app, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsEnvironment(DemoCitySeeder.Environment))
        {
            return;
        }

        var year = Huiqi.Engine.Model.AwardYears.Now(app.Services.GetRequiredService<TimeProvider>()).Figures;
        var batch = app.Services.GetRequiredService<CaseBatch>();
        var runs = await app.Services.GetRequiredService<CaseQueries>().RunsOfYearAsync(year, cancel);
        var node = "demo@" + Environment.MachineName;
        if (runs.Count == 0)
        {
            var run = await batch.StartAsync(year, Actor.System(node), cancel);
            runs = [run.Id];
        }

        // Parts one at a time, in id order: the same city gives the same cases in the same order on every fresh start.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var parts = await app.Services.GetRequiredService<CaseQueries>().UnfinishedPartsAsync(runs, cancel);
        foreach (var part in parts)
        {
            await batch.RunPartAsync(part, node, cancel);
        }

        if (parts.Count > 0)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Huiqi.Startup")
                .LogInformation("Demo batch for award year {Year}: {Parts} parts in {Elapsed} ms", year, parts.Count, clock.ElapsedMilliseconds);
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
