using CsCheck;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Engine.Output;
using Huiqi.Engine.Tests.Input;

namespace Huiqi.Engine.Tests.Output;

public class DossierJsonTests
{
    private const string Everything = """
        {
          "uscc": "91410100MA3159566W", "name": "郑州示例传感科技有限公司", "district": "郑州高新区",
          "traits": ["industrial", "manufacturing", "above-scale", "in-library", "chain-leader"],
          "sectors": ["sensor", "5g"],
          "relocatedOn": "2023-06-30",
          "figures": {
            "mainRevenue": { "2023": 200000000, "2024": 246000000.50 },
            "profit": { "2024": -1200000 },
            "operatingRevenue": { "2022Q1": 300000000, "2023Q1": 335000000 },
            "electricityKwh": { "2022-01": 800000, "2023H1": 4820000 }
          },
          "rankings": [ { "list": "china-500", "year": 2024, "rank": 480, "date": "2024-09-10" } ],
          "honors": [
            { "kind": "provincial-smart-factory", "date": "2025-06-01" },
            { "kind": "cloud-star", "date": "2024-03-01", "stars": 4 },
            { "kind": "first-of-kind", "date": "2024-04-01", "item": "高精度压力传感器", "sales": 12000000, "provincialFunding": 0 }
          ],
          "projects": [
            { "id": "P1", "kind": "tech-reform", "sei": true, "totalInvestment": 30000000, "equipmentInvestment": 24000000, "completedOn": "2024-05-31" },
            { "id": "P2", "kind": "green", "benefitRate": 0.125, "reachedOutputOn": "2024-10-01", "major": true },
            { "id": "P3", "kind": "fixed-asset", "enteredLibraryOn": "2023-01-10", "figures": { "investment": { "2023Q1": 123, "2023Q2": 456.7 } } },
            { "id": "P4", "kind": "signed", "signedOn": "2023-02-01", "startedOn": "2023-09-01", "contractInvestment": 1000000000 }
          ],
          "spending": [ { "kind": "exhibition", "year": 2024, "amount": 300000 } ],
          "procurement": [ { "year": 2024, "supplier": "91410100MA18931346", "amount": 6000000, "chain": "existing" } ],
          "patentProducts": [ { "id": "ZL2023100000001", "grantedOn": "2023-03-01", "sales": { "2023": 1000, "2024": 30000000 } } ],
          "premises": [ { "kind": "lease", "area": 25000.5, "since": "2021-01-01", "date": "2024-01-01" } ],
          "training": [ { "kind": "senior-technician", "year": 2024, "count": 12 } ],
          "grants": [ { "clause": "zz2023-23/15", "item": "provincial-smart-workshop", "amount": 300000, "date": "2024-05-01" }, { "clause": "sj-sangao/5.1", "amount": 50000, "date": "2024-07-01" } ]
        }
        """;

    private static Dossier Read(string json)
    {
        var result = DossierReader.Read(json);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Dossier!;
    }

    [Fact]
    public void Every_section_survives_a_round_trip()
    {
        var original = Read(Everything);

        var json = DossierJson.ToJson(original);
        var again = Read(json);

        AssertSame(original, again);
        Assert.Equal(json, DossierJson.ToJson(again));
        Assert.DoesNotContain('\n', json);
    }

    [Theory]
    [InlineData("01-revenue-milestone.json")]
    [InlineData("02-smart-ladder.json")]
    [InlineData("03-q1-growth-shared.json")]
    public void The_example_dossiers_survive_a_round_trip(string file)
    {
        var original = DossierReader.Read(DossierReaderTests.ExampleDossier(file)).Dossier!;

        AssertSame(original, Read(DossierJson.ToJson(original)));
    }

    [Fact]
    public void Empty_sections_and_absent_fields_are_left_out() =>
        Assert.Equal(
            """{"uscc":"91410100MA3159566W","name":"郑州示例有限公司","district":"金水区"}""",
            DossierJson.ToJson(Read("""{ "uscc": "91410100MA3159566W", "name": "郑州示例有限公司", "district": "金水区", "traits": [], "relocatedOn": null, "figures": {}, "honors": [] }""")));

    [Fact]
    public void Amounts_are_written_exactly_and_without_trailing_zeros()
    {
        var json = DossierJson.ToJson(Read(Everything));

        Assert.Contains("\"2024\":246000000.5", json);
        Assert.Contains("\"benefitRate\":0.125", json);
        Assert.Contains("\"spending\":[{\"kind\":\"exhibition\",\"year\":2024,\"amount\":300000}]", json);
    }

    /// <summary>Up to <paramref name="max"/> units, with up to four decimals (the contract bounds each kind of figure).</summary>
    private static Gen<decimal> UpTo(long max) =>
        Gen.Select(Gen.Long[0, max], Gen.Int[0, 4], (units, scale) => units / (decimal)Math.Pow(10, scale));

    // Money up to 10万亿元, electricity up to 1万亿千瓦时, a margin up to 10 (DossierReader's bounds).
    private static readonly Gen<decimal> Money = UpTo(10_000_000_000_000);

    private static Gen<decimal> ValueOf(string metric) => metric switch
    {
        "electricityKwh" => UpTo(1_000_000_000_000),
        "peerProfitMargin" => UpTo(10),
        _ => Money,
    };

    private static readonly Gen<Period> APeriod = Gen.Select(Gen.Int[2015, 2030], Gen.Int[0, 3], Gen.Int[1, 12], (year, kind, n) => kind switch
    {
        0 => Period.OfYear(year),
        1 => Period.OfHalf(year, 1 + n % 2),
        2 => Period.OfQuarter(year, 1 + n % 4),
        _ => Period.OfMonth(year, n),
    });

    private static readonly Gen<DateOnly> ADate = Gen.Int[0, 6000].Select(days => new DateOnly(2015, 1, 1).AddDays(days));

    private static readonly Gen<Dossier> Dossiers =
        from first16 in Gen.Char[Uscc.Alphabet].Array[8].Select(body => "91410100" + new string(body))
        from district in Gen.OneOf([.. Vocabulary.Districts])
        from traits in Gen.OneOf([.. Vocabulary.Traits.Keys]).ArrayUnique[0, 5]
        from figures in Gen.OneOf([.. Vocabulary.Metrics.Keys]).SelectMany(m => Gen.Dictionary(APeriod, ValueOf(m))[0, 4].Select(values => (m, values))).Array[0, 4]
        from honors in Gen.Select(Gen.OneOf([.. Vocabulary.HonorKinds.Keys]), ADate, Gen.Int[1, 5].Nullable(), Money.Nullable())
            .Select((kind, date, stars, sales) => new Honor(kind, date) { Stars = stars, Sales = sales }).Array[0, 3]
        from grants in Gen.Select(Gen.Int[1, 25], Money, ADate, Gen.Int[-1, 0]).Select((n, amount, date, settles) => new Grant($"zz2023-23/{n}", null, amount, date) { Year = date.Year + settles }).Array[0, 3]
        select new Dossier
        {
            Uscc = Uscc.WithCheckCharacters(first16),
            Name = "郑州示例有限公司",
            District = district,
            Traits = traits.ToHashSet(),
            Figures = new FigureTable(figures
                .Where(f => f.Item2.Count > 0)
                .DistinctBy(f => f.Item1)
                .ToDictionary(f => f.Item1, f => (IReadOnlyDictionary<Period, decimal>)f.Item2)),
            Honors = honors,
            Grants = grants,
        };

    [Fact]
    public void Generated_dossiers_survive_a_round_trip() =>
        Dossiers.Sample(original => AssertSame(original, Read(DossierJson.ToJson(original))));

    /// <summary>Field by field: the model's records hold collections, which record equality compares by reference.</summary>
    private static void AssertSame(Dossier expected, Dossier actual)
    {
        Assert.Equal(expected.Uscc, actual.Uscc);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.District, actual.District);
        Assert.True(expected.Traits.SetEquals(actual.Traits));
        Assert.Equal(expected.Sectors, actual.Sectors);
        Assert.Equal(expected.RelocatedOn, actual.RelocatedOn);
        Assert.Equal(expected.Figures.Metrics.Order(), actual.Figures.Metrics.Order());
        foreach (var metric in expected.Figures.Metrics)
        {
            Assert.Equal(expected.Figures.Series(metric), actual.Figures.Series(metric));
        }

        Assert.Equal(expected.Rankings, actual.Rankings);
        Assert.Equal(expected.Honors, actual.Honors);
        Assert.Equal(expected.Projects.Count, actual.Projects.Count);
        foreach (var (e, a) in expected.Projects.Zip(actual.Projects))
        {
            Assert.Equal(e with { CumulativeInvestment = a.CumulativeInvestment }, a);
            Assert.Equal(e.CumulativeInvestment.OrderBy(i => i.Key), a.CumulativeInvestment.OrderBy(i => i.Key));
        }

        Assert.Equal(expected.Spending, actual.Spending);
        Assert.Equal(expected.Procurement, actual.Procurement);
        Assert.Equal(expected.PatentProducts.Count, actual.PatentProducts.Count);
        foreach (var (e, a) in expected.PatentProducts.Zip(actual.PatentProducts))
        {
            Assert.Equal((e.Id, e.GrantedOn), (a.Id, a.GrantedOn));
            Assert.Equal(e.Sales.OrderBy(s => s.Key), a.Sales.OrderBy(s => s.Key));
        }

        Assert.Equal(expected.Premises, actual.Premises);
        Assert.Equal(expected.Training, actual.Training);
        Assert.Equal(expected.Grants, actual.Grants);
    }
}
