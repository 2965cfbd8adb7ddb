using Huiqi.Store;
using Huiqi.Supervision.Monitoring;
using Huiqi.Web.Accounts;
using Huiqi.Web.Monitoring;
using Huiqi.Web.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Extensions;

/// <summary>
/// Supervision (督导) in the web application: the monitoring tables (migrated at start, and in the Demo environment
/// filled with the demo city's monthly reports and watchlists), the services over them, the dashboard and the
/// monitoring pages with who may use them.
/// </summary>
public static class SupervisionExtensions
{
    /// <summary>May file monthly reports and watchlist figures: the district reviewers (their district), the city reviewer and the administrator.</summary>
    public const string ReportPolicy = "monitoring-report";

    public static WebApplicationBuilder AddHuiqiSupervision(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The monitoring context opens on the registry's own (resolved) connection: one database, its own history table.
        builder.Services.AddSingleton<Func<string, MonitoringDbContext>>(sp =>
        {
            var connection = sp.GetRequiredService<HuiqiDatabase>().ConnectionString;
            return actor => MonitoringDbContext.Open(connection, actor);
        });
        builder.Services.AddSingleton(sp => new MonthlyReports(sp.GetRequiredService<PolicyEngine>().Catalog, sp.GetRequiredService<Func<string, MonitoringDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<Watchlists>();
        builder.Services.AddSingleton<SupervisionBoard>();
        builder.Services.AddHostedService<MonitoringStartup>();
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Dashboard", AccessPolicies.Lists);
            o.Conventions.AuthorizeFolder("/Monitoring", AccessPolicies.Lists);
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ReportPolicy, p => p.RequireRole(Roles.DistrictReviewer, Roles.CityReviewer, Roles.Admin));
        return builder;
    }
}

/// <summary>
/// Runs once the registry is ready (Program.cs prepares it before the host starts): migrates the monitoring tables and,
/// in the Demo environment, gives an empty set of them the demo reports and watchlists.
/// </summary>
internal sealed class MonitoringStartup(IServiceProvider services, IHostEnvironment environment, ILogger<MonitoringStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<HuiqiDatabase>();
        await MonitoringDbContext.MigrateAsync(registry.ConnectionString, cancellationToken);
        if (environment.IsEnvironment(DemoCitySeeder.Environment))
        {
            var written = await DemoMonitoring.SeedIfEmptyAsync(services.GetRequiredService<PolicyEngine>().Catalog, registry, services.GetRequiredService<Func<string, MonitoringDbContext>>(), cancellationToken);
            if (written > 0)
            {
                log.LogInformation("Created the demo monitoring: {Reports} monthly reports and the watchlists", written);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
