using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Huiqi.Engine.Model;

namespace Huiqi.Bench;

/// <summary>
/// The in-memory comparison under BenchmarkDotNet (the full run): one operation is one enterprise-year; each invocation
/// evaluates <see cref="InMemoryBenchmarks.Dossiers"/> enterprises for 2023 and 2024. In process, so that the population
/// and the compiled RulesEngine workflow built once by Program are the ones measured.
/// </summary>
public static class Bdn
{
    public sealed record Figures(double HandNs, double EngineNs, double RulesNs, double FullNs, double HandBytes, double EngineBytes, double RulesBytes, double FullBytes)
    {
        public double EngineVsHandWritten => HandNs / EngineNs;
        public double EngineVsRulesEngine => RulesNs / EngineNs;
        public double FullVsSubset => EngineNs / FullNs;

        public void Print()
        {
            Console.WriteLine("in memory, one thread, BenchmarkDotNet (mean per enterprise-year):");
            Console.WriteLine($"  hand-written C#          {HandNs,10:N0} ns  {1e9 / HandNs,12:N0} enterprise-years/s  {HandBytes,8:N0} B allocated");
            Console.WriteLine($"  engine, subset           {EngineNs,10:N0} ns  {1e9 / EngineNs,12:N0} enterprise-years/s  {EngineBytes,8:N0} B allocated");
            Console.WriteLine($"  RulesEngine              {RulesNs,10:N0} ns  {1e9 / RulesNs,12:N0} enterprise-years/s  {RulesBytes,8:N0} B allocated");
            Console.WriteLine($"  engine, full catalogue   {FullNs,10:N0} ns  {1e9 / FullNs,12:N0} enterprise-years/s  {FullBytes,8:N0} B allocated");
            Console.WriteLine($"  engine / hand-written = {EngineVsHandWritten:F3}   engine / RulesEngine = {EngineVsRulesEngine:F1}   full / subset = {FullVsSubset:F3}");
        }
    }

    public static Figures? Run(Dossier[] population, EngineSubset engine, EngineSubset full, RulesEngineSubset rules)
    {
        InMemoryBenchmarks.Population = population[..Math.Min(population.Length, InMemoryBenchmarks.Dossiers)];
        InMemoryBenchmarks.Engine = engine;
        InMemoryBenchmarks.Full = full;
        InMemoryBenchmarks.Rules = rules;
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(500))
            .WithUnrollFactor(1);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .WithArtifactsPath(Path.GetFullPath(Path.Combine("bench", "out", "BenchmarkDotNet.Artifacts")))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<InMemoryBenchmarks>(config);
        double Ns(string name) => Report(summary, name)?.ResultStatistics?.Mean ?? double.NaN;
        double Bytes(string name) => Report(summary, name) is { } r ? r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? double.NaN : double.NaN;
        var figures = new Figures(
            Ns(nameof(InMemoryBenchmarks.HandWritten)), Ns(nameof(InMemoryBenchmarks.EngineSubset)), Ns(nameof(InMemoryBenchmarks.RulesEngine)), Ns(nameof(InMemoryBenchmarks.EngineFullCatalogue)),
            Bytes(nameof(InMemoryBenchmarks.HandWritten)), Bytes(nameof(InMemoryBenchmarks.EngineSubset)), Bytes(nameof(InMemoryBenchmarks.RulesEngine)), Bytes(nameof(InMemoryBenchmarks.EngineFullCatalogue)));
        return double.IsNaN(figures.EngineNs) ? null : figures;
    }

    private static BenchmarkReport? Report(Summary summary, string method) =>
        summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.Success);
}

[MemoryDiagnoser]
public class InMemoryBenchmarks
{
    /// <summary>Enterprises per invocation; each is evaluated for two award years.</summary>
    public const int Dossiers = 20_000;

    private const int Ops = Dossiers * 2;

    public static Dossier[] Population { get; set; } = [];
    public static EngineSubset? Engine { get; set; }
    public static EngineSubset? Full { get; set; }
    public static RulesEngineSubset? Rules { get; set; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops, Description = "hand-written C#")]
    public decimal HandWritten()
    {
        var sum = 0m;
        SubsetAmounts result = default;
        foreach (var d in Population)
        {
            Bench.HandWritten.Evaluate(d, 2023, ref result);
            sum += result.Total;
            Bench.HandWritten.Evaluate(d, 2024, ref result);
            sum += result.Total;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "engine, subset")]
    public int EngineSubset() => Evaluate(Engine!);

    [Benchmark(OperationsPerInvoke = Ops, Description = "RulesEngine")]
    public decimal RulesEngine()
    {
        var sum = 0m;
        SubsetAmounts result = default;
        foreach (var d in Population)
        {
            Rules!.Evaluate(d, 2023, ref result);
            sum += result.Total;
            Rules.Evaluate(d, 2024, ref result);
            sum += result.Total;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "engine, full catalogue")]
    public int EngineFullCatalogue() => Evaluate(Full!);

    private static int Evaluate(EngineSubset engine)
    {
        var n = 0;
        var evaluator = engine.Evaluator;
        foreach (var d in Population)
        {
            n += evaluator.Evaluate(d, 2023).Awards.Count;
            n += evaluator.Evaluate(d, 2024).Awards.Count;
        }

        return n;
    }
}
