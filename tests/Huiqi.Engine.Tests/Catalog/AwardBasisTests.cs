using Huiqi.Engine.Blocks;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Tests.Catalog;

/// <summary>
/// What each building block pays on, read against the policy texts, and so each clause's current award year: a
/// year's figures are judged once the year is over (in December 2026, 2025), events as they happen (2026).
/// </summary>
public class AwardBasisTests
{
    private static readonly PolicyCatalog Catalog = Huiqi.Policies.PolicySource.Default();

    /// <summary>
    /// Figures: 营业收入首次突破 (milestones), 增速 (growth-steps, period-growth), 投入/采购额/销售收入 of a year
    /// (spending-share, chain-purchases, patent-sales), 利润率 (profit-margin), a period's 累计投资 (fixed-asset),
    /// 用电量 (electricity), the year's people trained (training). Events: a title, a ranking, a project's completion or
    /// signature, premises, a move, a referral.
    /// </summary>
    [Fact]
    public void Every_block_says_whether_it_pays_on_figures_or_on_events()
    {
        var expected = new Dictionary<string, AwardBasis>
        {
            ["milestones"] = AwardBasis.Figures, ["growth-steps"] = AwardBasis.Figures, ["period-growth"] = AwardBasis.Figures,
            ["spending-share"] = AwardBasis.Figures, ["chain-purchases"] = AwardBasis.Figures, ["patent-sales"] = AwardBasis.Figures,
            ["profit-margin"] = AwardBasis.Figures, ["fixed-asset"] = AwardBasis.Figures, ["electricity"] = AwardBasis.Figures,
            ["training"] = AwardBasis.Figures,
            ["titles"] = AwardBasis.Events, ["ranking"] = AwardBasis.Events, ["project-share"] = AwardBasis.Events,
            ["signed-project"] = AwardBasis.Events, ["premises"] = AwardBasis.Events, ["relocation"] = AwardBasis.Events,
            ["referral"] = AwardBasis.Events,
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), RuleRegistry.Clauses.Keys.Order(StringComparer.Ordinal));
        foreach (var part in Catalog.Clauses.SelectMany(c => c.Parts))
        {
            Assert.Equal(expected[part.RuleName], part.Rule.Basis);
        }
    }

    [Fact]
    public void A_clause_s_current_award_year_follows_what_it_pays_on()
    {
        var december2026 = AwardYears.On(new DateOnly(2026, 12, 6));
        // zz2023-23/5: 营业收入首次突破50亿元 — a year's figures, judged for 2025.
        Assert.Equal((AwardBasis.Figures, 2025), (Catalog.ClausesById["zz2023-23/5"].Basis, december2026.Of(Catalog.ClausesById["zz2023-23/5"])));
        // zz2023-23/7: 增速 in steps of points — figures too.
        Assert.Equal(2025, december2026.Of(Catalog.ClausesById["zz2023-23/7"]));
        // zz2023-23/2: a title won (titles) — an event, judged for 2026.
        Assert.Equal((AwardBasis.Events, 2026), (Catalog.ClausesById["zz2023-23/2"].Basis, december2026.Of(Catalog.ClausesById["zz2023-23/2"])));
        // zz2023-23/9: a share of a completed tech-reform project's investment — an event.
        Assert.Equal(2026, december2026.Of(Catalog.ClausesById["zz2023-23/9"]));
        Assert.True(Catalog.ClausesById["zz2023-23/9"].Parts.All(p => p.Rule is ProjectShareRule));
    }

    /// <summary>The switch offers the three years before the figures year, the figures year and the events year, each named.</summary>
    [Fact]
    public void The_year_switch_names_the_current_years()
    {
        var years = AwardYears.On(new DateOnly(2026, 12, 6));
        Assert.Equal([2026, 2025, 2024, 2023, 2022], years.Offered);
        Assert.Equal("2025年度（数据类条款的当前年度）", years.Name(2025));
        Assert.Equal("2026年度（事件类条款的当前年度）", years.Name(2026));
        Assert.Equal("2024年度", years.Name(2024));
    }
}
