using Huiqi.Engine.Catalog;
using Huiqi.Policies;
using static Huiqi.Simulation.Tests.Population;

namespace Huiqi.Simulation.Tests;

/// <summary>
/// A reform is checked like the catalogue: every fault names the reform file and line. And a change that alters no
/// enterprise's answer is named, never passed over.
/// </summary>
public sealed class ReformCheckTests
{
    private const string Head = "reform: { id: test, title: 测试 }\nchanges:\n";

    private static CatalogError Fault(string changes)
    {
        var faults = Faults(Head + changes, "bad.yaml");
        Assert.NotEmpty(faults);
        Assert.All(faults, f => Assert.Equal("bad.yaml", f.File));
        return faults[0];
    }

    [Fact]
    public void An_unknown_clause_is_an_error_at_its_line()
    {
        var e = Fault("  - { clause: zz2023-23/9, param: cap, value: 1500万 }\n  - { clause: zz2023-23/99, param: cap, value: 1500万 }\n");
        Assert.Equal(4, e.Line);
        Assert.Contains("zz2023-23/99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_parameter_is_refused_by_the_catalogue_check_and_named_at_the_reforms_line()
    {
        // `capp` is added to the clause's parameters; the rule does not know it, so the loader refuses it.
        var e = Fault("  - { document: zz2023-23, window: { to: 2027-11-26 } }\n  - { clause: zz2023-23/9, param: capp, value: 1500万 }\n");
        Assert.Equal(4, e.Line);
        Assert.Contains("capp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_nested_parameter_path_is_an_error()
    {
        var e = Fault("  - { clause: zz2023-23/5, param: step.sizee, value: 40亿 }\n");
        Assert.Equal(3, e.Line);
        Assert.Contains("step.sizee", e.Message, StringComparison.Ordinal);
        e = Fault("  - { clause: zz2023-23/5, param: \"thresholds[5].pays\", value: 1万 }\n");
        Assert.Contains("thresholds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_an_amount_is_an_error_at_its_line()
    {
        var e = Fault("  - { clause: zz2023-23/9, param: cap, value: lots }\n");
        Assert.Equal(3, e.Line);
        Assert.Contains("lots", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - { document: zz2099-1, window: { to: 2027-11-26 } }\n", "zz2099-1")]
    [InlineData("  - { reading: chain-bass, value: all-purchases }\n", "chain-bass")]
    [InlineData("  - { reading: chain-base, value: everything }\n", "everything")]
    [InlineData("  - { document: zz2023-23, inForce: 2025-01-01 }\n", "不是征求意见稿")]
    [InlineData("  - { clause: zz2023-23/17, param: titles.champion-enterprise, value: 500万 }\n", "part")]
    [InlineData("  - { clause: zz2023-23/17, part: titels, param: titles.champion-enterprise, value: 500万 }\n", "titels")]
    [InlineData("  - { clause: zz2023-23/9, parm: cap, value: 1500万 }\n", "无法识别的变更")]
    [InlineData("  - { document: zzw2022-155, split: { city: 60, distrit: 40 } }\n", "district")]
    [InlineData("  - { removeClause: zz2023-23/99 }\n", "zz2023-23/99")]
    public void Each_fault_is_named_at_the_line_of_its_change(string change, string expected)
    {
        var e = Fault(change);
        Assert.Equal(3, e.Line);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reform_file_that_is_not_one_yaml_mapping_or_lacks_its_head_is_refused()
    {
        Assert.Contains("YAML", Assert.Single(Faults("reform: { id: [\n", "bad.yaml")).Message, StringComparison.Ordinal);
        Assert.Contains("reform", Assert.Single(Faults("changes:\n  - { removeClause: zz2023-23/19 }\n", "bad.yaml")).Message, StringComparison.Ordinal);
        Assert.Contains("colour", Assert.Single(Faults(Head + "  - { removeClause: zz2023-23/19 }\ncolour: red\n", "bad.yaml")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_added_clause_is_checked_like_the_catalogue_quote_tests_and_its_own_cases()
    {
        // Its quote must stand in the original text …
        var e = Fault(AddQualityClause.Replace("给予20万元的一次性奖励", "给予30万元的一次性奖励", StringComparison.Ordinal));
        Assert.Equal(3, e.Line);
        Assert.Contains("原文", e.Message, StringComparison.Ordinal);

        // … and it must pay what its own cases say: 10万 is not 11万.
        e = Fault(AddQualityClause.Replace("amount: 10万 }", "amount: 11万 }", StringComparison.Ordinal));
        Assert.Contains("zz2023-23/18-plus", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A top-up of 10万 for the provincial quality benchmark of zz2023-23/18, with its three cases.</summary>
    private const string AddQualityClause = """
  - document: zz2023-23
    addClause:
      id: zz2023-23/18-plus
      title: 质量标杆企业追加奖励
      text: [对被省级工信部门认定的质量标杆企业，给予20万元的一次性奖励。]
      rule: titles
      params: { titles: { provincial-quality-benchmark: 10万 } }
      tests:
        - { name: 省级质量标杆追加10万元, year: 2024, dossier: { honors: [{ kind: provincial-quality-benchmark, date: 2024-09-01 }] }, amount: 10万 }
        - { name: 窗口首日认定追加10万元, year: 2023, boundary: true, dossier: { honors: [{ kind: provincial-quality-benchmark, date: 2023-11-27 }] }, amount: 10万 }
        - { name: 国家级不属本条, year: 2024, dossier: { honors: [{ kind: national-quality-benchmark, date: 2024-09-01 }] }, amount: 0 }

""";

    [Fact]
    public void An_added_clause_pays_and_a_change_to_it_depends_on_it()
    {
        var reform = Parse(Head + AddQualityClause + "  - { clause: zz2023-23/18-plus, param: titles.provincial-quality-benchmark, value: 15万 }\n");
        var report = Simulate(reform, 2024,
            // zz2023-23/18 pays 20万; the added clause 10万, raised by the second change to 15万: +15万.
            Line(1, "金水区", "'honors':[{'kind':'provincial-quality-benchmark','date':'2024-09-01'}]"),
            Line(2, "金水区"));
        Assert.Equal(new Amounts(200_000m, 350_000m), report.Total);
        Assert.Equal(new Amounts(0, 150_000m), report.ByClause.Of("zz2023-23/18-plus"));
        // Without the first change the second cannot apply; without the second the top-up is 10万: both had an effect.
        Assert.Equal([1L, 1L], report.Changes.Select(c => c.Affected));
    }

    [Fact]
    public void A_change_from_a_date_applies_to_events_from_that_day()
    {
        var reform = Parse(Head + "  - { clause: zz2023-23/9, param: cap, value: 1500万, from: 2025-07-01 }\n");
        var report = Simulate(reform, 2025,
            // equipment 1亿 × 15% = 1500万 each. Completed 2025-06-30: the old cap, 1000万, either way.
            Line(1, "郑州高新区", "'projects':[{'id':'P1','kind':'tech-reform','sei':true,'totalInvestment':150000000,'equipmentInvestment':100000000,'completedOn':'2025-06-30'}]"),
            // Completed 2025-07-01, the first day of the new cap: 1500万 instead of 1000万.
            Line(2, "郑州高新区", "'projects':[{'id':'P2','kind':'tech-reform','sei':true,'totalInvestment':150000000,'equipmentInvestment':100000000,'completedOn':'2025-07-01'}]"));
        Assert.Equal(new Amounts(20_000_000m, 25_000_000m), report.Total);
        Assert.Equal((1, 0, 1), (report.Gainers, report.Losers, report.Unchanged));
        Assert.Equal(Uscc(2), Assert.Single(report.TopGainers).Uscc);
    }

    [Fact]
    public void A_change_with_no_effect_on_the_population_is_named()
    {
        // The cap of zz2023-23/9 on a population with no technical-reform project: nothing changes.
        var report = Simulate(Shipped("tech-reform-cap-1500"), 2025,
            Line(1, "上街区", "'honors':[{'kind':'national-hightech','date':'2020-10-01'},{'kind':'ai-scenario','date':'2025-05-01'}]"));
        Assert.Equal(new Amounts(0, 0), report.Total);
        var none = Assert.Single(report.NoEffect);
        Assert.Equal(11, none.Change.Line);
        Assert.Contains("zz2023-23/9", none.Change.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void With_several_changes_each_one_is_judged_by_its_own_effect()
    {
        var reform = Parse(Head
            + "  - { clause: zz2023-23/9, param: cap, value: 1500万 }\n"
            + "  - { reading: chain-base, value: all-purchases }\n"
            + "  - { document: zzw2022-155, split: { city: 60, district: 40 } }\n");
        var report = Simulate(reform, 2025,
            // 1亿 × 15% = 1500万 against the 1000万 cap: +500万. No chain leader; zzw2022-155 pays nothing in 2025.
            Line(1, "郑州高新区", "'projects':[{'id':'P9','kind':'tech-reform','sei':true,'totalInvestment':150000000,'equipmentInvestment':100000000,'completedOn':'2025-08-01'}]"),
            Line(2, "二七区"));
        Assert.Equal(5_000_000m, report.Total.Delta);
        Assert.Equal([1L, 0L, 0L], report.Changes.Select(c => c.Affected));
        Assert.Equal([1, 2], report.NoEffect.Select(c => c.Index));
    }

    [Fact]
    public void The_other_reading_of_a_sentence_is_costed()
    {
        var report = Simulate(Parse(Head + "  - { reading: chain-base, value: all-purchases }\n"), 2024,
            // zz2023-23/21, existing chain: suppliers of 600万, 600万 and 100万. The default reading sums the two that
            // reach 500万: 1200万 × 3% = 36万; the other reading takes all 1300万 × 3% = 39万: +3万.
            Line(1, "郑州经开区", $"'traits':['chain-leader'],'procurement':[{{'year':2024,'supplier':'{Uscc(11)}','amount':6000000,'chain':'existing'}},{{'year':2024,'supplier':'{Uscc(12)}','amount':6000000,'chain':'existing'}},{{'year':2024,'supplier':'{Uscc(13)}','amount':1000000,'chain':'existing'}}]"));
        Assert.Equal(new Amounts(360_000m, 390_000m), report.ByClause.Of("zz2023-23/21"));
    }

    [Fact]
    public void A_clause_removed_takes_its_precedence_with_it_and_its_awards_are_losses()
    {
        var reform = Parse(Head + "  - { removeClause: zzb2022-zjtx/2 }\n");
        var applied = ReformApplier.Apply(PolicySource.Default(), reform);
        Assert.True(applied.Ok, string.Join("\n", applied.Errors));
        Assert.DoesNotContain(applied.Scenario!.Catalog.Precedence, p => p is Supersedes s && s.Over == "zzb2022-zjtx/2");

        // 省级专精特新 on 2024-03-01: zzb2022-zjtx/2 pays 50万; without the clause nothing: −50万.
        var report = Simulate(reform, 2024, Line(1, "惠济区", "'honors':[{'kind':'provincial-zjtx','date':'2024-03-01'}]"));
        Assert.Equal(new Amounts(500_000m, 0), report.Total);
        Assert.Equal((0, 1, 0), (report.Gainers, report.Losers, report.Unchanged));
        Assert.Equal(-500_000m, Assert.Single(Assert.Single(report.TopLosers).Lines).Amount.Delta);
    }

    [Fact]
    public void A_document_made_to_supersede_another_earlier()
    {
        var reform = Parse(Head + """
  - document: zz2023-23
    supersedes: { by: zz2023-23/17, over: zzb2022-zjtx/2, items: [champion-enterprise], from: 2023-01-01, text: [与原有政策冲突的，按本政策执行。] }

""");
        // 单项冠军 on 2023-06-01: zzb2022-zjtx/2 pays 500万 (before 2023-11-27). Superseded from 2023-01-01, it is not
        // paid there, and zz2023-23/17 does not pay it either (its window opens 2023-11-27): −500万.
        var report = Simulate(reform, 2023, Line(1, "郑东新区", "'honors':[{'kind':'champion-enterprise','date':'2023-06-01'}]"));
        Assert.Equal(new Amounts(5_000_000m, 0), report.Total);
        var line = Assert.Single(Assert.Single(report.TopLosers).Lines);
        Assert.Equal("zzb2022-zjtx/2", line.Clause);
        Assert.Contains("2023年1月1日起", line.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_files_written_out_again_still_pay_every_case_of_the_catalogue()
    {
        // A change to each document that sets what is already there: every file is edited and written out again.
        var reform = Parse(Head
            + "  - { document: zz2023-23, window: { from: 2023-11-27 } }\n"
            + "  - { document: zzw2022-155, split: { city: 1, district: 1 } }\n"
            + "  - { document: zzb2022-zjtx, window: { from: 2022-04-12 } }\n"
            + "  - { document: zzb2020-19, window: { from: 2020-04-14 } }\n"
            + "  - { document: sj-sangao, split: { city: 1, district: 0 } }\n");
        var applied = ReformApplier.Apply(PolicySource.Default(), reform);
        Assert.True(applied.Ok, string.Join("\n", applied.Errors));
        var catalog = applied.Scenario!.Catalog;
        Assert.Equal(PolicySource.Default().Clauses.Select(c => (c.Id, c.Tests.Count, c.ParamsText)), catalog.Clauses.Select(c => (c.Id, c.Tests.Count, c.ParamsText)));
        Assert.All(ClauseTestRunner.RunAll(catalog), r => Assert.True(r.Passed, r.ToString()));
    }
}
