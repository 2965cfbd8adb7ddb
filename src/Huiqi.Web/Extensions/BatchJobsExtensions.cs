using Huiqi.Web.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Huiqi.Web.Extensions;

/// <summary>
/// The no-application batch on Quartz.NET with its persistent ADO.NET store in the registry's database: SQLite by
/// default (one node), PostgreSQL in production, clustered there so that several application nodes share the parts
/// and take over a dead node's. The store's tables (<c>qrtz_*</c>) are created by Quartz on first start.
/// </summary>
public static class BatchJobsExtensions
{
    public static WebApplicationBuilder AddHuiqiBatchJobs(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.ReadHuiqiOptions();
        var connection = options.Database;
        var (provider, cs) = StoreConnection.Resolve(connection);
        var settings = options.Batch;

        builder.Services.TryAddSingleton(sp => new CasesDatabase(connection, sp.GetRequiredService<DecisionLogKey>()));
        builder.Services.AddPart<CasesDatabase>();
        builder.Services.TryAddSingleton(sp => new CaseBatch(
            sp.GetRequiredService<CasesDatabase>(),
            sp.GetRequiredService<DossierStore>(),
            sp.GetRequiredService<PolicyEngine>().Catalog,
            sp.GetRequiredService<TimeProvider>())
        {
            ChunkSize = settings.ChunkSize,
        });
        builder.Services.AddSingleton<BatchScheduler>();
        builder.Services.AddHostedService<BatchResumer>();

        builder.Services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(settings.Threads);
            // Parts scheduled by another node or the command line are seen within this time.
            q.ConfigureScheduler(o => o.IdleWaitTime = TimeSpan.FromSeconds(settings.IdleWaitSeconds));
            q.UsePersistentStore(store =>
            {
                if (provider == StoreProvider.Postgres)
                {
                    store.UsePostgres(cs);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(settings.CheckinSeconds));
                }
                else
                {
                    store.UseSqlite(cs);
                }

                store.ProvisionSchema();
            });
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        return builder;
    }
}
