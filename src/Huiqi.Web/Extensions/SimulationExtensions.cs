using Huiqi.Web.Accounts;
using Huiqi.Web.Simulations;

namespace Huiqi.Web.Extensions;

/// <summary>Policy simulation and budget forecasting on the web (政策测算、预算预测): for the city bureaus only.</summary>
public static class SimulationExtensions
{
    /// <summary>The stored runs behind the pages under <c>/simulation</c> (for the city bureaus: <see cref="AccessPolicies.City"/>).</summary>
    public static WebApplicationBuilder AddHuiqiSimulation(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SimulationRuns>();
        return builder;
    }
}
