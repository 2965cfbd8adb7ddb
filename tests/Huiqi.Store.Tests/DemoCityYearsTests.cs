using Huiqi.Demo;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;
using Huiqi.Policies;
using Xunit.Abstractions;

namespace Huiqi.Store.Tests;

/// <summary>
/// The default demo city (3,000 enterprises, default seed) across award years 2022–2026: every year pays, every monetary
/// clause of an adopted document pays in some year, 2023 shows the city/district split of zzw2022-155, and the figures
/// and dates hold together up to <see cref="DemoCity.DataAsOf"/>.
/// </summary>
public sealed class DemoCityYearsTests(ITestOutputHelper output)
{
    private static readonly int[] Years = [2022, 2023, 2024, 2025, 2026];

    private static readonly Lazy<List<Dossier>> City = new(() => DemoCity.Generate(3000).ToList());

    private static readonly Lazy<PolicyCatalog> Catalog = new(PolicySource.Default);

    private static readonly Lazy<Dictionary<int, List<Answer>>> Answers = new(() =>
    {
        var evaluator = new Evaluator(Catalog.Value);
        return Years.ToDictionary(y => y, y => City.Value.Select(d => evaluator.Evaluate(d, y)).ToList());
    });

    [Fact]
    public void Every_year_from_2022_to_2026_has_awards()
    {
        foreach (var year in Years)
        {
            var lines = Answers.Value[year].SelectMany(a => a.Awards).ToList();
            output.WriteLine($"{year}: {lines.Select(l => l.Clause).Distinct().Count()} clauses pay, {lines.Count} awards, {lines.Sum(l => (decimal)l.Amount):#,0} yuan");
            Assert.NotEmpty(lines);
        }
    }

    /// <summary>
    /// The clauses come from the catalogue, not from a list here: every clause of an adopted document that a formula
    /// pays (not a referral). A clause the catalogue ranks under another by "从高不重复" (zzw2022-155/9 under
    /// zz2023-23/21: 1 % and 1.5 % against 3 % and 5 % of the same purchases, so the other is always higher) can only
    /// be shown qualifying: its amount is reported as not paid because the higher clause pays the same item.
    /// </summary>
    [Fact]
    public void Every_monetary_clause_of_an_adopted_document_pays_in_some_year()
    {
        var monetary = Catalog.Value.Clauses.Where(c => c.Document.Adopted && !c.IsReferral).Select(c => c.Id).ToList();
        var outranked = Catalog.Value.Precedence.OfType<HighestOnly>().SelectMany(h => h.Clauses.Where(c => c != h.Clauses[^1])).ToHashSet(StringComparer.Ordinal);
        var paid = Years.SelectMany(y => Answers.Value[y].SelectMany(a => a.Awards)).Where(l => l.Amount > 0).Select(l => l.Clause).ToHashSet(StringComparer.Ordinal);
        var qualified = Years.SelectMany(y => Answers.Value[y].SelectMany(a => a.NotPaid)).Where(n => n.Reason.StartsWith("从高不重复", StringComparison.Ordinal)).Select(n => n.Clause).ToHashSet(StringComparer.Ordinal);

        foreach (var clause in monetary)
        {
            output.WriteLine($"{clause}: {string.Join(" ", Years.Select(y => $"{y}={Answers.Value[y].SelectMany(a => a.Awards).Where(l => l.Clause == clause).Sum(l => (decimal)l.Amount):#,0}"))}");
        }

        var missing = monetary.Where(c => !paid.Contains(c) && !(outranked.Contains(c) && qualified.Contains(c))).ToList();
        Assert.True(missing.Count == 0, $"never paid in 2022–2026: {string.Join(", ", missing)}");
        Assert.Contains("zzw2022-155/9", qualified);
        Assert.Contains("zz2023-23/21", paid);
    }

    [Fact]
    public void A_pooled_application_clause_is_offered_to_enterprises_in_its_window()
    {
        // zzw2022-155/12 (服务券) is paid from a yearly pool on application: the engine refers cloud-star enterprises to it.
        var pooled = Catalog.Value.Clauses.Where(c => c.Document.Adopted && c.Path.Pool is not null).Select(c => c.Id).ToList();
        Assert.NotEmpty(pooled);
        foreach (var clause in pooled)
        {
            Assert.Contains(Years, y => Answers.Value[y].Any(a => a.Referrals.Any(r => r.Clause == clause)));
        }
    }

    [Fact]
    public void The_2023_awards_of_zzw2022_155_are_shared_one_to_one_with_the_districts()
    {
        var lines = Answers.Value[2023].SelectMany(a => a.Awards).Where(l => l.Clause.StartsWith("zzw2022-155/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(lines);
        // 1:1 (奖补资金由市级和区县（市）财政按照1∶1比例分担): the city's half rounded down to the yuan, the district the rest.
        Assert.All(lines, l =>
        {
            Assert.True(l.DistrictShare > 0m, $"{l.Clause} {l.Amount}");
            Assert.Equal((decimal)l.Amount, l.CityShare + l.DistrictShare);
            Assert.Equal(Math.Floor(l.Amount / 2m), (decimal)l.CityShare);
        });
        Assert.True(lines.Select(l => l.Clause).Distinct().Count() >= 5);
    }

    [Fact]
    public void Every_award_falls_inside_its_clause_window_and_before_the_data_cut_off()
    {
        foreach (var year in Years)
        {
            foreach (var line in Answers.Value[year].SelectMany(a => a.Awards))
            {
                var window = Catalog.Value.ClausesById[line.Clause].EffectiveWindow;
                Assert.True(window is { } w && w.Contains(line.EventDate), $"{line.Clause} {line.EventDate}");
                Assert.True(line.EventDate <= DemoCity.DataAsOf, $"{line.Clause} {line.EventDate}");
            }
        }
    }

    [Fact]
    public void Quarters_halves_and_years_hold_together_and_nothing_is_dated_after_the_cut_off()
    {
        var cutOff = DemoCity.DataAsOf;
        foreach (var d in City.Value)
        {
            decimal? Revenue(Period p) => d.Figures.Get("operatingRevenue", p);
            for (var year = 2021; year <= 2025; year++)
            {
                if (Revenue(Period.OfQuarter(year, 1)) is { } q1)
                {
                    var h1 = Revenue(Period.OfHalf(year, 1));
                    var total = Revenue(Period.OfYear(year));
                    Assert.True(h1 is not null && total is not null && q1 <= h1 && h1 <= total, $"{d.Uscc} {year}: Q1 {q1}, H1 {h1}, year {total}");

                    // And in proportion to the year (no 2022H1 of 5,368万 beside a 2022 of 204亿): a quarter is about a
                    // quarter of the year, a half about half.
                    Assert.True(q1 >= 0.15m * total && q1 <= 0.35m * total && h1 >= 0.35m * total && h1 <= 0.65m * total, $"{d.Uscc} {year}: Q1 {q1}, H1 {h1}, year {total}");
                }
            }

            Assert.Null(Revenue(Period.OfYear(2026)));
            Assert.Null(Revenue(Period.OfQuarter(2026, 4)));
            if (Revenue(Period.OfHalf(2026, 1)) is { } half)
            {
                Assert.Equal(half, Revenue(Period.OfQuarter(2026, 1)) + Revenue(Period.OfQuarter(2026, 2)));
                var last = Revenue(Period.OfYear(2025))!.Value;
                Assert.True(half >= 0.2m * last && half <= 0.9m * last, $"{d.Uscc}: 2026H1 {half}, 2025 {last}");
            }

            Assert.All(d.Honors, h => Assert.True(h.Date <= cutOff, $"{d.Uscc} {h.Kind} {h.Date}"));
            Assert.All(d.Rankings, r => Assert.True(r.Date <= cutOff && r.Date.Year == r.Year, $"{d.Uscc} {r.List} {r.Date}"));
            Assert.All(d.Grants, g => Assert.True(g.Date <= cutOff && g.Year <= g.Date.Year, $"{d.Uscc} {g.Clause} {g.Date}"));
            Assert.All(d.Premises, p => Assert.True(p.Since <= p.Date && p.Date <= cutOff, $"{d.Uscc} {p.Kind}"));
            Assert.True(d.RelocatedOn is null || d.RelocatedOn <= cutOff);
            Assert.All(d.Spending, s => Assert.True(s.Year < cutOff.Year, $"{d.Uscc} {s.Kind} {s.Year}"));
            Assert.All(d.Procurement, p => Assert.True(p.Year < cutOff.Year, $"{d.Uscc} {p.Year}"));
            Assert.All(d.Training, t => Assert.True(t.Year < cutOff.Year, $"{d.Uscc} {t.Kind} {t.Year}"));
            Assert.All(d.PatentProducts, p => Assert.True(p.GrantedOn <= cutOff && p.Sales.Keys.All(y => y < cutOff.Year && y >= p.GrantedOn.Year)));
            foreach (var p in d.Projects)
            {
                DateOnly?[] inOrder = [p.SignedOn, p.StartedOn, p.CompletedOn, p.ReachedOutputOn];
                var dated = inOrder.Where(x => x is not null).Select(x => x!.Value).ToList();
                Assert.True(dated.SequenceEqual(dated.Order()) && dated.All(x => x <= cutOff), $"{d.Uscc} {p.Id}: {string.Join(", ", dated)}");
                Assert.True(p.EnteredLibraryOn is null || p.EnteredLibraryOn <= cutOff);
                Assert.All(p.CumulativeInvestment.Keys, k => Assert.True(k.End <= cutOff));
            }
        }
    }

    /// <summary>The shape the generator's remarks cite: a heavy tail of revenue and the city's 专精特新 and 小巨人.</summary>
    [Fact]
    public void The_city_has_the_shape_the_cited_figures_give()
    {
        var industry = City.Value.Where(d => d.Has("industrial") && d.Has("above-scale")).ToList();
        var revenue = industry.Select(d => d.Figures.Get("mainRevenue", Period.OfYear(2025)) ?? 0m).ToList();

        // 2011: 1,598 of some 2,500 above 1亿 (about 60 %), 99 above 10亿 (4 %), 12 above 100亿 (0.5 %).
        Assert.InRange(revenue.Count(r => r >= 100_000_000m) / (double)revenue.Count, 0.35, 0.7);
        Assert.InRange(revenue.Count(r => r >= 1_000_000_000m) / (double)revenue.Count, 0.03, 0.12);
        Assert.InRange(revenue.Count(r => r >= 10_000_000_000m), 3, 30);

        // 2025 aims: more than 200 小巨人 and 1,000 provincial titles in a city of some 2,600–3,000 above-scale enterprises.
        var xiaojuren = City.Value.Count(d => d.Honors.Any(h => h.Kind == "national-xiaojuren"));
        var zjtx = City.Value.Count(d => d.Honors.Any(h => h.Kind == "provincial-zjtx"));
        output.WriteLine($"above-scale industry {industry.Count}, 小巨人 {xiaojuren}, 省级专精特新 {zjtx}, ≥100亿 {revenue.Count(r => r >= 10_000_000_000m)}");
        Assert.InRange(xiaojuren, 80, 250);
        Assert.InRange(zjtx, 300, 700);
    }
}
