using CsCheck;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Engine.Output;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Evaluation;

/// <summary>
/// No dossier the contract admits makes the engine's answer, or the work behind it, grow with the size of a figure
/// (issue 13, defect 1). Work is measured by what the engine writes (awards, trace, hints), not by a clock: a
/// block that walked a figure step by step writes a sentence or a check per step.
/// </summary>
public sealed class BoundedAnswerTests
{
    private static readonly Evaluator Engine = new(PolicySource.Default());

    /// <summary>The most an answer with trace and hints may take for the dossiers below (about 20 items).</summary>
    private const int MaxAnswerBytes = 64 * 1024;

    /// <summary>
    /// Ledger lines of the step ladders: a bar named as the item (a step deep inside a 10万亿元 ladder too) or none;
    /// read from the contract's JSON, so they are what any caller could send.
    /// </summary>
    private static IReadOnlyList<Grant> Ledger(Random r)
    {
        string[] items = ["5000000000", "15000000000", "20000000000", "9000000000000", "1500000000", "5000000000000", "null"];
        var lines = Enumerable.Range(0, r.Next(0, 6)).Select(_ =>
        {
            var item = items[r.Next(items.Length)];
            return $$"""{"clause":"zz2023-23/{{5 + r.Next(2)}}","item":{{(item == "null" ? item : $"\"{item}\"")}},"amount":{{DossierReader.MaxYuan}},"date":"{{2021 + r.Next(5)}}-03-01"}""";
        });
        var read = DossierReader.Read("""{"uscc":"91410100MA3159566W","name":"台账","district":"金水区","grants":[""" + string.Join(",", lines) + "]}");
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        return read.Dossier!.Grants;
    }

    /// <summary>The largest value the contract admits for a metric (DossierReader's bounds).</summary>
    private static decimal Bound(string metric) => metric switch
    {
        "electricityKwh" => DossierReader.MaxKwh,
        "peerProfitMargin" => 10m,
        _ => DossierReader.MaxYuan,
    };

    /// <summary>
    /// A random enterprise (<see cref="InvariantTests.RandomDossier"/>, twice over for more items) whose figures and
    /// amounts are, more often than not, at or just under the contract's bounds, and whose ledger names steps.
    /// </summary>
    private static Dossier Extreme(int seed)
    {
        var r = new Random(seed);
        var d = InvariantTests.RandomDossier(r);
        var more = InvariantTests.RandomDossier(r);
        decimal Big(decimal v, decimal bound) => r.Next(3) switch
        {
            0 => bound,
            1 => bound - Math.Min(bound / 2, r.Next(1, 1_000_000)),
            _ => v,
        };

        var figures = d.Figures.Metrics.ToDictionary(
            m => m,
            m => (IReadOnlyDictionary<Period, decimal>)d.Figures.Series(m).ToDictionary(p => p.Key, p => Big(p.Value, Bound(m))));
        figures["electricityKwh"] = Enumerable.Range(1, 12).ToDictionary(m => Period.OfMonth(2023, m), _ => Big(1_000_000m, DossierReader.MaxKwh));
        return d with
        {
            Figures = new FigureTable(figures),
            Honors = [.. d.Honors.Concat(more.Honors).Select(h => h with { Sales = Big(h.Sales ?? 0, DossierReader.MaxYuan), ProvincialFunding = Big(h.ProvincialFunding ?? 0, DossierReader.MaxYuan) })],
            Projects = [.. d.Projects.Concat(more.Projects.Select(p => p with { Id = "Q" + p.Id })).Select(p => p with
            {
                TotalInvestment = Big(p.TotalInvestment ?? 0, DossierReader.MaxYuan),
                EquipmentInvestment = Big(p.EquipmentInvestment ?? 0, DossierReader.MaxYuan),
                BenefitRate = Big(p.BenefitRate ?? 0, 10m),
            })],
            Spending = [.. d.Spending.Concat(more.Spending).Select(s => s with { Amount = Big(s.Amount, DossierReader.MaxYuan) })],
            Procurement = [.. d.Procurement.Concat(more.Procurement).Select(p => p with { Amount = Big(p.Amount, DossierReader.MaxYuan) })],
            Grants = Ledger(r),
        };
    }

    [Fact]
    public void Every_answer_stays_small_for_figures_up_to_the_contracts_bounds()
    {
        var options = new EvaluationOptions { Hints = true, Trace = true };
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // The dossier as a caller would send it: the contract's reader must admit it.
            var read = DossierReader.Read(DossierJson.ToJson(Extreme(seed)));
            Assert.True(read.Ok, string.Join("\n", read.Errors));
            for (var year = 2022; year <= 2026; year++)
            {
                // Inside the bounds nothing overflows a decimal either (no "数值过大，计算溢出" for an admitted dossier).
                var json = AnswerJson.ToJson(Engine.Evaluate(read.Dossier!, year, options));
                Assert.True(json.Length < MaxAnswerBytes, $"{json.Length} characters for {year}");
            }
        }, iter: 200);
    }

    [Fact]
    public void An_answer_hardly_grows_for_ten_times_the_revenue()
    {
        // Revenues of 1000亿 to 1万亿 (200 to 2000 steps of 5亿 under zz2023-23/6), then ten times as much (inside the
        // bound): each number in the answer gains a digit or so, and the earlier years' runs may split differently,
        // but no step adds a line, a check or a sentence.
        var options = new EvaluationOptions { Hints = true, Trace = true };
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var r = new Random(seed);
            var d = InvariantTests.RandomDossier(r);
            var revenue = Enumerable.Range(2021, 6).ToDictionary(y => Period.OfYear(y), _ => r.NextInt64(100_000_000_000, 1_000_000_000_000) * 1m);
            Dossier With(decimal times) => d with
            {
                Traits = new HashSet<string>(d.Traits) { "industrial" },
                Figures = new FigureTable(new Dictionary<string, IReadOnlyDictionary<Period, decimal>>
                {
                    ["mainRevenue"] = revenue.ToDictionary(e => e.Key, e => e.Value * times),
                    ["seiRevenue"] = revenue.ToDictionary(e => e.Key, e => e.Value * times),
                }),
            };

            for (var year = 2023; year <= 2026; year++)
            {
                var a = Engine.Evaluate(With(1), year, options);
                var b = Engine.Evaluate(With(10), year, options);
                Assert.True(Math.Abs(a.Trace!.Count - b.Trace!.Count) <= 10, $"{year}: {a.Trace.Count} checks, {b.Trace.Count} for ten times the revenue");
                var growth = AnswerJson.ToJson(b).Length - AnswerJson.ToJson(a).Length;
                Assert.True(growth < 1000, $"{year}: {growth} more characters for ten times the revenue");
            }
        }, iter: 100);
    }

    [Fact]
    public void A_step_bar_named_deep_in_the_ladder_splits_the_run_and_is_not_paid_again()
    {
        // zz2023-23/6 (no cap): 9亿 in 2024 crossed 5亿 then; the ledger paid the step at 20亿 (the 2nd 5亿 step above
        // 10亿) in 2024. 1000亿 in 2025 crosses 10亿 for the first time (200万) and reaches the 5亿 steps 1 to
        // (1000亿 − 10亿) / 5亿 = 198, of which step 2 was paid: 197 steps × 100万. 200万 + 100万 × 197 = 19900万元, written
        // in the addends' unit. The strategic-emerging share it checked is stated: 1000亿 / 1000亿 = 100% ≥ 50%.
        var read = DossierReader.Read("""
            {"uscc":"91410100MA3159566W","name":"战新","district":"金水区","traits":["industrial"],
             "figures":{"mainRevenue":{"2024":900000000,"2025":100000000000},"seiRevenue":{"2025":100000000000}},
             "grants":[{"clause":"zz2023-23/6","item":"2000000000","amount":1000000,"date":"2024-12-01"}]}
            """);
        var award = Assert.Single(Engine.Evaluate(read.Dossier!, 2025).Awards, a => a.Clause == "zz2023-23/6");
        Assert.Equal(199_000_000m, award.Amount);
        Assert.Equal(
            "2025年主营业务收入1000亿元首次超过10亿元，并首次达到第1个5亿元台阶（15亿元）、第3至第198个5亿元台阶（25亿元至1000亿元，共196个），" +
            "战略性新兴产业营业收入1000亿元，占100%，达到50%以上，奖励200万元+100万元×197=19900万元（5亿元台阶已于2024年越过，20亿元台阶已于2024年获奖励）",
            award.Because);
    }
}
