using Huiqi.Policies;
using static Huiqi.Simulation.Tests.Population;

namespace Huiqi.Simulation.Tests;

/// <summary>
/// Each reform shipped in policies/reforms/, run on a small population whose cost under the text is worked out by hand
/// (the arithmetic is in the comments), so the report is checked against a figure, not against itself.
/// </summary>
public sealed class ShippedReformTests
{
    [Fact]
    public void Every_shipped_reform_reads_and_applies()
    {
        Assert.Equal(["extend-zz2023-23", "sangao-in-force", "split-60-40", "tech-reform-cap-1500"],
            PolicySource.EmbeddedReforms().Keys.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        foreach (var file in PolicySource.EmbeddedReforms().Keys)
        {
            var reform = Shipped(Path.GetFileNameWithoutExtension(file)!);
            var applied = ReformApplier.Apply(PolicySource.Default(), reform);
            Assert.True(applied.Ok, string.Join("\n", applied.Errors));
        }
    }

    [Fact]
    public void Reform_files_are_not_read_as_policy_files()
    {
        Assert.DoesNotContain(PolicySource.Embedded().Keys, k => k.Contains("/reforms/", StringComparison.Ordinal));
        Assert.Empty(PolicySource.Load().Errors);
    }

    [Fact]
    public void A_catalogue_folder_with_reforms_beside_it_loads_and_its_reforms_are_found_by_name()
    {
        var dir = Path.Combine(Path.GetTempPath(), "huiqi-cat-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in PolicySource.Embedded().Concat(PolicySource.EmbeddedReforms()))
        {
            var target = Path.Combine(dir, path["policies/".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
        }

        File.WriteAllText(Path.Combine(dir, "reforms", "local.yaml"), "reform: { id: local, title: 本地 }\nchanges:\n  - { removeClause: zz2023-23/19 }\n");
        Assert.Empty(PolicySource.Load(dir).Errors);
        Assert.DoesNotContain(PolicySource.Directory(dir).Keys, k => k.Contains("/reforms/", StringComparison.Ordinal));
    }

    [Fact]
    public void Tech_reform_cap_raised_to_1500万()
    {
        // zz2023-23/9: 15 % (sei) or 10 % of equipment, ≤ 1000万 per project; the reform: ≤ 1500万 from 2025-01-01.
        var report = Simulate(Shipped("tech-reform-cap-1500"), 2025,
            // sei, equipment 1亿 × 15% = 1500万: baseline the 1000万 cap, reform 1500万 (the new cap exactly): +500万.
            Line(1, "郑州高新区", "'projects':[{'id':'P9','kind':'tech-reform','sei':true,'totalInvestment':150000000,'equipmentInvestment':100000000,'completedOn':'2025-08-01'}]"),
            // sei, equipment 2400万 × 15% = 360万, under either cap: unchanged.
            Line(2, "金水区", "'projects':[{'id':'P1','kind':'tech-reform','sei':true,'totalInvestment':30000000,'equipmentInvestment':24000000,'completedOn':'2025-05-31'}]"),
            // other, equipment 1.2亿 × 10% = 1200万: baseline 1000万, reform 1200万 (under 1500万): +200万.
            Line(3, "二七区", "'projects':[{'id':'P2','kind':'tech-reform','totalInvestment':200000000,'equipmentInvestment':120000000,'completedOn':'2025-03-01'}]"),
            // nothing to pay.
            Line(4, "上街区"));

        // baseline 1000万 + 360万 + 1000万 = 2360万; reform 1500万 + 360万 + 1200万 = 3060万; +700万.
        Assert.Equal(new Amounts(23_600_000m, 30_600_000m), report.Total);
        Assert.Equal(7_000_000m, report.Total.Delta);
        Assert.Equal(new Amounts(23_600_000m, 30_600_000m), report.ByClause.Of("zz2023-23/9"));
        Assert.Equal(new Amounts(10_000_000m, 15_000_000m), report.ByDistrict.Of("郑州高新区"));
        Assert.Equal(new Amounts(3_600_000m, 3_600_000m), report.ByDistrict.Of("金水区"));
        Assert.Equal(new Amounts(10_000_000m, 12_000_000m), report.ByDistrict.Of("二七区"));
        // zz2023-23 is paid by the city alone.
        Assert.Equal(new Amounts(23_600_000m, 30_600_000m), report.ByPayer.Of("city"));
        Assert.Equal(new Amounts(0, 0), report.ByPayer.Of("district"));
        Assert.Equal((2, 0, 2), (report.Gainers, report.Losers, report.Unchanged));
        Assert.Equal([Uscc(1), Uscc(3)], report.TopGainers.Select(g => g.Uscc));
        var why = Assert.Single(report.TopGainers[0].Lines);
        Assert.Equal(("zz2023-23/9", "P9", 5_000_000m), (why.Clause, why.Item, why.Amount.Delta));
        Assert.Contains("1500万元", why.Reason, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(report.Changes).Affected);
        Assert.Empty(report.NoEffect);
    }

    [Fact]
    public void Tech_reform_cap_is_dated_projects_completed_before_2025_keep_the_old_cap()
    {
        // The same 1亿 project completed in 2024: the reform applies from 2025-01-01, so 1000万 either way.
        var report = Simulate(Shipped("tech-reform-cap-1500"), 2024,
            Line(1, "郑州高新区", "'projects':[{'id':'P9','kind':'tech-reform','sei':true,'totalInvestment':150000000,'equipmentInvestment':100000000,'completedOn':'2024-12-31'}]"));
        Assert.Equal(new Amounts(10_000_000m, 10_000_000m), report.Total);
        Assert.Equal(0, Assert.Single(report.NoEffect).Index);
    }

    [Fact]
    public void Renewing_zz2023_23_pays_the_2026_year_end_events()
    {
        var report = Simulate(Shipped("extend-zz2023-23"), 2026,
            // zz2023-23/5: mainRevenue 40亿 → 60亿 first exceeds 50亿: 200万, event 2026-12-31. The window ends
            // 2026-11-26, so baseline notPaid; renewed to 2029-11-26, paid: +200万.
            Line(1, "郑州经开区", "'traits':['industrial'],'figures':{'mainRevenue':{'2025':4000000000,'2026':6000000000}}"),
            // zz2023-23/4: 省“头雁” on 2026-05-01, inside the window either way: 50万, unchanged.
            Line(2, "中原区", "'honors':[{'kind':'provincial-touyan','date':'2026-05-01'}]"));

        // baseline 50万; reform 50万 + 200万 = 250万.
        Assert.Equal(new Amounts(500_000m, 2_500_000m), report.Total);
        Assert.Equal(new Amounts(0, 2_000_000m), report.ByClause.Of("zz2023-23/5"));
        Assert.Equal(new Amounts(500_000m, 500_000m), report.ByClause.Of("zz2023-23/4"));
        Assert.Equal(new Amounts(0, 2_000_000m), report.ByDistrict.Of("郑州经开区"));
        Assert.Equal((1, 0, 1), (report.Gainers, report.Losers, report.Unchanged));
        var line = Assert.Single(Assert.Single(report.TopGainers).Lines);
        Assert.Equal(new Amounts(0, 2_000_000m), line.Amount);
        Assert.Equal(1, Assert.Single(report.Changes).Affected);
    }

    [Fact]
    public void Sangao_in_force_pays_a_Shangjie_members_AI_scenario()
    {
        var report = Simulate(Shipped("sangao-in-force"), 2025,
            // 上街区 national high-tech enterprise: a member of the 三高 library; AI scenario 2025-05-01: sj-sangao/5.2 50万
            // once the draft is in force (2024-01-01 to 2026-12-31); a draft pays nothing: +50万.
            Line(1, "上街区", "'honors':[{'kind':'national-hightech','date':'2020-10-01'},{'kind':'ai-scenario','date':'2025-05-01'}]"),
            // The same enterprise in 二七区 is not in Shangjie's library: nothing either way.
            Line(2, "二七区", "'honors':[{'kind':'national-hightech','date':'2020-10-01'},{'kind':'ai-scenario','date':'2025-05-01'}]"));

        Assert.Equal(new Amounts(0, 500_000m), report.Total);
        Assert.Equal(new Amounts(0, 500_000m), report.ByClause.Of("sj-sangao/5.2"));
        Assert.Equal(new Amounts(0, 500_000m), report.ByDistrict.Of("上街区"));
        // City awards the district helps obtain: the city pays.
        Assert.Equal(new Amounts(0, 500_000m), report.ByPayer.Of("city"));
        Assert.Equal((1, 0, 1), (report.Gainers, report.Losers, report.Unchanged));
        Assert.Equal(Uscc(1), Assert.Single(report.TopGainers).Uscc);
        Assert.Empty(report.NoEffect);
    }

    [Fact]
    public void Split_60_40_moves_cost_from_the_districts_to_the_city_and_changes_no_total()
    {
        var report = Simulate(Shipped("split-60-40"), 2023,
            // zzw2022-155/2: 2023Q1 operatingRevenue 1.5亿 → 1.725亿, +15 %, increase 2250万: 2 × 2万 = 40000.
            // 1:1 → city 20000, district 20000; 60:40 → city floor(40000 × 60%) = 24000, district 16000.
            Line(1, "荥阳市", "'traits':['manufacturing','above-scale'],'figures':{'operatingRevenue':{'2022Q1':150000000,'2023Q1':172500000}}"),
            // 1亿 → 1.35亿, +35 %, increase 3500万: 3 × 2万 = 60000. 1:1 → 30000/30000; 60:40 → 36000/24000.
            Line(2, "新郑市", "'traits':['manufacturing','above-scale'],'figures':{'operatingRevenue':{'2022Q1':100000000,'2023Q1':135000000}}"));

        // total 40000 + 60000 = 100000 either way.
        Assert.Equal(new Amounts(100_000m, 100_000m), report.Total);
        Assert.Equal(new Amounts(100_000m, 100_000m), report.ByClause.Of("zzw2022-155/2"));
        // city 20000 + 30000 = 50000 → 24000 + 36000 = 60000; districts 50000 → 16000 + 24000 = 40000.
        Assert.Equal(new Amounts(50_000m, 60_000m), report.ByPayer.Of("city"));
        Assert.Equal(new Amounts(50_000m, 40_000m), report.ByPayer.Of("district"));
        Assert.Equal(new Amounts(20_000m, 16_000m), report.DistrictShares.Of("荥阳市"));
        Assert.Equal(new Amounts(30_000m, 24_000m), report.DistrictShares.Of("新郑市"));
        // No enterprise receives more or less; the split changed for both, so the change had an effect.
        Assert.Equal((0, 0, 2), (report.Gainers, report.Losers, report.Unchanged));
        Assert.Equal(2, Assert.Single(report.Changes).Affected);
        Assert.Empty(report.NoEffect);
    }
}
