using Huiqi.Demo;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Store.Tests;

public sealed class DemoCityTests(Databases databases) : IClassFixture<Databases>
{
    [Fact]
    public void The_same_seed_gives_the_same_city_and_another_seed_another()
    {
        var a = DemoCity.Generate(300, seed: 7).Select(TestData.Json).ToList();
        var b = DemoCity.Generate(300, seed: 7).Select(TestData.Json).ToList();
        var c = DemoCity.Generate(300, seed: 8).Select(TestData.Json).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Every_enterprise_has_a_valid_unique_USCC_and_passes_the_dossier_rules()
    {
        var city = DemoCity.Generate(3000).ToList();

        Assert.All(city, d => Assert.Null(Uscc.Check("uscc", d.Uscc)));
        Assert.Equal(city.Count, city.Select(d => d.Uscc).Distinct().Count());
        Assert.Equal(city.Count, city.Select(d => d.Name).Distinct().Count());
        foreach (var d in city)
        {
            var read = DossierReader.Read(TestData.Json(d));
            Assert.True(read.Ok, $"{d.Uscc}: {string.Join("; ", read.Errors)}");
        }
    }

    [Fact]
    public void Enterprises_are_spread_over_the_sixteen_districts_by_industrial_weight()
    {
        var counts = DemoCity.Generate(3000).GroupBy(d => d.District).ToDictionary(g => g.Key, g => g.Count());
        var total = DemoCity.Districts.Sum(d => d.Weight);

        Assert.Equal(Vocabulary.Districts.Order(), counts.Keys.Order());
        foreach (var (district, weight, _) in DemoCity.Districts)
        {
            Assert.InRange(counts[district], (3000 * weight / total) - 1, (3000 * weight / total) + 1);
        }

        Assert.True(counts["郑州航空港区"] > counts["上街区"] && counts["郑州经开区"] > counts["惠济区"]);
    }

    [Fact]
    public void Revenues_are_heavy_tailed_and_every_kind_of_fact_occurs()
    {
        var city = DemoCity.Generate(3000).ToList();
        var revenue = city.Select(d => d.Figures.Get("mainRevenue", Period.OfYear(2024)) ?? 0m).Order().ToList();
        var median = revenue[revenue.Count / 2];

        Assert.True(revenue[^1] > 100 * median, "the largest enterprise is far above the median");
        Assert.True(revenue.Count(r => r >= 5_000_000_000m) >= 3);
        Assert.Contains(city, d => d.Rankings.Count > 0);
        Assert.Contains(city, d => d.Projects.Any(p => p.Kind == "fixed-asset" && p.CumulativeInvestment.Count > 0));
        Assert.Contains(city, d => d.PatentProducts.Count > 0);
        Assert.Contains(city, d => d.Procurement.Count > 0);
        Assert.Contains(city, d => d.Premises.Count > 0);
        Assert.Contains(city, d => d.Training.Count > 0);
        Assert.Contains(city, d => d.Grants.Count > 0);
        Assert.Contains(city, d => d.RelocatedOn is not null);
        Assert.Contains(city, d => d.District == "上街区" && d.Honors.Any(h => h.Kind == "national-hightech") && !d.Has("blacklisted"));
        Assert.Equal(
            Vocabulary.HonorKinds.Keys.Order(),
            city.SelectMany(d => d.Honors).Select(h => h.Kind).Distinct().Order());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task A_demo_city_goes_into_the_store_and_streams_back_unchanged(Db db)
    {
        var store = await databases.FreshAsync(db);
        var city = DemoCity.Generate(150, seed: 3).ToList();
        Assert.Equal(150, await store.PutManyAsync(city, "demo-data"));

        var back = new List<string>();
        await foreach (var d in store.StreamAsync(pageSize: 40))
        {
            back.Add(TestData.Json(d));
        }

        Assert.Equal(city.Select(TestData.Json), back);
        Assert.Equal(0, await DemoCity.SeedIfEmptyAsync(store, 10));
    }
}
