using System.Globalization;
using CsCheck;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Output;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Evaluation;

/// <summary>
/// The step ladders of zz2023-23/5 and /6 ("每上一个50亿元台阶") counted, not listed: the same amounts and hints as
/// walking the ladder one level at a time, and a sentence that stays short however high the figure (issue 13,
/// defect 1: a revenue of 1e16 used to take seconds and hundreds of megabytes, 1e28 never answered).
/// </summary>
public sealed class MilestoneStepTests
{
    private static readonly Evaluator Engine = new(PolicySource.Default());

    /// <summary>Example 01's enterprise (61亿 in 2022, 80亿 in 2023) with another 2024 revenue, as the API reads it.</summary>
    private static string Example01(string revenue2024) => """
        {"uscc":"91410100MA3159566W","name":"郑州示例装备制造有限公司","district":"郑州经开区",
         "traits":["industrial","manufacturing","above-scale"],
         "figures":{"mainRevenue":{"2022":6100000000,"2023":8000000000,"2024":REVENUE}}}
        """.Replace("REVENUE", revenue2024, StringComparison.Ordinal);

    private static string Answer(string dossier, int year = 2024)
    {
        var read = DossierReader.Read(dossier);
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        return AnswerJson.ToJson(Engine.Evaluate(read.Dossier!, year, new EvaluationOptions { Hints = true, Trace = true }));
    }

    [Fact]
    public void A_revenue_of_ten_trillion_yuan_is_one_summarised_step_sentence()
    {
        // 10万亿元 (the contract's bound for money) in 2024: 50亿 was crossed in 2022, 100亿 is crossed for the first
        // time (400万), and the 50亿 steps above 100亿 reached are (10万亿 − 100亿) / 50亿 = 1998, 150亿 to 10万亿, each
        // 200万: 400万 + 200万 × 1998 = 40亿, capped at 1000万 a year (zz2023-23/5). The sum is written in the unit of its
        // addends and of the cap it is compared with: 400000万元.
        var read = DossierReader.Read(Example01("10000000000000"));
        var award = Assert.Single(Engine.Evaluate(read.Dossier!, 2024).Awards, a => a.Clause == "zz2023-23/5");
        Assert.Equal(10_000_000m, award.Amount);
        Assert.Equal(
            "2024年主营业务收入100000亿元首次超过100亿元，并首次达到第1至第1998个50亿元台阶（150亿元至100000亿元，共1998个），" +
            "奖励400万元+200万元×1998=400000万元，同一企业每年最高1000万元，奖励1000万元（50亿元台阶已于2022年越过）",
            award.Because);
    }

    [Fact]
    public void The_answer_does_not_grow_with_the_figure()
    {
        // With trace and hints on, 1万亿 (198 steps) and 10万亿 (1998 steps) differ only in the digits of their numbers.
        var smaller = Answer(Example01("1000000000000"));
        var larger = Answer(Example01("10000000000000"));
        Assert.True(Math.Abs(larger.Length - smaller.Length) < 40, $"{smaller.Length} characters at 1万亿, {larger.Length} at 10万亿");
    }

    [Fact]
    public void Steps_reached_in_an_earlier_year_are_one_run_in_the_sentence()
    {
        // 2023: 1000亿 reached the 50亿 steps up to 1000亿 (steps 1 to 18, 150亿 … 1000亿); 2024: 1200亿 adds steps 19
        // to 22 (1050亿 … 1200亿), four new steps of 200万 = 800万, under the 1000万 cap; 50亿 and 100亿 were crossed in
        // 2023 too, so nothing else is new (zz2023-23/5).
        var answer = Engine.Evaluate(DossierReader.Read("""
            {"uscc":"91410100MA3159566W","name":"大企业","district":"郑州经开区","traits":["industrial"],
             "figures":{"mainRevenue":{"2023":100000000000,"2024":120000000000}}}
            """).Dossier!, 2024);
        var award = Assert.Single(answer.Awards, a => a.Clause == "zz2023-23/5");
        Assert.Equal(8_000_000m, award.Amount);
        Assert.Equal(
            "2024年主营业务收入1200亿元首次达到第19至第22个50亿元台阶（1050亿元至1200亿元，共4个），奖励200万元×4=800万元" +
            "（50亿元台阶已于2023年越过，100亿元台阶已于2023年越过，第1至第18个50亿元台阶（150亿元至1000亿元，共18个）已于2023年越过）",
            award.Because);
    }

    /// <summary>A clause's ladder as the text sets it: thresholds (超过, strict), then steps (每上一个…台阶, reached), and a yearly cap.</summary>
    private sealed record Ladder(string Clause, (decimal Over, decimal Pays)[] Thresholds, decimal Step, decimal StepPays, decimal? Cap);

    // zz2023-23/5: 首次超过50亿元、100亿元 200万、400万; 每上一个50亿元台阶 200万; 每年最高1000万.
    // zz2023-23/6: 首次超过5亿元、10亿元 100万、200万; 每上一个5亿元台阶 100万; no cap.
    private static readonly Ladder[] Ladders =
    [
        new("zz2023-23/5", [(5_000_000_000m, 2_000_000m), (10_000_000_000m, 4_000_000m)], 5_000_000_000m, 2_000_000m, 10_000_000m),
        new("zz2023-23/6", [(500_000_000m, 1_000_000m), (1_000_000_000m, 2_000_000m)], 500_000_000m, 1_000_000m, null),
    ];

    /// <summary>
    /// The ladder walked one level at a time, as the block did before it counted (interpretation.md rules 2 and 5):
    /// what the award year pays, and the hint's need and pay for the next level not yet had.
    /// </summary>
    private static (decimal Amount, decimal? Needed, decimal? WouldPay) Walk(Ladder l, Dictionary<int, decimal> revenue, List<(string Clause, string? Item, int Year)> grants, int year)
    {
        var v = revenue.GetValueOrDefault(year);
        var levels = l.Thresholds.Select(t => (Bar: t.Over, Strict: true, t.Pays)).ToList();
        for (var bar = l.Thresholds[^1].Over + l.Step; ; bar += l.Step)
        {
            levels.Add((bar, false, l.StepPays));
            if (bar > v)
            {
                break;
            }
        }

        bool Crossed((decimal Bar, bool Strict, decimal Pays) level, decimal x) => level.Strict ? x > level.Bar : x >= level.Bar;
        bool Before((decimal Bar, bool Strict, decimal Pays) level) =>
            revenue.Any(e => e.Key < year && Crossed(level, e.Value))
            || grants.Any(g => g.Clause == l.Clause && (g.Item == level.Bar.ToString(CultureInfo.InvariantCulture)
                || (g.Item is null && g.Year < year && revenue.TryGetValue(g.Year, out var then) && Crossed(level, then))));

        var sum = v > l.Thresholds[0].Over ? levels.Where(x => Crossed(x, v) && !Before(x)).Sum(x => x.Pays) : 0;
        var amount = l.Cap is { } cap ? Math.Min(sum, cap) : sum;
        foreach (var level in levels.Where(x => !Crossed(x, v) && !Before(x)))
        {
            var needed = level.Bar - v + (level.Strict ? 1 : 0);
            return needed > v ? (amount, null, null) : (amount, needed, l.Cap is { } c ? Math.Min(level.Pays, c) : level.Pays);
        }

        return (amount, null, null);
    }

    [Fact]
    public void Counting_the_steps_pays_and_hints_what_walking_them_one_by_one_does()
    {
        // Revenues up to 3000亿 (600 levels of /6) near and on the bars, earlier years and ledger lines (a bar named as
        // the item, or none: the levels of that year's figure) dated before the award year 2025.
        var bars = Ladders.SelectMany(l => l.Thresholds.Select(t => t.Over).Concat(Enumerable.Range(1, 40).Select(i => l.Thresholds[^1].Over + (i * l.Step)))).ToArray();
        var revenueGen = Gen.Frequency(
            (3, Gen.Long[0, 300_000_000_000].Select(v => (decimal)v)),
            (3, Gen.Select(Gen.OneOf(bars.Select(Gen.Const).ToArray()), Gen.Int[-1, 1]).Select((b, d) => b + d)),
            (1, Gen.Int[1, 600].Select(i => 1_000_000_000m + (i * 500_000_000m))));
        var grantGen = Gen.Select(Gen.Int[0, 1], Gen.OneOf(bars.Select(b => Gen.Const((string?)b.ToString(CultureInfo.InvariantCulture))).Append(Gen.Const((string?)null)).ToArray()), Gen.Int[2021, 2024])
            .Select((c, item, y) => (Clause: Ladders[c].Clause, Item: item, Year: y));
        Gen.Select(revenueGen.Array[5], Gen.Bool.Array[5], grantGen.List[0, 4]).Sample((values, present, grants) =>
        {
            var revenue = new Dictionary<int, decimal>();
            for (var i = 0; i < 5; i++)
            {
                if (present[i] || i == 4)
                {
                    revenue[2021 + i] = values[i];
                }
            }

            var series = string.Join(",", revenue.Select(e => $"\"{e.Key}\":{e.Value}"));
            var ledger = string.Join(",", grants.Select(g => $$"""{"clause":"{{g.Clause}}",{{(g.Item is null ? "" : $"\"item\":\"{g.Item}\",")}}"amount":1000000,"date":"{{g.Year}}-06-30"}"""));
            var read = DossierReader.Read("""
                {"uscc":"91410100MA3159566W","name":"台阶","district":"郑州经开区","traits":["industrial"],
                 "figures":{"mainRevenue":{SERIES},"seiRevenue":{SERIES}},"grants":[LEDGER]}
                """.Replace("SERIES", series, StringComparison.Ordinal).Replace("LEDGER", ledger, StringComparison.Ordinal));
            Assert.True(read.Ok, string.Join("\n", read.Errors));
            var answer = Engine.Evaluate(read.Dossier!, 2025, new EvaluationOptions { Hints = true });
            foreach (var l in Ladders)
            {
                var (amount, needed, wouldPay) = Walk(l, revenue, grants, 2025);
                Assert.Equal(amount, answer.Awards.Where(a => a.Clause == l.Clause).Sum(a => a.Amount));
                var hint = answer.Hints!.SingleOrDefault(h => h.Clause == l.Clause);
                Assert.Equal(needed, hint?.Needed);
                Assert.Equal(wouldPay, hint?.WouldPay);
            }
        }, iter: 400);
    }
}
