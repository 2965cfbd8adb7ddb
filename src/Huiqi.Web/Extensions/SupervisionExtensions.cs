using Huiqi.Demo;
using Huiqi.Engine.Catalog;
using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Monitoring;
using Huiqi.Supervision.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huiqi.Web.Extensions;

/// <summary>
/// Supervision (督导) in the web application, on the registry's own (resolved) connection — one database, each context
/// with its own history table: the monitoring tables (district monthly reports, watchlists) and the ledger (培育库、
/// 任务台账、月度通报), both migrated at start and in the Demo environment filled once with the demo city's figures;
/// the services over them and the dashboard (who may open the pages: <see cref="AccessPolicies"/>).
/// </summary>
public static class SupervisionExtensions
{
    public static WebApplicationBuilder AddHuiqiSupervision(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(sp => new MonitoringDatabase(sp.GetRequiredService<HuiqiDatabase>().ConnectionString, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddPart<MonitoringDatabase>();
        builder.Services.AddSingleton(sp => new TaskLedgerDatabase(sp.GetRequiredService<HuiqiDatabase>().ConnectionString));
        builder.Services.AddSingleton<IDbContextFactory<TaskLedgerDbContext>>(sp => sp.GetRequiredService<TaskLedgerDatabase>());
        builder.Services.AddPart<TaskLedgerDatabase>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<PolicyEngine>().Catalog);
        builder.Services.AddSingleton(sp => new MonthlyReports(sp.GetRequiredService<PolicyCatalog>(), sp.GetRequiredService<MonitoringDatabase>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<Watchlists>();
        builder.Services.AddSingleton<SupervisionBoard>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<HuiqiOptions>>().Value.Tasks);
        builder.Services.AddSingleton<LibrarySelection>();
        builder.Services.AddSingleton<LibraryRegister>();
        builder.Services.AddSingleton<TaskLedger>();
        builder.Services.AddSingleton<ProgressReports>();
        builder.Services.AddMemoryCache().AddSingleton<Huiqi.Web.Uploads.UploadErrorLists>();
        // A hosted service starts after Program.cs has prepared the registry (and the demo city) and before the
        // server takes requests.
        builder.Services.AddHostedService<SupervisionStartup>();
        return builder;
    }
}

/// <summary>
/// Runs once the database is ready (Program.cs migrates every part before the host starts): loads the documents' tasks; in the Demo environment gives empty tables the demo reports and watchlists,
/// three years of library selections and six months of task progress.
/// </summary>
internal sealed class SupervisionStartup(IServiceProvider services, IHostEnvironment environment, IOptions<HuiqiOptions> options, ILogger<SupervisionStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<HuiqiDatabase>();
        var contexts = services.GetRequiredService<TaskLedgerDatabase>();

        var ledger = services.GetRequiredService<TaskLedger>();
        log.LogInformation("Task ledger holds {Tasks} tasks", await ledger.LoadAsync(cancellationToken));
        if (!environment.IsEnvironment(DemoCitySeeder.Environment) || await services.GetRequiredService<DossierStore>().CountAsync(cancel: cancellationToken) == 0)
        {
            return;
        }

        var engine = services.GetRequiredService<PolicyEngine>();
        var written = await DemoMonitoring.SeedIfEmptyAsync(engine.Catalog, registry, services.GetRequiredService<MonitoringDatabase>(), services.GetRequiredService<TimeProvider>(), cancellationToken);
        if (written > 0)
        {
            log.LogInformation("Created the demo monitoring: {Reports} monthly reports and the watchlists", written);
        }

        var year = engine.Current.Catalogue;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (await DemoLedger.SeedIfEmptyAsync(contexts, services.GetRequiredService<LibrarySelection>(), services.GetRequiredService<LibraryRegister>(), ledger,
                [year - 2, year - 1, year], options.Value.Demo.Seed, cancellationToken))
        {
            log.LogInformation("Seeded the demo ledger: library selections {From}–{To} and six months of task progress in {Elapsed} ms", year - 2, year, clock.ElapsedMilliseconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
