using System.Diagnostics;
using System.Globalization;
using System.Text;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Policies;
using Huiqi.Simulation;

namespace Huiqi.Cli.Commands;

/// <summary>
/// <c>huiqi forecast --year Y (--growth FILE | --growth-default 8%) [--spread 4%] [--reform FILE|NAME] [--budget FILE]
/// (--population FILE.jsonl | --db …) [--json]</c>: year Y+1's expected cost of the catalogue (or of a reform of it), the
/// latest year Y's figures grown by low / central / high assumptions, by clause, document, district and payer, beside
/// the actual cost of year Y and set against the budgets.
/// </summary>
public sealed class ForecastCommand : ICliCommand
{
    /// <summary>The band either side of the central growth when the assumptions name none: 4 points.</summary>
    private const decimal DefaultSpread = 0.04m;

    public string Name => "forecast";

    public string Summary => "预算预测：forecast --year Y (--growth FILE | --growth-default 8%) [--spread 4%] [--reform …] [--budget FILE] (--population FILE.jsonl | --db …) [--json]";

    public async Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel)
    {
        var year = args.IntOption("year") ?? throw new UsageException("缺少 --year（最近一个有数据的年度，预测其下一年） / --year (the latest year with figures) is required");
        var growthFile = args.Option("growth");
        var growthDefault = args.Option("growth-default");
        var spreadText = args.Option("spread");
        var reformArg = args.Option("reform");
        var budgetFile = args.Option("budget");
        var json = args.Flag("json");
        var dir = args.Option("catalog");
        var source = SimulationInput.Source.From(args);
        args.EnsureAllRead();
        if ((growthFile is null) == (growthDefault is null))
        {
            throw new UsageException("需要 --growth FILE 或 --growth-default 8%（二选一） / give --growth FILE or --growth-default 8%");
        }

        var central = Rate("growth-default", growthDefault ?? "0");
        var spread = Rate("spread", spreadText ?? DefaultSpread.ToString(CultureInfo.InvariantCulture));

        var loaded = PolicySource.Load(dir);
        if (loaded.Catalog is null)
        {
            return await FailAsync(io, loaded.Errors, ExitCode.Failure);
        }

        var scenario = Scenario.Baseline(loaded.Catalog);
        if (reformArg is not null)
        {
            var (reform, readErrors) = await SimulationInput.ReadReformAsync(reformArg, dir, cancel);
            if (reform is null)
            {
                return await FailAsync(io, readErrors, ExitCode.BadInput);
            }

            var applied = ReformApplier.Apply(loaded.Catalog, reform);
            if (!applied.Ok)
            {
                return await FailAsync(io, applied.Errors, ExitCode.BadInput);
            }

            scenario = applied.Scenario!;
        }

        var growth = new GrowthAssumptions(central, spread);
        if (growthFile is not null)
        {
            var (read, errors) = GrowthAssumptions.Read(growthFile, await ReadAsync(growthFile, cancel), central, spread);
            if (read is null)
            {
                return await FailAsync(io, errors, ExitCode.BadInput);
            }

            growth = read;
        }

        IReadOnlyList<Budget>? budgets = null;
        if (budgetFile is not null)
        {
            var (read, errors) = Budgets.Read(budgetFile, await ReadAsync(budgetFile, cancel), scenario.Catalog);
            if (read is null)
            {
                return await FailAsync(io, errors, ExitCode.BadInput);
            }

            budgets = read;
        }

        var clock = Stopwatch.StartNew();
        var forecast = new Forecast(scenario, growth, year);
        await SimulationInput.FeedAsync(source, forecast, io, cancel);
        var report = forecast.Report(budgets);
        if (io.ErrorIsTerminal)
        {
            await io.Error.WriteAsync("\r");
        }

        foreach (var e in report.Errors)
        {
            await io.Error.WriteLineAsync($"第{e.Line}行 / line {e.Line}: {e.Message}");
        }

        await io.Out.WriteAsync(json ? ForecastJson.ToJson(report, indented: true) + Environment.NewLine : Text(report));
        if (report.OtherYearBudgets > 0)
        {
            await io.Error.WriteLineAsync($"注意 / note: {report.OtherYearBudgets} 条预算不是 {report.Year} 年度的，未比较 / budget lines for other years were not compared");
        }

        await io.Error.WriteLineAsync($"预测完成：{report.Dossiers} 户，用时 {clock.Elapsed.TotalSeconds:F2} 秒 / done: {report.Dossiers} dossiers, {clock.Elapsed.TotalSeconds:F2} s");
        return report.BadLines > 0 ? ExitCode.BadInput : ExitCode.Ok;
    }

    private static decimal Rate(string option, string text) =>
        ParamReader.TryParseRate(text, out var v) ? v : throw new UsageException($"--{option} 应为比例（如 8% 或 0.08），实际为“{text}” / --{option} must be a rate");

    private static async Task<string> ReadAsync(string path, CancellationToken cancel) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancel) : throw new UsageException($"文件不存在 / file not found: {path}");

    private static async Task<int> FailAsync(CliIo io, IEnumerable<CatalogError> errors, int code)
    {
        foreach (var e in errors)
        {
            await io.Error.WriteLineAsync(e.ToString());
        }

        return code;
    }

    private static string Text(ForecastReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Year}年度支出预测（{r.Scenario}；以{r.LatestYear}年数据为基数，{r.Dossiers} 户企业） / forecast of {r.Year} from {r.LatestYear}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"增长假设 / growth: 中值 central {Zh.Percent(r.Growth.Central)}，低 low {Zh.Percent(r.Growth.Central - r.Growth.Spread)}，高 high {Zh.Percent(r.Growth.Central + r.Growth.Spread)}{(r.Growth.Rules.Count > 0 ? $"，另有 {r.Growth.Rules.Count} 条分区县/指标假设" : "")}");
        sb.AppendLine();
        Row(sb, "", $"{r.LatestYear}实际 actual", "低 low", "中 central", "高 high");
        Row(sb, "合计 total", r.Total);
        Section(sb, "按条款 / by clause", r.ByClause);
        Section(sb, "按文件 / by document", r.ByDocument);
        Section(sb, "按企业所在区县 / by district", r.ByDistrict);
        Section(sb, "按出资方 / by payer", r.ByPayer.Select(kv => new KeyValuePair<string, BandAmounts>(kv.Key == "city" ? "市级 city" : "区县 district", kv.Value)).ToList());
        if (r.Budgets.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("预算对比 / against the budgets:");
            foreach (var b in r.Budgets)
            {
                var status = b.Status switch { "over" => "超出预算 OVER", "at-risk" => "高值超出 AT RISK", _ => "预算内 within" };
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {b.Budget.Key}：预算 {Zh.Money(b.Budget.Amount)}，预测 {Zh.Money(b.Forecast.Low)} / {Zh.Money(b.Forecast.Central)} / {Zh.Money(b.Forecast.High)}：{status}");
            }
        }

        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, IReadOnlyList<KeyValuePair<string, BandAmounts>> rows)
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

    private static void Row(StringBuilder sb, string label, BandAmounts a) =>
        Row(sb, label, Zh.Money(a.Latest), Zh.Money(a.Low), Zh.Money(a.Central), Zh.Money(a.High));

    private static void Row(StringBuilder sb, string label, params string[] cells)
    {
        sb.Append(Pad(label, 26));
        foreach (var c in cells)
        {
            sb.Append(Pad(c, 16));
        }

        sb.AppendLine();
    }

    private static string Pad(string s, int width) => s + new string(' ', Math.Max(1, width - s.Sum(ch => ch > 0x2E80 ? 2 : 1)));
}
