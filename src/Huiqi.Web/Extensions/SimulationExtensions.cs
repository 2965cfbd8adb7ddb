using Huiqi.Simulation.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huiqi.Web.Extensions;

/// <summary>Policy simulation and budget forecasting on the web (政策测算、预算预测): for the city bureaus only.</summary>
public static class SimulationExtensions
{
    /// <summary>The stored runs behind the pages under <c>/simulation</c> (for the city bureaus: <see cref="AccessPolicies.City"/>).</summary>
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
        return builder;
    }
}
