using CsCheck;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Evaluation;

/// <summary>
/// Properties that hold for every dossier, checked on random ones: caps, totals, shares, windows, monotonicity.
/// A failure prints the seed that reproduces it.
/// </summary>
public sealed class InvariantTests
{
    private static readonly Evaluator Engine = new(PolicySource.Default());

    private static readonly string[] HonorKinds = [.. Vocabulary.HonorKinds.Keys];

    /// <summary>A random enterprise with a few years of figures, titles, projects, spending and purchases.</summary>
    internal static Dossier RandomDossier(Random r)
    {
        string[] traitPool = ["industrial", "manufacturing", "above-scale", "in-library", "chain-leader", "information", "training-institution", "four-above", "strategic-emerging"];
        var traits = traitPool.Where(_ => r.Next(3) > 0).ToHashSet();
        var figures = new Dictionary<string, IReadOnlyDictionary<Period, decimal>>();
        var revenue = new Dictionary<Period, decimal>();
        var v = (decimal)Math.Round(Math.Exp(r.NextDouble() * 10 + 15));
        for (var y = 2021; y <= 2026; y++)
        {
            revenue[Period.OfYear(y)] = v;
            v = decimal.Round(v * (decimal)(0.8 + r.NextDouble() * 0.8));
        }

        figures["mainRevenue"] = revenue;
        figures["seiRevenue"] = revenue.ToDictionary(p => p.Key, p => decimal.Round(p.Value * (decimal)r.NextDouble()));
        figures["operatingRevenue"] = new Dictionary<Period, decimal>
        {
            [Period.OfQuarter(2022, 1)] = r.Next(1, 500) * 1_000_000m,
            [Period.OfQuarter(2023, 1)] = r.Next(1, 600) * 1_000_000m,
            [Period.OfYear(2022)] = r.Next(1, 2000) * 1_000_000m,
            [Period.OfYear(2023)] = r.Next(1, 2400) * 1_000_000m,
        };
        var honors = Enumerable.Range(0, r.Next(0, 5)).Select(_ => new Honor(HonorKinds[r.Next(HonorKinds.Length)], new DateOnly(2022 + r.Next(5), 1 + r.Next(12), 1 + r.Next(28)))
        {
            Item = r.Next(2) == 0 ? "类别" + r.Next(3) : null,
            ProvincialFunding = r.Next(1, 1000) * 10_000m,
            Sales = r.Next(1, 10000) * 10_000m,
        }).ToList();
        string[] kinds = ["new", "tech-reform", "smart", "green", "platform"];
        var projects = Enumerable.Range(0, r.Next(0, 4)).Select(i => new Project("P" + i, kinds[r.Next(kinds.Length)])
        {
            Sei = r.Next(2) == 0,
            TotalInvestment = r.Next(1, 100_000) * 10_000m,
            EquipmentInvestment = r.Next(1, 80_000) * 10_000m,
            BenefitRate = r.Next(0, 30) / 100m,
            CompletedOn = new DateOnly(2022 + r.Next(5), 1 + r.Next(12), 1),
            ReachedOutputOn = new DateOnly(2022 + r.Next(5), 1 + r.Next(12), 1),
        }).ToList();
        string[] spend = ["exhibition", "central-media-ads", "launch-event"];
        var spending = Enumerable.Range(0, r.Next(0, 4)).Select(_ => new Spending(spend[r.Next(3)], 2022 + r.Next(5), r.Next(1, 5000) * 1_000m)).ToList();
        string[] suppliers = ["91410100MA3159566W", "91410100MA18931346", "91410100MA119312XG"];
        var procurement = Enumerable.Range(0, r.Next(0, 6)).Select(_ => new Procurement(2022 + r.Next(5), suppliers[r.Next(3)], r.Next(1, 20_000) * 1_000m, r.Next(2) == 0 ? "existing" : "new")).ToList();
        return new Dossier
        {
            Uscc = "91410100MA3159566W",
            Name = "随机企业",
            District = Vocabulary.Districts[r.Next(Vocabulary.Districts.Count)],
            Traits = traits,
            Sectors = r.Next(2) == 0 ? ["sensor"] : ["new-materials"],
            Figures = new FigureTable(figures),
            Honors = honors,
            Projects = projects,
            Spending = spending,
            Procurement = procurement,
        };
    }

    private static void ForAll(Action<Dossier, int> check) =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var d = RandomDossier(new Random(seed));
            for (var year = 2022; year <= 2026; year++)
            {
                check(d, year);
            }
        }, iter: 300);

    [Fact]
    public void Total_is_the_sum_of_awards_and_shares_add_up()
    {
        ForAll((d, year) =>
        {
            var a = Engine.Evaluate(d, year);
            Assert.Equal(a.Awards.Sum(x => x.Amount), a.Total);
            Assert.All(a.Awards, x =>
            {
                Assert.Equal(x.Amount, x.CityShare + x.DistrictShare);
                Assert.True(x.Amount > 0 && x.CityShare >= 0 && x.DistrictShare >= 0);
                Assert.Equal(decimal.Floor(x.Amount), x.Amount);
            });
        });
    }

    [Fact]
    public void No_award_outside_its_window_or_award_year()
    {
        var catalog = PolicySource.Default();
        ForAll((d, year) =>
        {
            foreach (var a in Engine.Evaluate(d, year).Awards)
            {
                var clause = catalog.ClausesById[a.Clause];
                Assert.Equal(year, a.EventDate.Year);
                Assert.True(clause.Document.Adopted && clause.Document.Repealed is null, $"{a.Clause} paid from a draft or repealed document");
                Assert.True(clause.EffectiveWindow!.Value.Contains(a.EventDate), $"{a.Clause} paid for {a.EventDate} outside {clause.EffectiveWindow}");
            }
        });
    }

    [Fact]
    public void Caps_are_never_exceeded()
    {
        // The yearly or per-item caps the texts set, per clause and item.
        var caps = new Dictionary<string, decimal>
        {
            ["zz2023-23/1"] = 10_000_000m, ["zz2023-23/5"] = 10_000_000m, ["zz2023-23/7"] = 3_000_000m,
            ["zz2023-23/8"] = 10_000_000m, ["zz2023-23/9"] = 10_000_000m, ["zz2023-23/10"] = 10_000_000m,
            ["zz2023-23/11"] = 5_000_000m, ["zz2023-23/13"] = 5_000_000m,
        };
        ForAll((d, year) =>
        {
            var a = Engine.Evaluate(d, year);
            foreach (var line in a.Awards)
            {
                if (caps.TryGetValue(line.Clause, out var cap))
                {
                    Assert.True(line.Amount <= cap, $"{line.Clause} {line.Item} paid {line.Amount} > {cap}");
                }
            }

            Assert.True(a.Awards.Where(x => x.Clause == "zz2023-23/1").Sum(x => x.Amount) <= 10_000_000m);
            Assert.True(a.Awards.Where(x => x.Clause == "zz2023-23/20" && x.Item == "exhibition").Sum(x => x.Amount) <= 1_000_000m);
            Assert.True(a.Awards.Where(x => x.Clause == "zz2023-23/21" && x.Item == "existing").Sum(x => x.Amount) <= 3_000_000m);
            Assert.True(a.Awards.Where(x => x.Clause == "zz2023-23/21" && x.Item == "new").Sum(x => x.Amount) <= 5_000_000m);
        });
    }

    [Fact]
    public void What_the_ledger_paid_for_a_year_is_never_offered_again_for_it()
    {
        // dossier.md: the ledger "keeps a paid award from being offered again for its year"; rule 7: a cap counts the
        // ledger. Pay none, half or all of each line (in January of the next year, settling this one), ask again:
        // per clause, what was paid and what is now offered never exceed what the year owed.
        ForAll((d, year) =>
        {
            var first = Engine.Evaluate(d, year);
            if (first.Awards.Count == 0)
            {
                return;
            }

            var share = year % 3;
            var grants = first.Awards
                .Select(a => new Grant(a.Clause, a.Item, share == 2 ? a.Amount : decimal.Floor(a.Amount / 2), new DateOnly(year + 1, 1, 15)) { Year = year })
                .Where(g => share > 0 && g.Amount > 0)
                .ToList();
            var again = Engine.Evaluate(d with { Grants = grants }, year);
            foreach (var clause in first.Awards.Select(a => a.Clause).Distinct())
            {
                var owed = first.Awards.Where(a => a.Clause == clause).Sum(a => a.Amount);
                var paid = grants.Where(g => g.Clause == clause).Sum(g => g.Amount);
                var offered = again.Awards.Where(a => a.Clause == clause).Sum(a => a.Amount);
                Assert.True(paid + offered <= owed, $"{year} {clause}: owed {owed}, paid {paid}, offered again {offered}");
            }

            Assert.DoesNotContain(again.Awards, a => !first.Awards.Any(f => f.Clause == a.Clause));
        });
    }

    [Fact]
    public void More_revenue_never_lowers_a_milestone_award()
    {
        Gen.Select(Gen.Long[1, 40_000_000_000], Gen.Long[0, 20_000_000_000], Gen.Long[1, 40_000_000_000]).Sample((earlier, v, extra) =>
        {
            decimal Pay(decimal revenue)
            {
                var d = new Dossier
                {
                    Uscc = "91410100MA3159566W", Name = "单调性", District = "郑州经开区",
                    Traits = new HashSet<string> { "industrial" },
                    Figures = new FigureTable(new Dictionary<string, IReadOnlyDictionary<Period, decimal>>
                    {
                        ["mainRevenue"] = new Dictionary<Period, decimal> { [Period.OfYear(2023)] = earlier, [Period.OfYear(2024)] = revenue },
                        ["seiRevenue"] = new Dictionary<Period, decimal> { [Period.OfYear(2024)] = revenue },
                    }),
                };
                return Engine.Evaluate(d, 2024).Awards.Where(a => a.Clause is "zz2023-23/5" or "zz2023-23/6").Sum(a => a.Amount);
            }

            Assert.True(Pay(v) <= Pay(v + extra), $"earlier {earlier}: revenue {v} pays more than {v + extra}");
        }, iter: 500);
    }
}
