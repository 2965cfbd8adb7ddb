using System.Globalization;
using System.Text.Json;
using Huiqi.Bench;

// huiqi bench: see bench/README.md. `bash bench/run [--quick]` builds the CLI and this project and runs it.
var quick = args.Contains("--quick");
var population = IntArg("--population", quick ? 20_000 : 100_000);
var batchLines = IntArg("--batch-lines", quick ? 250_000 : 1_000_000);
var rounds = IntArg("--rounds", quick ? 5 : 9);
var cli = StringArg("--cli", "src/Huiqi.Cli/bin/Release/net10.0/huiqi.dll");
var dataDir = StringArg("--data", "bench/out");
var useBdn = !quick && !args.Contains("--no-bdn");
var skipBatch = args.Contains("--no-batch");

if (StringArg("--reader", "") is { Length: > 0 } readerFile)
{
    // Reading alone, on any JSONL file (the batch population, a demo city): see ReaderRun.
    ReaderRun.Measure(readerFile, IntArg("--lines", 100_000), rounds, args.Contains("--alloc"));
    return 0;
}

var machine = Report.Machine();
var loadBefore = Report.Load();
Console.WriteLine($"# huiqi bench {(quick ? "--quick" : "(full)")}: {DateTime.Now:yyyy-MM-dd HH:mm}; {machine}; load {loadBefore}");

var full = Catalogues.Full();
var subset = full.Only(Catalogues.Subset);
Console.WriteLine($"catalogue: {full.Clauses.Count} clauses in {full.Documents.Count} documents; subset {string.Join(", ", subset.Clauses.Select(c => c.Id))}" +
    (Catalogues.UsedStandIn ? " (zzw2022-155/2 from the stand-in file: policies/zzw2022-155.yaml is not embedded yet)" : ""));

var clock = System.Diagnostics.Stopwatch.StartNew();
var dossiers = Population.InMemory(population);
Console.WriteLine($"population: {population:N0} enterprises × {Comparison.Years.Length} award years ({string.Join(", ", Comparison.Years)}), generated and read in {clock.Elapsed.TotalSeconds:F1} s");

var engine = new EngineSubset(subset);
var engineFull = new EngineSubset(full);
var rules = new RulesEngineSubset();

if (StringArg("--alloc-profile", "") is { Length: > 0 } allocTarget)
{
    var which = allocTarget == "full" ? engineFull : engine;
    AllocationProfile.Run(() =>
    {
        for (var k = 0; k < 5; k++)
        {
            foreach (var d in dossiers)
            {
                which.Evaluator.Evaluate(d, 2024);
                which.Evaluator.Evaluate(d, 2023);
            }
        }
    });
    return 0;
}

if (StringArg("--profile", "") is { Length: > 0 } target)
{
    // For `perf record`: one implementation in a loop for --seconds, nothing else.
    var which = target == "full" ? engineFull : engine;
    var until = DateTime.UtcNow.AddSeconds(IntArg("--seconds", 20));
    var n = 0L;
    while (DateTime.UtcNow < until)
    {
        foreach (var d in dossiers)
        {
            n += which.Evaluator.Evaluate(d, 2024).Awards.Count + which.Evaluator.Evaluate(d, 2023).Awards.Count;
        }
    }

    Console.WriteLine(n);
    return 0;
}

clock.Restart();
var outcome = Comparison.Run(dossiers, engine, rules);
Console.WriteLine($"identical: {outcome.Identical.ToString().ToLowerInvariant()} over {outcome.EnterpriseYears:N0} enterprise-years ({clock.Elapsed.TotalSeconds:F1} s)");
for (var c = 0; c < 5; c++)
{
    Console.WriteLine($"  {Catalogues.Subset[c],-15} paid in {outcome.PaidCount[c],8:N0} enterprise-years, {outcome.Paid[c],20:N0} yuan");
}

if (!outcome.Identical)
{
    Console.WriteLine($"DIFFERENCES: {outcome.Differences:N0} enterprise-years differ; the first:");
    foreach (var line in outcome.FirstDifferences)
    {
        Console.WriteLine("  " + line);
    }
}

var inMemory = Throughput.Measure(dossiers, engine, engineFull, rules, rounds, quick);
inMemory.Print();
Throughput.Figures? silent = null, speaking = null;
if (!quick || args.Contains("--split"))
{
    // Where the engine's time goes: enterprises whose subset answer is empty in both years (no award, nothing refused,
    // so no sentence to write) against those whose answer says something.
    bool Says(Huiqi.Engine.Model.Dossier d) => Comparison.Years.Any(y => engine.Answer(d, y) is { } a && (a.Awards.Count > 0 || a.NotPaid.Count > 0 || a.Referrals.Count > 0));
    var says = dossiers.Where(Says).ToArray();
    var quiet = dossiers.Where(d => !Says(d)).ToArray();
    Console.WriteLine($"split: {quiet.Length:N0} enterprises with an empty subset answer in both years, {says.Length:N0} with something to say");
    Console.Write("  empty answers: ");
    silent = Throughput.Measure(quiet, engine, engineFull, rules, Math.Max(3, rounds / 2), quick);
    silent.Print();
    Console.Write("  answers with lines: ");
    speaking = Throughput.Measure(says, engine, engineFull, rules, Math.Max(3, rounds / 2), quick);
    speaking.Print();
}

Bdn.Figures? bdn = null;
if (useBdn)
{
    bdn = Bdn.Run(dossiers, engine, engineFull, rules);
    bdn?.Print();
}

BatchRun.Figures? batch = null;
if (!skipBatch)
{
    var file = Path.Combine(dataDir, $"population-{batchLines}.jsonl");
    batch = BatchRun.Measure(file, batchLines, cli, quick ? 2 : 3);
    batch.Print();
}

// Ratios: BenchmarkDotNet's when it ran (full), else the Stopwatch loop's (quick).
var engineVsHand = bdn?.EngineVsHandWritten ?? inMemory.EngineVsHandWritten;
var engineVsRules = bdn?.EngineVsRulesEngine ?? inMemory.EngineVsRulesEngine;
var summary = new Dictionary<string, object>
{
    ["population"] = population,
    ["identical"] = outcome.Identical,
    ["engineVsHandWritten"] = Math.Round(engineVsHand, 3),
    ["engineVsRulesEngine"] = Math.Round(engineVsRules, 1),
    ["batchVsParse"] = batch is null ? 0.0 : Math.Round(batch.BatchVsParse, 2),
    ["batchPeakMB"] = batch is null ? 0 : (int)Math.Ceiling(batch.PeakMB),
};
var json = JsonSerializer.Serialize(summary);
if (!args.Contains("--no-report"))
{
    var reportPath = quick ? Path.Combine(dataDir, "results-quick.md") : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDir))!, "results.md");
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportPath))!);
    Report.Write(reportPath, StringArg("--as", "dotnet Huiqi.Bench.dll " + string.Join(" ", args)),
        machine, loadBefore, Report.Load(), population, outcome, inMemory, bdn, silent, speaking, batch, json);
    Console.WriteLine($"figures written to {reportPath}");
}

Console.WriteLine(json);
return outcome.Identical ? 0 : 1;

int IntArg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

string StringArg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
