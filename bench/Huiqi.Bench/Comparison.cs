using Huiqi.Engine.Model;

namespace Huiqi.Bench;

/// <summary>The three implementations over the same population and years: every enterprise-year must give the same amounts.</summary>
public static class Comparison
{
    public static readonly int[] Years = [2023, 2024];

    public sealed record Outcome(long EnterpriseYears, bool Identical, long Differences, IReadOnlyList<string> FirstDifferences, long[] PaidCount, decimal[] Paid);

    public static Outcome Run(Dossier[] population, EngineSubset engine, RulesEngineSubset rules)
    {
        var differences = 0L;
        var first = new List<string>();
        var paidCount = new long[5];
        var paid = new decimal[5];
        var gate = new object();
        Parallel.For(0, population.Length, () => (Diff: 0L, Count: new long[5], Sum: new decimal[5]), (i, _, local) =>
        {
            var d = population[i];
            foreach (var year in Years)
            {
                SubsetAmounts e = default, h = default, r = default;
                engine.Evaluate(d, year, ref e);
                HandWritten.Evaluate(d, year, ref h);
                rules.Evaluate(d, year, ref r);
                for (var c = 0; c < 5; c++)
                {
                    if (e.Amount[c] > 0)
                    {
                        local.Count[c]++;
                        local.Sum[c] += e.Amount[c];
                    }
                }

                if (!e.SameAs(h) || !e.SameAs(r))
                {
                    local.Diff++;
                    lock (gate)
                    {
                        if (first.Count < 10)
                        {
                            first.Add($"enterprise {i} ({d.Uscc}) {year}: engine {e.Describe()}; hand-written {h.Describe()}; RulesEngine {r.Describe()}");
                        }
                    }
                }
            }

            return local;
        }, local =>
        {
            lock (gate)
            {
                differences += local.Diff;
                for (var c = 0; c < 5; c++)
                {
                    paidCount[c] += local.Count[c];
                    paid[c] += local.Sum[c];
                }
            }
        });
        return new Outcome(population.LongLength * Years.Length, differences == 0, differences, first, paidCount, paid);
    }
}
