using System.Diagnostics;
using Huiqi.Engine.Model;

namespace Huiqi.Bench;

/// <summary>
/// In-memory throughput with a plain Stopwatch loop, one thread: a warm-up, then rounds in which the implementations take
/// turns (the order rotates each round), each over the whole population for both award years. Ratios are taken within a
/// round and the median over rounds is reported, so a noisy neighbour slows both sides of a ratio alike.
/// </summary>
public static class Throughput
{
    public sealed record Figures(
        long EnterpriseYearsPerRound,
        double Engine, double HandWritten, double RulesEngine, double EngineFull,
        double EngineVsHandWritten, double EngineVsRulesEngine, double FullVsSubset,
        double EngineBytes, double HandWrittenBytes, double RulesEngineBytes, double EngineFullBytes, int Rounds)
    {
        public void Print()
        {
            Console.WriteLine($"in memory, one thread, Stopwatch, median of {Rounds} rounds over {EnterpriseYearsPerRound:N0} enterprise-years:");
            Console.WriteLine($"  hand-written C#          {HandWritten,14:N0} enterprise-years/s  {HandWrittenBytes,8:N0} B allocated per evaluation");
            Console.WriteLine($"  engine, subset           {Engine,14:N0} enterprise-years/s  {EngineBytes,8:N0} B allocated per evaluation");
            Console.WriteLine($"  RulesEngine              {RulesEngine,14:N0} enterprise-years/s  {RulesEngineBytes,8:N0} B allocated per evaluation");
            Console.WriteLine($"  engine, full catalogue   {EngineFull,14:N0} enterprise-years/s  {EngineFullBytes,8:N0} B allocated per evaluation");
            Console.WriteLine($"  engine / hand-written = {EngineVsHandWritten:F3}   engine / RulesEngine = {EngineVsRulesEngine:F1}   full / subset = {FullVsSubset:F3}");
        }
    }

    private delegate decimal Pass(Dossier[] population);

    public static Figures Measure(Dossier[] population, EngineSubset engine, EngineSubset engineFull, RulesEngineSubset rules, int rounds, bool quick)
    {
        Pass hand = HandPass;
        Pass eng = p => EnginePass(engine, p);
        Pass re = p => RulesPass(rules, p);
        Pass full = p => EnginePass(engineFull, p);
        Pass[] passes = [hand, eng, re, full];

        // Warm-up: every path through tier-0, OSR and tier-1 before anything is timed.
        var warm = population[..Math.Min(population.Length, 5_000)];
        for (var w = 0; w < (quick ? 3 : 5); w++)
        {
            foreach (var p in passes)
            {
                p(warm);
            }
        }

        var bytes = new double[4];
        for (var k = 0; k < 4; k++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            passes[k](warm);
            bytes[k] = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(warm.Length * Comparison.Years.Length);
        }

        var perRound = population.LongLength * Comparison.Years.Length;
        var rates = new double[4][];
        for (var k = 0; k < 4; k++)
        {
            rates[k] = new double[rounds];
        }

        for (var r = 0; r < rounds; r++)
        {
            for (var j = 0; j < 4; j++)
            {
                var k = (j + r) % 4;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var sw = Stopwatch.StartNew();
                var check = passes[k](population);
                sw.Stop();
                rates[k][r] = perRound / sw.Elapsed.TotalSeconds;
                GC.KeepAlive(check);
            }
        }

        var engVsHand = Median(Enumerable.Range(0, rounds).Select(r => rates[1][r] / rates[0][r]));
        var engVsRe = Median(Enumerable.Range(0, rounds).Select(r => rates[1][r] / rates[2][r]));
        var fullVsSub = Median(Enumerable.Range(0, rounds).Select(r => rates[3][r] / rates[1][r]));
        return new Figures(perRound, Median(rates[1]), Median(rates[0]), Median(rates[2]), Median(rates[3]), engVsHand, engVsRe, fullVsSub,
            bytes[1], bytes[0], bytes[2], bytes[3], rounds);
    }

    private static decimal HandPass(Dossier[] population)
    {
        var sum = 0m;
        SubsetAmounts result = default;
        foreach (var d in population)
        {
            HandWritten.Evaluate(d, 2023, ref result);
            sum += result.Total;
            HandWritten.Evaluate(d, 2024, ref result);
            sum += result.Total;
        }

        return sum;
    }

    private static decimal EnginePass(EngineSubset engine, Dossier[] population)
    {
        var sum = 0m;
        var evaluator = engine.Evaluator;
        foreach (var d in population)
        {
            sum += evaluator.Evaluate(d, 2023).Awards.Count;
            sum += evaluator.Evaluate(d, 2024).Awards.Count;
        }

        return sum;
    }

    private static decimal RulesPass(RulesEngineSubset rules, Dossier[] population)
    {
        var sum = 0m;
        SubsetAmounts result = default;
        foreach (var d in population)
        {
            rules.Evaluate(d, 2023, ref result);
            sum += result.Total;
            rules.Evaluate(d, 2024, ref result);
            sum += result.Total;
        }

        return sum;
    }

    public static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length == 0 ? 0 : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
