using Huiqi.Demo;
using Huiqi.Engine.Evaluation;
using Huiqi.Policies;
using static Huiqi.Simulation.Tests.Population;

namespace Huiqi.Simulation.Tests;

/// <summary>
/// zz2023-23/9 pays 15 % (战略性新兴产业) or 10 % of a technical reform's equipment investment, at most 1000万; the
/// shipped reform tech-reform-cap-1500 raises the cap to 1500万 for projects completed from 2025-01-01. The demo city has
/// projects whose equipment passes 1亿, so the reform changes what 2025 costs.
/// </summary>
public sealed class TechReformCapTests
{
    [Fact]
    public void Raising_the_cap_costs_what_the_projects_above_the_old_cap_gain_in_2025()
    {
        const int year = 2025;
        var city = DemoCity.Generate(3000).ToList();
        var evaluator = new Evaluator(PolicySource.Default());

        // Every project the baseline pays at the cap of 1000万 gains min(E × 15 % or 10 %, 1500万) − 1000万, E its
        // equipment investment (the product floored to the yuan, as the clause's cases do); the others are unchanged.
        var expected = 0m;
        var capped = 0;
        foreach (var d in city)
        {
            foreach (var line in evaluator.Evaluate(d, year).Awards.Where(l => l.Clause == "zz2023-23/9" && l.Amount == 10_000_000m))
            {
                var project = d.Projects.Single(p => p.Id == line.Item);
                var raw = Math.Floor(project.EquipmentInvestment!.Value * (project.Sei ? 0.15m : 0.10m));
                expected += Math.Min(raw, 15_000_000m) - 10_000_000m;
                capped++;
            }
        }

        // The planted D9L alone: 1.6亿 × 15 % = 2400万, 1000万 before and 1500万 after: 500万 more.
        Assert.True(capped >= 2 && expected >= 5_000_000m, $"{capped} projects at the cap, {expected} more");

        var (simulation, errors) = ReformSimulation.Prepare(PolicySource.Default(), Shipped("tech-reform-cap-1500"), year);
        Assert.True(simulation is not null, string.Join("\n", errors));
        simulation!.AddDossiers(city);
        var report = simulation.Report();

        Assert.Equal(expected, report.ByClause.Of("zz2023-23/9").Delta);
        Assert.Equal(expected, report.Total.Delta);
    }
}
