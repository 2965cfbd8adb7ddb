using Huiqi.Demo;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Policies;
using static Huiqi.Simulation.Tests.Population;

namespace Huiqi.Simulation.Tests;

/// <summary>
/// What renewing 郑政〔2023〕23号 costs (<see cref="RenewalCost"/> with the shipped <c>extend-zz2023-23</c>): on planted
/// dossiers whose cost is worked out from the text, and on a generated city (with the planted dossiers among it) against
/// the with-minus-without difference evaluated here clause by clause on the whole catalogue, without the simulation.
/// </summary>
public sealed class RenewalCostTests
{
    private static readonly GrowthAssumptions Growth = new(0.08m, 0.04m);

    /// <summary>
    /// Four enterprises. 1 (金水区): 省级智能车间 recognized 2026-12-10, after zz2023-23 ended (2026-11-26): zz2023-23/15
    /// pays 30万 only when renewed. 2 (郑州经开区): main revenue 40亿 (2025) → 60亿 (2026) first exceeds 50亿:
    /// zz2023-23/5 pays 200万, dated 2026-12-31 (a year figure's event is its last day), outside the old window.
    /// 3 (二七区): exhibition spending of 2026 100万 > 20万: zz2023-23/20 pays 70% = 70万 (≤ 100万), dated 2026-12-31.
    /// 4 (中原区): 省“头雁” on 2026-05-01, inside the old window: 50万 either way, so not part of the renewal's cost.
    /// </summary>
    private static readonly string[] Planted =
    [
        Line(1, "金水区", "'honors':[{'kind':'provincial-smart-workshop','date':'2026-12-10'}]"),
        Line(2, "郑州经开区", "'traits':['industrial'],'figures':{'mainRevenue':{'2025':4000000000,'2026':6000000000}}"),
        Line(3, "二七区", "'spending':[{'kind':'exhibition','year':2026,'amount':1000000}]"),
        Line(4, "中原区", "'honors':[{'kind':'provincial-touyan','date':'2026-05-01'}]"),
    ];

    private static RenewalCost Prepare(GrowthAssumptions? growth = null)
    {
        var (cost, errors) = RenewalCost.Prepare(PolicySource.Default(), Shipped(RenewalCost.ShippedReform), growth ?? Growth);
        Assert.True(cost is not null, string.Join("\n", errors));
        return cost!;
    }

    private static Dossier Read(string line) => DossierReader.Read(line).Dossier!;

    [Fact]
    public void The_renewal_pays_2026s_late_events_and_year_figures_and_2027_grows_with_the_stated_rate()
    {
        var cost = Prepare();
        cost.AddLines(Planted, 1);
        var r = cost.Report();

        Assert.Equal(("zz2023-23", "郑政〔2023〕23号", new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27), new DateOnly(2029, 11, 26), 2026, 2027),
            (r.Document, r.DocumentNumber, r.Expired, r.RenewedFrom, r.RenewedTo, r.Year, r.NextYear));
        Assert.Equal(4, r.Dossiers);

        // 2026: 30万 (/15) + 200万 (/5) + 70万 (/20) = 300万; the 头雁 award is paid either way and adds nothing.
        Assert.Equal(3_000_000m, r.Remaining.Total);
        Assert.Equal(3, r.Remaining.Gainers);
        Assert.Equal(
            [("zz2023-23/5", "郑政〔2023〕23号第五条", 2_000_000m), ("zz2023-23/15", "郑政〔2023〕23号第十五条", 300_000m), ("zz2023-23/20", "郑政〔2023〕23号第二十条", 700_000m)],
            r.ByClause.Select(c => (c.Key, c.Name, c.Remaining)));
        Assert.Equal("支持企业建设智能工厂（车间）", r.ByClause.Single(c => c.Key == "zz2023-23/15").Title);

        // Which is which: the workshop is an event after 2026-11-26 (30万); revenue and spending are 2026's figures,
        // dated 2026-12-31 (200万 + 70万 = 270万).
        var kinds = r.ByKind.ToDictionary(k => k.Kind);
        Assert.Equal(300_000m, kinds[RenewalKind.EventsAfterExpiry].Amount);
        Assert.Equal(["郑政〔2023〕23号第十五条"], kinds[RenewalKind.EventsAfterExpiry].Clauses);
        Assert.Equal(2_700_000m, kinds[RenewalKind.YearFigures].Amount);
        Assert.Equal(["郑政〔2023〕23号第五条", "郑政〔2023〕23号第二十条"], kinds[RenewalKind.YearFigures].Clauses);

        // zz2023-23 is paid by the city alone (interpretation.md rule 9): the districts' finance pays nothing.
        Assert.Equal((3_000_000m, 0m), (r.Remaining.City, r.Remaining.District));
        Assert.Equal([("市级财政", 3_000_000m), ("区县财政", 0m)], r.ByPayer.Select(p => (p.Name, p.Remaining)));
        Assert.Equal(new Dictionary<string, decimal> { ["二七区"] = 700_000m, ["金水区"] = 300_000m, ["郑州经开区"] = 2_000_000m },
            r.ByDistrict.ToDictionary(d => d.Name, d => d.Remaining));

        // 2027 at the stated 8 %: 2026's exhibition spending 100万 grows to floor(100万 × 1.08) = 108万, 70% = 75.6万
        // = 70万 × 1.08. The workshop title is not carried into 2027 (titles count only when dated there) and 64.8亿
        // reaches no new revenue step (50亿 was crossed in 2026, 100亿 is not reached): 75.6万 in all.
        Assert.Equal(0.08m, r.Growth.Central);
        Assert.Equal(756_000m, r.Next.Total);
        Assert.Equal(700_000m * (1 + r.Growth.Central), r.ByClause.Single(c => c.Key == "zz2023-23/20").Next);
        Assert.Equal((756_000m, 0m), (r.Next.City, r.Next.District));
        // Low 4 %: 104万 × 70% = 72.8万; high 12 %: 112万 × 70% = 78.4万.
        Assert.Equal((728_000m, 784_000m), (r.NextLow, r.NextHigh));
    }

    [Fact]
    public void A_higher_stated_growth_costs_more_in_2027_and_the_same_in_2026()
    {
        // 20 %: 100万 → 120万, 70% = 84万 (≤ 100万) in 2027; 2026 is evaluated on the figures as they are: 300万.
        var cost = Prepare(new GrowthAssumptions(0.20m, 0.04m));
        cost.AddLines(Planted, 1);
        var r = cost.Report();
        Assert.Equal(3_000_000m, r.Remaining.Total);
        Assert.Equal(840_000m, r.Next.Total);
    }

    [Fact]
    public void On_a_generated_city_the_cost_is_the_difference_with_and_without_and_every_line_is_zz2023_23()
    {
        var catalog = PolicySource.Default();
        var applied = ReformApplier.Apply(catalog, Shipped(RenewalCost.ShippedReform));
        Assert.True(applied.Ok);
        var with = applied.Scenario!;
        var without = Scenario.Baseline(catalog);
        var city = DemoCity.Generate(400).Concat(Planted.Select(Read)).ToList();

        var cost = Prepare();
        cost.AddDossiers(city);
        var r = cost.Report();

        // The same difference worked out here, line by line, evaluating every clause of both catalogues.
        var now = Difference(city, d => d, 2026, with, without);
        var next = Difference(city, d => Forecast.Project(d, 2026, m => Growth.Rate(d.District, m, Band.Central)), 2027, with, without);
        Assert.Equal(now.Values.Sum(), r.Remaining.Total);
        Assert.Equal(next.Values.Sum(), r.Next.Total);
        Assert.Equal(now.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal),
            r.ByClause.Where(c => c.Remaining != 0).Select(c => KeyValuePair.Create(c.Key, c.Remaining)).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(next.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal),
            r.ByClause.Where(c => c.Next != 0).Select(c => KeyValuePair.Create(c.Key, c.Next)).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        // The planted 300万 are among it, so the comparison is not between two empty sums.
        Assert.True(r.Remaining.Total >= 3_000_000m);

        // Every line the renewal changes is a clause of zz2023-23, named by its article.
        Assert.All(now.Keys.Concat(next.Keys), k => Assert.StartsWith("zz2023-23/", k, StringComparison.Ordinal));
        Assert.All(r.ByClause, c => Assert.Matches("^郑政〔2023〕23号第[一二三四五六七八九十]+条$", c.Name));

        // The shares add up: city + districts = total, each district's rows sum to the total, the two kinds too.
        foreach (var (year, y) in new[] { (r.Remaining, 0), (r.Next, 1) })
        {
            Assert.Equal(year.Total, year.City + year.District);
            Assert.Equal(year.Total, r.ByPayer.Sum(p => y == 0 ? p.Remaining : p.Next));
            Assert.Equal(year.Total, r.ByDistrict.Sum(d => y == 0 ? d.Remaining : d.Next));
            Assert.Equal(year.District, r.ByDistrict.Sum(d => y == 0 ? d.RemainingDistrictShare : d.NextDistrictShare));
        }

        Assert.Equal(r.Remaining.Total, r.ByKind.Sum(k => k.Amount));
    }

    [Fact]
    public void A_reform_that_is_not_a_renewal_is_refused_with_its_line()
    {
        var (cost, errors) = RenewalCost.Prepare(PolicySource.Default(), Shipped("tech-reform-cap-1500"), Growth);
        Assert.Null(cost);
        var error = Assert.Single(errors);
        Assert.Contains("续期测算只接受", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }

    /// <summary>Per clause, what the award year pays with the renewal minus without it, over the population.</summary>
    private static Dictionary<string, decimal> Difference(IEnumerable<Dossier> city, Func<Dossier, Dossier> shape, int year, Scenario with, Scenario without)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var d in city.Select(shape))
        {
            foreach (var (awards, sign) in new[] { (with.Evaluate(d, year).Awards, 1m), (without.Evaluate(d, year).Awards, -1m) })
            {
                foreach (var a in awards)
                {
                    sums[a.Clause] = sums.GetValueOrDefault(a.Clause) + (sign * a.Amount);
                }
            }
        }

        return sums.Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }
}
