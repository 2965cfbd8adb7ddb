using Huiqi.Store;
using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Tasks;
using Huiqi.Web.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Extensions;

/// <summary>
/// The supervision ledger on the web (培育库、任务台账、月度通报): its context on the registry's connection, its services,
/// the pages' access, and its start-up work — migrate, load the documents' tasks, and in the Demo environment seed
/// the demo memberships and progress once.
/// </summary>
public static class TaskLedgerExtensions
{
    public static WebApplicationBuilder AddHuiqiTaskLedger(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connection = builder.Configuration["HUIQI_DB"] is { Length: > 0 } db ? db : builder.Configuration.GetConnectionString("Huiqi");
        builder.Services.AddDbContextFactory<TaskLedgerDbContext>(o => TaskLedgerDbContext.Configure(o, connection));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<PolicyEngine>().Catalog);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Huiqi:Tasks").Get<TaskLedgerOptions>() ?? new TaskLedgerOptions());
        builder.Services.AddSingleton<LibrarySelection>();
        builder.Services.AddSingleton<LibraryRegister>();
        builder.Services.AddSingleton<TaskLedger>();
        builder.Services.AddSingleton<ProgressReports>();
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Libraries", AccessPolicies.Lists);
            o.Conventions.AuthorizeFolder("/Tasks", AccessPolicies.Lists);
        });
        // A hosted service starts after Program.cs has prepared the registry (and the demo city) and before the
        // server takes requests.
        builder.Services.AddHostedService<TaskLedgerStartup>();
        return builder;
    }
}

/// <summary>Brings the ledger's tables and tasks up to date at start; in Demo, seeds the demo ledger once.</summary>
internal sealed class TaskLedgerStartup(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, ILogger<TaskLedgerStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<TaskLedgerDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var ledger = services.GetRequiredService<TaskLedger>();
        var tasks = await ledger.LoadAsync(cancellationToken);
        log.LogInformation("Task ledger holds {Tasks} tasks", tasks);
        if (!environment.IsEnvironment(DemoCitySeeder.Environment) || await services.GetRequiredService<DossierStore>().CountAsync(cancel: cancellationToken) == 0)
        {
            return;
        }

        var year = services.GetRequiredService<PolicyEngine>().AwardYear;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (await DemoLedger.SeedIfEmptyAsync(contexts, services.GetRequiredService<LibrarySelection>(), services.GetRequiredService<LibraryRegister>(), ledger,
                [year - 2, year - 1, year], configuration.GetValue("Huiqi:Demo:Seed", Huiqi.Store.Demo.DemoCity.DefaultSeed), cancellationToken))
        {
            log.LogInformation("Seeded the demo ledger: library selections {From}–{To} and six months of task progress in {Elapsed} ms", year - 2, year, clock.ElapsedMilliseconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
