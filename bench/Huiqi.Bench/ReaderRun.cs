using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Huiqi.Engine.Input;

namespace Huiqi.Bench;

/// <summary>
/// Reading dossiers alone, one thread, in memory: the lines of a JSONL file parsed into a <see cref="JsonDocument"/> only,
/// read by <see cref="DossierReader.Read(string)"/> (the streaming reading, with the thorough one behind it for lines it
/// gives up on), and read by the thorough reading alone. Rounds alternate the three; ratios are taken within a round and
/// the median is reported, so a busy neighbour slows both sides of a ratio alike.
/// </summary>
public static class ReaderRun
{
    private delegate int Pass(string[] lines);

    public static void Measure(string file, int limit, int rounds, bool allocations)
    {
        var lines = File.ReadLines(file, Encoding.UTF8).Where(l => !string.IsNullOrWhiteSpace(l)).Take(limit).ToArray();
        var bytes = lines.Sum(l => (long)Encoding.UTF8.GetByteCount(l));
        Console.WriteLine($"reader: {lines.Length:N0} lines of {file} ({bytes / (double)lines.Length:N0} B a line), one thread, median of {rounds} rounds");

        (string Name, Pass Pass)[] passes =
        [
            ("JsonDocument.Parse only", ls => ls.Count(l => { using var d = JsonDocument.Parse(l); return d.RootElement.ValueKind == JsonValueKind.Object; })),
            ("DossierReader.Read (streaming)", ls => ls.Count(l => DossierReader.Read(l).Ok)),
            ("thorough reading alone", ls => ls.Count(l => DossierReader.ReadThorough(l).Ok)),
        ];

        var warm = lines[..Math.Min(lines.Length, 5_000)];
        if (allocations)
        {
            Console.WriteLine("allocated by the streaming reading, by type:");
            AllocationProfile.Run(() => passes[1].Pass(lines));
            return;
        }

        for (var w = 0; w < 3; w++)
        {
            foreach (var (_, pass) in passes)
            {
                pass(warm);
            }
        }

        var ok = passes.Select(p => p.Pass(warm)).ToArray();
        var allocated = passes.Select(p =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            p.Pass(warm);
            return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)warm.Length;
        }).ToArray();

        var ns = passes.Select(_ => new List<double>()).ToArray();
        var streamingVsParse = new List<double>();
        var thoroughVsStreaming = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var t = new double[passes.Length];
            for (var k = 0; k < passes.Length; k++)
            {
                var i = (k + r) % passes.Length;
                var sw = Stopwatch.StartNew();
                passes[i].Pass(lines);
                t[i] = sw.Elapsed.TotalNanoseconds / lines.Length;
                ns[i].Add(t[i]);
            }

            streamingVsParse.Add(t[1] / t[0]);
            thoroughVsStreaming.Add(t[2] / t[1]);
        }

        for (var k = 0; k < passes.Length; k++)
        {
            Console.WriteLine($"  {passes[k].Name,-32} {Median(ns[k]),8:N0} ns a line  {allocated[k],8:N0} B allocated a line  ({ok[k]:N0} of {warm.Length:N0} warm-up lines read)");
        }

        Console.WriteLine($"  streaming / parse only = {Median(streamingVsParse):F2}   thorough / streaming = {Median(thoroughVsStreaming):F2}");
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s[s.Count / 2];
    }
}
