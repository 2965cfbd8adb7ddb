using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Huiqi.Bench;

/// <summary>
/// The batch end to end: <c>huiqi evaluate --batch FILE --year 2024 --out F</c> run as a child process on the population's
/// JSONL file, against the time System.Text.Json takes only to read the same file line by line and parse each line into
/// a <see cref="JsonDocument"/> (one thread, in this process). Peak memory is the child's maximum resident set.
/// </summary>
public static class BatchRun
{
    public sealed record Figures(int Lines, long Bytes, double ParseSeconds, double BatchSeconds, double PeakMB, string CliSummary, int Runs)
    {
        public double BatchVsParse => BatchSeconds / ParseSeconds;

        public void Print()
        {
            Console.WriteLine($"batch, {Lines:N0} lines ({Bytes / 1e6:N0} MB), best of {Runs}:");
            Console.WriteLine($"  bare parse (read + JsonDocument.Parse per line, 1 thread)  {ParseSeconds,7:F2} s  {Lines / ParseSeconds,12:N0} lines/s");
            Console.WriteLine($"  huiqi evaluate --batch (whole catalogue, year 2024)       {BatchSeconds,7:F2} s  {Lines / BatchSeconds,12:N0} lines/s");
            Console.WriteLine($"  batch / parse = {BatchVsParse:F2}   batch peak RSS = {PeakMB:F0} MB");
            Console.WriteLine($"  CLI: {CliSummary}");
        }
    }

    public static Figures Measure(string file, int lines, string cli, int runs)
    {
        var clock = Stopwatch.StartNew();
        Population.WriteJsonl(file, lines);
        var bytes = new FileInfo(file).Length;
        Console.WriteLine($"batch file {file}: {lines:N0} lines, {bytes / 1e6:N0} MB (ready in {clock.Elapsed.TotalSeconds:F1} s)");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"the CLI is not built: {cli} (bash bench/run builds it)");
        }

        var parse = double.MaxValue;
        var batch = double.MaxValue;
        var peak = 0.0;
        var summary = "";
        var output = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "answers.jsonl");
        for (var r = 0; r < runs; r++)
        {
            // Alternate, so both see the same page cache and the same neighbours.
            parse = Math.Min(parse, BareParse(file, lines));
            var (seconds, mb, text) = RunCli(cli, file, output, lines);
            batch = Math.Min(batch, seconds);
            peak = Math.Max(peak, mb);
            summary = text;
        }

        File.Delete(output);
        return new Figures(lines, bytes, parse, batch, peak, summary, runs);
    }

    /// <summary>Reads the file as the batch does (UTF-8 lines) and parses each line into a JsonDocument; nothing else.</summary>
    public static double BareParse(string file, int expected)
    {
        var sw = Stopwatch.StartNew();
        using var reader = new StreamReader(file, Encoding.UTF8, true, 1 << 16);
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            n++;
        }

        sw.Stop();
        if (n != expected)
        {
            throw new InvalidOperationException($"{file}: {n} lines, expected {expected}");
        }

        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>Runs the CLI under /usr/bin/time -v when there is one (maximum resident set), else polls /proc/PID/status VmHWM.</summary>
    private static (double Seconds, double PeakMB, string Summary) RunCli(string cli, string file, string output, int lines)
    {
        var useTime = File.Exists("/usr/bin/time");
        var timeFile = Path.GetTempFileName();
        var psi = new ProcessStartInfo(useTime ? "/usr/bin/time" : "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (useTime)
        {
            foreach (var a in (string[])["-v", "-o", timeFile, "dotnet"])
            {
                psi.ArgumentList.Add(a);
            }
        }

        foreach (var a in (string[])[cli, "evaluate", "--batch", file, "--year", "2024", "--out", output])
        {
            psi.ArgumentList.Add(a);
        }

        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start the CLI");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var hwmKb = 0L;
        while (!p.WaitForExit(20))
        {
            if (!useTime)
            {
                hwmKb = Math.Max(hwmKb, Hwm(p.Id));
            }
        }

        sw.Stop();
        var err = stderr.Result.Trim();
        GC.KeepAlive(stdout.Result);
        if (useTime)
        {
            foreach (var l in File.ReadAllLines(timeFile))
            {
                if (l.Trim().StartsWith("Maximum resident set size (kbytes):", StringComparison.Ordinal))
                {
                    hwmKb = long.Parse(l[(l.LastIndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
                }
            }

            File.Delete(timeFile);
        }

        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"the batch failed ({p.ExitCode}): {err}");
        }

        var answers = 0;
        using (var reader = new StreamReader(output))
        {
            while (reader.ReadLine() is not null)
            {
                answers++;
            }
        }

        if (answers != lines)
        {
            throw new InvalidOperationException($"the batch wrote {answers} answers for {lines} lines");
        }

        var summary = err.Split('\n').LastOrDefault(l => l.Contains("done:", StringComparison.Ordinal)) ?? err;
        return (sw.Elapsed.TotalSeconds, hwmKb / 1024.0, summary.Trim());
    }

    private static long Hwm(int pid)
    {
        try
        {
            foreach (var l in File.ReadLines($"/proc/{pid}/status"))
            {
                if (l.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(l[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
