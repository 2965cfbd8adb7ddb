using Huiqi.Web.Accounts;
using Huiqi.Simulation.Runs;
using Huiqi.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huiqi.Web.Extensions;

/// <summary>Policy simulation and budget forecasting on the web (政策测算、预算预测): for the city bureaus only.</summary>
public static class SimulationExtensions
{
    /// <summary>The city bureaus and the administrator: simulations cost the whole city's catalogue.</summary>
    public const string CityPolicy = "city";

    /// <summary>The pages under <c>/simulation</c>, the stored runs, and who may use them.</summary>
    public static WebApplicationBuilder AddHuiqiSimulation(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(sp => new SimulationRunsDatabase(sp.GetRequiredService<HuiqiDatabase>().ConnectionString));
        builder.Services.AddSingleton<IDbContextFactory<SimulationRunsDbContext>>(sp => sp.GetRequiredService<SimulationRunsDatabase>());
        builder.Services.AddPart<SimulationRunsDatabase>();
        builder.Services.AddSingleton(sp => new SimulationRuns(
            sp.GetRequiredService<IDbContextFactory<SimulationRunsDbContext>>(),
            sp.GetRequiredService<DossierStore>(),
            sp.GetRequiredService<PolicyEngine>().Catalog,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<HuiqiOptions>>().Value.Simulation.MaxEnterprises,
            sp.GetRequiredService<ILogger<SimulationRuns>>()));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CityPolicy, p => p.RequireRole(Roles.All.Where(Roles.IsCity)));
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Simulation", CityPolicy));
        return builder;
    }
}
