using System.Text.Json;
using Huiqi.Engine.Catalog;
using Huiqi.Policies;
using Huiqi.Store;
using Huiqi.Supervision.Monitoring;

namespace Huiqi.Cli.Tests;

/// <summary><c>huiqi targets --db</c>: the districts' monthly reports are the actuals of the reported indicators, on both databases.</summary>
public sealed class TargetsCliTests
{
    private static readonly PolicyCatalog Catalog = PolicySource.Load().Catalog!;

    private static async Task<JsonElement> TargetsAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliIo(TextReader.Null, stdout, new StringWriter(), false));
        Assert.Equal(0, code);
        return JsonDocument.Parse(stdout.ToString()).RootElement.Clone();
    }

    [Theory]
    [BothDatabases]
    public async Task Reported_indicators_are_the_actuals_with_db(Db db)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(db, "huiqi-mon");
        var connection = scratch.Connection;
        await new HuiqiDatabase(connection).MigrateAsync();
        await new MonitoringDatabase(connection).MigrateAsync();
        // 金水区 reports 1–12月 规上工业增加值增速 4.2% for 2020 against Annex 1's 5%: behind by 0.8.
        var reports = new MonthlyReports(Catalog, new MonitoringDatabase(connection), TimeProvider.System);
        Assert.True((await reports.SaveAsync([(0, new ReportInput("金水区", "规上工业增加值增速", 2020, 12, 4.2m))], "金水区", "jinshui-review")).Ok);

        var all = await TargetsAsync("targets", "--year", "2020", "--db", connection);
        var annex = all.EnumerateArray().Where(t => t.GetProperty("clause").GetString() == "zzb2020-19/附件1").ToList();
        Assert.Equal(64, annex.Count);
        var jinshui = annex.Single(t => t.GetProperty("scope").GetString() == "金水区" && t.GetProperty("indicator").GetString() == "规上工业增加值增速");
        Assert.Equal(4.2m, jinshui.GetProperty("actual").GetDecimal());
        Assert.Equal("behind", jinshui.GetProperty("status").GetString());
        Assert.Equal(0.8m, jinshui.GetProperty("shortfall").GetDecimal());
        // Not yet reported: null and "not-reported". Counted from the (empty) registry: 0 new entries against 2, behind.
        var erqi = annex.Single(t => t.GetProperty("scope").GetString() == "二七区" && t.GetProperty("indicator").GetString() == "规上工业增加值增速");
        Assert.Equal(JsonValueKind.Null, erqi.GetProperty("actual").ValueKind);
        Assert.Equal("not-reported", erqi.GetProperty("status").GetString());
        var entries = annex.Single(t => t.GetProperty("scope").GetString() == "金水区" && t.GetProperty("indicator").GetString() == "规上工业新增入库企业数量");
        Assert.Equal(0m, entries.GetProperty("actual").GetDecimal());

        // 2025: every target of zzb2022-zjtx 二 (14 items in the document's list).
        var zjtx = (await TargetsAsync("targets", "--year", "2025", "--db", connection)).EnumerateArray().Where(t => t.GetProperty("document").GetString() == "zzb2022-zjtx").ToList();
        Assert.Equal(14, zjtx.Count);
        Assert.All(zjtx, t => Assert.Equal("city", t.GetProperty("scope").GetString()));
    }
}
