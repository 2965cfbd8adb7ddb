using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using static Huiqi.Simulation.Tests.Population;

namespace Huiqi.Simulation.Tests;

/// <summary>The growth assumptions of a forecast and how a dossier is carried into the next year.</summary>
public sealed class ForecastTests
{
    [Fact]
    public void The_most_specific_assumption_applies_and_the_band_is_central_plus_or_minus_the_spread()
    {
        var (growth, errors) = GrowthAssumptions.Read("growth.yaml", """
default: { central: 8%, spread: 3% }
growth:
  - { metric: mainRevenue, central: 10% }
  - { district: 上街区, central: 5% }
  - { district: 上街区, metric: mainRevenue, central: 12%, low: 2%, high: 20% }
""", 0m, 0.04m);
        Assert.Empty(errors);
        Assert.Equal(0.08m, growth!.Rate("金水区", "exports", Band.Central));
        Assert.Equal(0.07m, growth.Rate("金水区", "mainRevenue", Band.Low));
        Assert.Equal(0.08m, growth.Rate("上街区", "exports", Band.High));
        Assert.Equal((0.02m, 0.12m, 0.20m), (growth.Rate("上街区", "mainRevenue", Band.Low), growth.Rate("上街区", "mainRevenue", Band.Central), growth.Rate("上街区", "mainRevenue", Band.High)));
    }

    [Fact]
    public void A_dossier_is_carried_into_the_next_year_at_the_assumed_growth()
    {
        var d = DossierReader.Read(Line(1, "金水区", "'figures':{'mainRevenue':{'2024':100000000,'2025':200000000,'2025Q1':40000000},'operatingRevenue':{'2025':300000000,'2026':310000000},'peerProfitMargin':{'2025':0.1}},'spending':[{'kind':'exhibition','year':2025,'amount':300000}]")).Dossier!;
        var next = Forecast.Project(d, 2025, _ => 0.08m);
        // 2亿 × 1.08 = 2.16亿; the quarter too; a figure already reported for 2026 is kept; a ratio is carried unchanged.
        Assert.Equal(216_000_000m, next.Figures.Get("mainRevenue", Period.OfYear(2026)));
        Assert.Equal(43_200_000m, next.Figures.Get("mainRevenue", Period.OfQuarter(2026, 1)));
        Assert.Equal(310_000_000m, next.Figures.Get("operatingRevenue", Period.OfYear(2026)));
        Assert.Equal(0.1m, next.Figures.Get("peerProfitMargin", Period.OfYear(2026)));
        // Spending of the year grows too: 30万 × 1.08 = 32.4万.
        Assert.Equal(324_000m, next.Spending.Single(s => s.Year == 2026).Amount);
        // Nothing of the latest year is lost.
        Assert.Equal(200_000_000m, next.Figures.Get("mainRevenue", Period.OfYear(2025)));
    }

    [Fact]
    public void A_budget_naming_an_unknown_clause_is_an_error_with_its_line()
    {
        var (budgets, errors) = Budgets.Read("budget.csv", "key,year,amount\nzz2023-23/9,2026,5000万\nzz2023-23/99,2026,1亿\n", Huiqi.Policies.PolicySource.Default());
        Assert.Null(budgets);
        var e = Assert.Single(errors);
        Assert.Equal(("budget.csv", 3), (e.File, e.Line));
    }
}
