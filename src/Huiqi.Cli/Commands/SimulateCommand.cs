using System.Diagnostics;
using System.Globalization;
using System.Text;
using Huiqi.Engine.Evaluation;
using Huiqi.Policies;
using Huiqi.Simulation;
using Huiqi.Store.Import;

namespace Huiqi.Cli.Commands;

/// <summary>
/// <c>huiqi simulate --reform FILE|NAME --year Y (--population FILE.jsonl | --db CONNECTION) [--json] [--xlsx FILE] [--top N] [--strict]</c>:
/// the whole population evaluated under the catalogue and under the reform, and the difference: total cost; by clause,
/// district and payer; who gains and who loses, and why; and, for each change of the reform, how many enterprises it
/// altered — a change that altered none is named in a warning (and in <c>noEffect</c>), never passed over.
/// </summary>
public sealed class SimulateCommand : ICliCommand
{
    /// <summary>Rows an xlsx sheet holds, less the header.</summary>
    private const int SheetRows = 1_048_575;

    public string Name => "simulate";

    public string Summary => "政策调整测算：simulate --reform FILE|NAME --year Y (--population FILE.jsonl | --db …) [--json] [--xlsx FILE] [--top N] [--strict]";

    public async Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel)
    {
        var reformArg = args.RequiredOption("reform");
        var year = args.IntOption("year") ?? throw new UsageException("缺少 --year / --year is required");
        var json = args.Flag("json");
        var strict = args.Flag("strict");
        var xlsx = args.Option("xlsx");
        var top = args.IntOption("top") ?? ReformSimulation.DefaultTop;
        var dir = args.Option("catalog");
        var source = SimulationInput.Source.From(args);
        args.EnsureAllRead();

        var loaded = PolicySource.Load(dir);
        if (loaded.Catalog is null)
        {
            foreach (var e in loaded.Errors)
            {
                await io.Error.WriteLineAsync(e.ToString());
            }

            return ExitCode.Failure;
        }

        var (reform, readErrors) = await SimulationInput.ReadReformAsync(reformArg, dir, cancel);
        if (reform is null)
        {
            foreach (var e in readErrors)
            {
                await io.Error.WriteLineAsync(e.ToString());
            }

            return ExitCode.BadInput;
        }

        var clock = Stopwatch.StartNew();
        var (simulation, errors) = ReformSimulation.Prepare(loaded.Catalog, reform, year, top);
        if (simulation is null)
        {
            foreach (var e in errors)
            {
                await io.Error.WriteLineAsync(e.ToString());
            }

            return ExitCode.BadInput;
        }

        string? detailFile = null;
        StreamWriter? detail = null;
        long detailRows = 0;
        if (xlsx is not null)
        {
            detailFile = Path.GetTempFileName();
            detail = new StreamWriter(detailFile, false, new UTF8Encoding(false), 1 << 16);
            simulation.Detail = (d, line) =>
            {
                detailRows++;
                detail.WriteLine(string.Join('\t', d.Uscc, Clean(d.Name), d.District, line.Clause, line.Item ?? "", Yuan(line.Amount.Baseline), Yuan(line.Amount.Reform),
                    Yuan(line.City.Baseline), Yuan(line.City.Reform), Yuan(line.District.Baseline), Yuan(line.District.Reform), Clean(line.Reason)));
            };
        }

        try
        {
            await SimulationInput.FeedAsync(source, simulation, io, cancel);
            var report = simulation.Report();
            if (io.ErrorIsTerminal)
            {
                await io.Error.WriteAsync("\r");
            }

            foreach (var e in report.Errors)
            {
                await io.Error.WriteLineAsync($"第{e.Line}行 / line {e.Line}: {e.Message}");
            }

            if (report.BadLines > report.Errors.Count)
            {
                await io.Error.WriteLineAsync($"……另有 {report.BadLines - report.Errors.Count} 行有误 / and {report.BadLines - report.Errors.Count} more bad lines");
            }

            if (json)
            {
                await io.Out.WriteLineAsync(SimulationJson.ToJson(report, indented: true));
            }
            else
            {
                await io.Out.WriteAsync(Text(report));
            }

            await WarnAsync(report, io);
            if (xlsx is not null)
            {
                await detail!.DisposeAsync();
                detail = null;
                WriteXlsx(xlsx, report, detailFile!, detailRows);
                await io.Error.WriteLineAsync($"明细已写入 / detail written to {xlsx}（{Math.Min(detailRows, SheetRows)} 行 / rows{(detailRows > SheetRows ? $"，超出一张工作表的部分未写入 / {detailRows - SheetRows} rows beyond one sheet left out" : "")}）");
            }

            await io.Error.WriteLineAsync($"测算完成：{report.Dossiers} 户，{report.BadLines} 行有误，用时 {clock.Elapsed.TotalSeconds:F2} 秒 / done: {report.Dossiers} dossiers, {report.BadLines} bad lines, {clock.Elapsed.TotalSeconds:F2} s");
            if (report.BadLines > 0)
            {
                return ExitCode.BadInput;
            }

            return strict && report.NoEffect.Count > 0 ? ExitCode.Failure : ExitCode.Ok;
        }
        finally
        {
            if (detail is not null)
            {
                await detail.DisposeAsync();
            }

            if (detailFile is not null)
            {
                File.Delete(detailFile);
            }
        }
    }

    /// <summary>Each change that altered no enterprise's answer, named with its file and line, on standard error.</summary>
    private static async Task WarnAsync(SimulationReport report, CliIo io)
    {
        foreach (var c in report.NoEffect)
        {
            await io.Error.WriteLineAsync($"警告 / WARNING: 变更 {c.Index + 1}（{c.Change.Label}）对这 {report.Dossiers} 户企业没有任何影响 / change {c.Index + 1} had no effect on this population");
        }

        if (report.Changes.Count > 0 && report.NoEffect.Count == report.Changes.Count)
        {
            await io.Error.WriteLineAsync($"警告 / WARNING: 调整方案“{report.ReformId}”没有改变任何企业的结果 / the reform changes nothing for this population");
        }
    }

    private static string Text(SimulationReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"调整方案 {r.ReformId}：{r.Title}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Year}年度，{r.Dossiers} 户企业 / award year {r.Year}, {r.Dossiers} dossiers");
        sb.AppendLine();
        Row(sb, "", "现行 baseline", "调整后 reform", "差额 delta");
        Row(sb, "合计 total", r.Total);
        Section(sb, "按条款 / by clause", r.ByClause);
        Section(sb, "按企业所在区县 / by district", r.ByDistrict);
        Section(sb, "按出资方 / by payer", r.ByPayer.Select(kv => new KeyValuePair<string, Amounts>(kv.Key == "city" ? "市级 city" : "区县 district", kv.Value)).ToList());
        Section(sb, "各区县财政承担 / each district's own share", r.DistrictShares);
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"增加 {r.Gainers} 户，减少 {r.Losers} 户，不变 {r.Unchanged} 户 / gainers {r.Gainers}, losers {r.Losers}, unchanged {r.Unchanged}");
        Movers(sb, "增加最多 / largest gains", r.TopGainers);
        Movers(sb, "减少最多 / largest losses", r.TopLosers);
        sb.AppendLine();
        sb.AppendLine("各项变更的影响 / effect of each change:");
        foreach (var c in r.Changes)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {c.Index + 1}. {c.Change.Label}：{(c.Affected == 0 ? "没有影响 / NO EFFECT" : $"影响 {c.Affected} 户 / {c.Affected} affected")}");
        }

        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, IReadOnlyList<KeyValuePair<string, Amounts>> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine(title);
        foreach (var (k, a) in rows)
        {
            Row(sb, "  " + k, a);
        }
    }

    private static void Row(StringBuilder sb, string label, Amounts a) =>
        Row(sb, label, Zh.Money(a.Baseline), Zh.Money(a.Reform), SimulationInput.Signed(a.Delta));

    private static void Row(StringBuilder sb, string label, string b, string r, string d) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Pad(label, 26)}{Pad(b, 16)}{Pad(r, 16)}{d}");

    /// <summary>Pads to a display width, counting a CJK character as two columns.</summary>
    private static string Pad(string s, int width)
    {
        var w = s.Sum(ch => ch > 0x2E80 ? 2 : 1);
        return s + new string(' ', Math.Max(1, width - w));
    }

    private static void Movers(StringBuilder sb, string title, IReadOnlyList<Mover> movers)
    {
        if (movers.Count == 0)
        {
            return;
        }

        sb.AppendLine(title + ":");
        var n = 0;
        foreach (var m in movers)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {++n}. {m.Name}（{m.Uscc}，{m.District}）{SimulationInput.Signed(m.Total.Delta)}：{Zh.Money(m.Total.Baseline)} → {Zh.Money(m.Total.Reform)}");
            foreach (var l in m.Lines)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"       {l.Clause}{(l.Item is null ? "" : " " + l.Item)} {Zh.Money(l.Amount.Baseline)} → {Zh.Money(l.Amount.Reform)}：{l.Reason}");
            }
        }
    }

    private static string Yuan(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>The summary, the changes and every changed line, the detail streamed from the file written during the pass.</summary>
    private static void WriteXlsx(string path, SimulationReport r, string detailFile, long detailRows)
    {
        var summary = new List<Dictionary<string, object?>>();
        void Add(string kind, string key, Amounts a) =>
            summary.Add(new() { ["类别 kind"] = kind, ["项目 key"] = key, ["现行 baseline"] = a.Baseline, ["调整后 reform"] = a.Reform, ["差额 delta"] = a.Delta });
        Add("合计 total", r.ReformId, r.Total);
        foreach (var (k, a) in r.ByClause)
        {
            Add("条款 clause", k, a);
        }

        foreach (var (k, a) in r.ByDistrict)
        {
            Add("区县 district", k, a);
        }

        foreach (var (k, a) in r.ByPayer)
        {
            Add("出资方 payer", k, a);
        }

        foreach (var (k, a) in r.DistrictShares)
        {
            Add("区县财政 district share", k, a);
        }

        var changes = r.Changes.Select(c => new Dictionary<string, object?>
        {
            ["序号 no"] = c.Index + 1, ["位置 at"] = $"{c.Change.File}:{c.Change.Line}", ["变更 change"] = c.Change.Describe(), ["影响企业数 affected"] = c.Affected,
        }).ToList();
        Workbooks.Save(path, [("汇总 summary", summary), ("变更 changes", changes), ("明细 detail", Detail(detailFile, detailRows))]);
    }

    private static readonly string[] DetailColumns =
        ["统一社会信用代码 uscc", "企业名称 name", "区县 district", "条款 clause", "事项 item", "现行 baseline", "调整后 reform", "市级现行 city baseline", "市级调整后 city reform", "区县现行 district baseline", "区县调整后 district reform", "理由 because"];

    private static IEnumerable<Dictionary<string, object?>> Detail(string file, long rows)
    {
        if (rows == 0)
        {
            yield return DetailColumns.ToDictionary(c => c, _ => (object?)null);
            yield break;
        }

        var n = 0;
        foreach (var line in File.ReadLines(file))
        {
            if (++n > SheetRows)
            {
                yield break;
            }

            var cells = line.Split('\t');
            var row = new Dictionary<string, object?>(DetailColumns.Length);
            for (var c = 0; c < DetailColumns.Length; c++)
            {
                row[DetailColumns[c]] = c is >= 5 and <= 10 ? decimal.Parse(cells[c], CultureInfo.InvariantCulture) : cells[c];
            }

            yield return row;
        }
    }
}
