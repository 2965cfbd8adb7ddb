using Huiqi.Demo;
using Huiqi.Engine.Model;
using Huiqi.Policies;
using static Huiqi.Simulation.Tests.Population;

namespace Huiqi.Simulation.Tests;

/// <summary>
/// A simulation evaluates the reform only on the clauses it can change and takes the other lines from the baseline.
/// That must be exact: on a demo city, every report equals the one evaluating the reform on every clause.
/// </summary>
public sealed class NarrowingTests
{
    private static readonly IReadOnlyList<Dossier> City = DemoCity.Generate(600).ToList();

    private const string Head = "reform: { id: test, title: 测试 }\nchanges:\n";

    public static TheoryData<string, int> Reforms() => new()
    {
        { "tech-reform-cap-1500", 2025 },
        { "extend-zz2023-23", 2026 },
        { "sangao-in-force", 2024 },
        { "split-60-40", 2023 },
        { Head + "  - { document: sj-sangao, inForce: 2024-01-01 }\n  - { reading: exhibition-base, value: above-threshold }\n  - { clause: zz2023-23/7, param: perStep, value: 12万 }\n", 2024 },
        { Head + "  - { reading: chain-base, value: all-purchases }\n", 2023 },
        { Head + "  - { removeClause: zzb2022-zjtx/2 }\n", 2024 },
        { Head + "  - { clause: zz2023-23/17, part: titles, param: titles.champion-enterprise, value: 500万 }\n", 2024 },
        { Head + "  - document: zz2023-23\n    supersedes: { by: zz2023-23/17, over: zzb2022-zjtx/2, items: [champion-enterprise, champion-product], from: 2022-06-01, text: [与原有政策冲突的，按本政策执行。] }\n", 2023 },
        { Head + "  - { clause: zz2023-23/9, param: seiRate, value: 20%, from: 2024-07-01 }\n  - { clause: zzw2022-155/9, param: \"chains[0].rate\", value: 2% }\n", 2024 },
    };

    [Theory]
    [MemberData(nameof(Reforms))]
    public void Narrowed_and_full_evaluation_report_the_same(string reform, int year)
    {
        var definition = reform.StartsWith("reform:", StringComparison.Ordinal) ? Parse(reform) : Shipped(reform);
        var narrow = Run(definition, year, narrow: true);
        var full = Run(definition, year, narrow: false);
        Assert.Equal(SimulationJson.ToJson(full, indented: true), SimulationJson.ToJson(narrow, indented: true));
    }

    private static SimulationReport Run(Reform reform, int year, bool narrow)
    {
        var (simulation, errors) = ReformSimulation.Prepare(PolicySource.Default(), reform, year, narrow: narrow);
        Assert.True(simulation is not null, string.Join("\n", errors));
        simulation!.AddDossiers(City);
        return simulation.Report();
    }

    [Fact]
    public void The_demo_city_is_changed_by_the_reforms_that_should_change_it()
    {
        // Not a figure by hand — a guard that the equality above is not between two empty reports.
        Assert.NotEqual(0m, Run(Shipped("sangao-in-force"), 2024, narrow: true).Total.Delta);
        Assert.NotEqual(0m, Run(Shipped("split-60-40"), 2023, narrow: true).ByPayer.Of("city").Delta);
    }
}
