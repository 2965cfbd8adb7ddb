using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Huiqi.Bench;

/// <summary>
/// The figures of one run as markdown, with the machine they were taken on: a full run writes bench/results.md, a quick
/// run bench/out/results-quick.md.
/// </summary>
public static class Report
{
    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        var memory = Run("free", "-h").Split('\n').FirstOrDefault(l => l.StartsWith("Mem:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 6 } m
            ? $"{m[1]} total, {m[6]} available"
            : "?";
        return $"{Environment.ProcessorCount} cores ({cpu}), memory {memory}, dotnet SDK {Run("dotnet", "--version").Trim()}, runtime .NET {Environment.Version}, {Environment.OSVersion}";
    }

    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Run(string file, string arguments)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false });
            var text = p!.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    public static void Write(
        string path, string command, string machine, string loadBefore, string loadAfter, int population, Comparison.Outcome outcome,
        Throughput.Figures inMemory, Bdn.Figures? bdn, Throughput.Figures? silent, Throughput.Figures? speaking, BatchRun.Figures? batch, string json)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        void Line(string text = "") => sb.Append(text).Append('\n');
        Line("# Benchmark results");
        Line();
        Line($"Written by `{command}` on {DateTime.Now.ToString("yyyy-MM-dd HH:mm", inv)}.");
        Line();
        Line($"- Machine: {machine}");
        Line($"- Load average (1, 5, 15 min) before / after: {loadBefore} / {loadAfter} — the machine is shared; ratios are taken within the same run.");
        Line($"- Population: {population:N0} synthetic enterprises × award years 2023 and 2024 = {outcome.EnterpriseYears:N0} enterprise-years.");
        Line($"- Identical amounts (engine, hand-written C#, RulesEngine; amount and city share per enterprise-year and clause): **{(outcome.Identical ? "yes" : $"NO, {outcome.Differences:N0} enterprise-years differ")}**.");
        Line();
        Line("| clause | enterprise-years paid | yuan |");
        Line("|---|---:|---:|");
        for (var c = 0; c < 5; c++)
        {
            Line(string.Create(inv, $"| {Catalogues.Subset[c]} | {outcome.PaidCount[c]:N0} | {outcome.Paid[c]:N0} |"));
        }

        Line();
        if (bdn is not null)
        {
            Line("## In memory, BenchmarkDotNet (one thread, mean per enterprise-year)");
            Line();
            Line("| implementation | ns per enterprise-year | enterprise-years/s | allocated per evaluation |");
            Line("|---|---:|---:|---:|");
            Line(string.Create(inv, $"| hand-written C# (subset) | {bdn.HandNs:N0} | {1e9 / bdn.HandNs:N0} | {bdn.HandBytes:N0} B |"));
            Line(string.Create(inv, $"| engine, subset catalogue | {bdn.EngineNs:N0} | {1e9 / bdn.EngineNs:N0} | {bdn.EngineBytes:N0} B |"));
            Line(string.Create(inv, $"| Microsoft RulesEngine (subset) | {bdn.RulesNs:N0} | {1e9 / bdn.RulesNs:N0} | {bdn.RulesBytes:N0} B |"));
            Line(string.Create(inv, $"| engine, full catalogue | {bdn.FullNs:N0} | {1e9 / bdn.FullNs:N0} | {bdn.FullBytes:N0} B |"));
            Line();
            Line(string.Create(inv, $"engine / hand-written = **{bdn.EngineVsHandWritten:F3}**, engine / RulesEngine = **{bdn.EngineVsRulesEngine:F1}**, full catalogue / subset = {bdn.FullVsSubset:F3}"));
            Line();
        }

        Line($"## In memory, Stopwatch rounds (one thread, median of {inMemory.Rounds} rounds, implementations alternated)");
        Line();
        Throughput(sb, inMemory, inv);
        if (silent is not null && speaking is not null)
        {
            Line("### Where the engine's time goes");
            Line();
            Line("Enterprises whose subset answer is empty in both years (nothing paid, nothing refused: no sentence to write):");
            Line();
            Throughput(sb, silent, inv);
            Line("Enterprises whose subset answer has lines (each award and each not-paid line carries its reviewer's sentence):");
            Line();
            Throughput(sb, speaking, inv);
        }

        if (batch is not null)
        {
            Line($"## Batch end to end ({batch.Lines:N0} lines, {batch.Bytes / 1e6:N0} MB, best of {batch.Runs})");
            Line();
            Line("| step | seconds | lines/s |");
            Line("|---|---:|---:|");
            Line(string.Create(inv, $"| bare parse: read each line, JsonDocument.Parse (one thread) | {batch.ParseSeconds:F2} | {batch.Lines / batch.ParseSeconds:N0} |"));
            Line(string.Create(inv, $"| `huiqi evaluate --batch FILE --year 2024 --out F` (whole catalogue, child process) | {batch.BatchSeconds:F2} | {batch.Lines / batch.BatchSeconds:N0} |"));
            Line();
            Line(string.Create(inv, $"batch / parse = **{batch.BatchVsParse:F2}**, batch peak resident set = **{batch.PeakMB:F0} MB**"));
            Line();
            Line($"CLI summary: `{batch.CliSummary}`");
            Line();
        }

        Line("## The summary line");
        Line();
        Line("```json");
        Line(json);
        Line("```");
        File.WriteAllText(path, sb.ToString());
    }

    private static void Throughput(StringBuilder sb, Throughput.Figures f, CultureInfo inv)
    {
        sb.Append("| implementation | enterprise-years/s | allocated per evaluation |\n|---|---:|---:|\n");
        sb.Append(string.Create(inv, $"| hand-written C# (subset) | {f.HandWritten:N0} | {f.HandWrittenBytes:N0} B |\n"));
        sb.Append(string.Create(inv, $"| engine, subset catalogue | {f.Engine:N0} | {f.EngineBytes:N0} B |\n"));
        sb.Append(string.Create(inv, $"| Microsoft RulesEngine (subset) | {f.RulesEngine:N0} | {f.RulesEngineBytes:N0} B |\n"));
        sb.Append(string.Create(inv, $"| engine, full catalogue | {f.EngineFull:N0} | {f.EngineFullBytes:N0} B |\n\n"));
        sb.Append(string.Create(inv, $"engine / hand-written = **{f.EngineVsHandWritten:F3}**, engine / RulesEngine = **{f.EngineVsRulesEngine:F1}**, full catalogue / subset = {f.FullVsSubset:F3}\n\n"));
    }
}
