using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Simulation;
using Huiqi.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests;

/// <summary>
/// What the simulation tests add to the demo registry and how they run a reform on it directly, to set the page against.
/// The demo city is shaped for 2024 and holds no 2026 figures, so extending zz2023-23 changes nothing there; one
/// enterprise that grows in 2026 makes the extension cost something that can be worked out by hand.
/// </summary>
public static class SimulationPopulation
{
    /// <summary>
    /// An enterprise of 郑州经开区 whose main revenue goes from 40亿 (2025) to 60亿 (2026). zz2023-23/5 pays 200万 when
    /// main revenue first exceeds 50亿, on the year's last day, 2026-12-31: after zz2023-23 ends (2026-11-26), so
    /// nothing today, and 200万 with the document renewed to 2029-11-26. The city pays it alone (zz2023-23 is not split).
    /// </summary>
    public const decimal ExtensionGain = 2_000_000m;

    public const string District = "郑州经开区";

    public static readonly string Uscc = Engine.Input.Uscc.WithCheckCharacters("91410172MA900001");

    public const string Name = "郑州测算示例装备制造有限公司";

    public static async Task AddGrowingEnterpriseAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<DossierStore>();
        if (await store.GetAsync(Uscc) is not null)
        {
            return;
        }

        var read = DossierReader.Read(
            "{\"uscc\":\"" + Uscc + "\",\"name\":\"" + Name + "\",\"district\":\"" + District + "\",\"traits\":[\"industrial\"]," +
            "\"figures\":{\"mainRevenue\":{\"2025\":4000000000,\"2026\":6000000000}}}");
        Assert.True(read.Ok, string.Join("; ", read.Errors));
        await store.PutAsync(read.Dossier!, "test");
    }

    /// <summary>What renewing zz2023-23 costs, worked by <see cref="RenewalCost"/> itself on every dossier of the registry.</summary>
    public static async Task<RenewalReport> RenewalDirectlyAsync(IServiceProvider services, GrowthAssumptions growth)
    {
        var file = $"policies/reforms/{RenewalCost.ShippedReform}.yaml";
        var read = ReformReader.Read(file, Huiqi.Policies.PolicySource.EmbeddedReforms()[file]);
        var (cost, errors) = RenewalCost.Prepare(Huiqi.Policies.PolicySource.Default(), read.Reform!, growth);
        Assert.True(cost is not null, string.Join("\n", errors));
        cost.AddDossiers(await DossiersAsync(services));
        return cost.Report();
    }

    /// <summary>The shipped reform run by <see cref="ReformSimulation"/> itself on every dossier of the registry, as <c>huiqi simulate --db</c> runs it.</summary>
    public static async Task<SimulationReport> RunDirectlyAsync(IServiceProvider services, string reform, int year)
    {
        var file = $"policies/reforms/{reform}.yaml";
        var read = ReformReader.Read(file, Huiqi.Policies.PolicySource.EmbeddedReforms()[file]);
        var (simulation, errors) = ReformSimulation.Prepare(Huiqi.Policies.PolicySource.Default(), read.Reform!, year);
        Assert.True(simulation is not null, string.Join("\n", errors));
        simulation.AddDossiers(await DossiersAsync(services));
        return simulation.Report();
    }

    /// <summary>Every dossier of the registry, in its order.</summary>
    private static async Task<List<Dossier>> DossiersAsync(IServiceProvider services)
    {
        var all = new List<Dossier>();
        await foreach (var d in services.GetRequiredService<DossierStore>().StreamAsync())
        {
            all.Add(d);
        }

        return all;
    }
}
