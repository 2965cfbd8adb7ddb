using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Huiqi.Policies;
using Huiqi.Store;
using Huiqi.Store.Import;
using Huiqi.Supervision.Monitoring;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Huiqi.Supervision.Tests;

/// <summary>The monitoring tables on SQLite and PostgreSQL: reports upserted and audited, bad sheets refused whole, watchlist warnings.</summary>
public sealed class MonitoringStoreTests(SupervisionDatabases databases) : IClassFixture<SupervisionDatabases>
{
    private static readonly PolicyCatalog Catalog = PolicySource.Load().Catalog!;

    /// <summary>The clock of the tests: mid-July 2020, so 2020's months up to July may be reported.</summary>
    private sealed class July2020 : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2020, 7, 15, 8, 0, 0, TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static MonthlyReports Reports(string connection) => new(Catalog, new MonitoringDatabase(connection), new July2020());

    private static async Task<List<IndicatorReportRow>> AllAsync(string connection)
    {
        await using var db = new MonitoringDatabase(connection).CreateDbContext();
        return await db.Reports.AsNoTracking().OrderBy(r => r.District).ThenBy(r => r.Indicator).ToListAsync();
    }

    [Theory]
    [BothDatabases]
    public async Task The_monitoring_migrations_apply_and_match_the_model(Db db)
    {
        var connection = await databases.FreshAsync(db);
        await using var ctx = new MonitoringDatabase(connection).CreateDbContext();
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
        Assert.False(ctx.Database.HasPendingModelChanges());
    }

    [Theory]
    [BothDatabases]
    public async Task A_second_report_of_the_same_month_replaces_the_first_and_both_are_audited(Db db)
    {
        var connection = await databases.FreshAsync(db);
        var reports = Reports(connection);
        var first = await reports.SaveAsync([(0, new ReportInput("金水区", "规上工业增加值增速", 2020, 6, 4.2m))], "金水区", "jinshui-review");
        Assert.Equal((1, 0), (first.Inserted, first.Updated));
        var second = await reports.SaveAsync([(0, new ReportInput("金水区", "规上工业增加值增速", 2020, 6, 4.6m))], "金水区", "jinshui-review2");
        Assert.Equal((0, 1), (second.Inserted, second.Updated));

        var row = Assert.Single(await AllAsync(connection));
        Assert.Equal(4.6m, row.Value);
        Assert.Equal("%", row.Unit);
        Assert.Equal("jinshui-review2", row.ReportedBy);

        await using var ctx = new MonitoringDatabase(connection).CreateDbContext();
        var audit = await ctx.Audit.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["insert", "update"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("金水区/规上工业增加值增速/2020-06", a.Key));
        Assert.Equal("jinshui-review2", audit[1].Actor);
        Assert.Contains("4.2", audit[1].Old!, StringComparison.Ordinal);
        Assert.Contains("4.6", audit[1].New!, StringComparison.Ordinal);
    }

    [Theory]
    [BothDatabases]
    public async Task A_sheet_with_one_bad_row_writes_nothing_and_names_the_row_and_column(Db db)
    {
        var connection = await databases.FreshAsync(db);
        var reports = Reports(connection);
        var rows = new[]
        {
            Row("金水区", "规上工业增加值增速", 2020, 6, "4.2"),
            Row("金水区", "规上制造业增加值增速", 2020, 6, "四点五"),
            Row("金水区", "工业投资增速", 2020, 6, "9.1"),
        };
        using var sheet = new MemoryStream();
        sheet.SaveAs(rows);
        sheet.Position = 0;

        var result = await reports.ImportAsync(sheet, "金水区", "jinshui-review");
        var error = Assert.Single(result.Errors);
        // The header is row 1, so the second data row is row 3.
        Assert.Equal(3, error.Row);
        Assert.Equal("1至本月累计值", error.Column);
        Assert.Equal("四点五", error.Value);
        Assert.Contains("应为数字", error.Reason, StringComparison.Ordinal);
        Assert.Empty(await AllAsync(connection));

        // A row of another district is refused for a district's reviewer, the good rows with it.
        var other = await reports.SaveAsync([(2, new ReportInput("金水区", "工业投资增速", 2020, 6, 9.1m)), (3, new ReportInput("二七区", "工业投资增速", 2020, 6, 9.1m))], "金水区", "jinshui-review");
        Assert.Equal("第 3 行「区县」列（二七区）：只能报送本区县（金水区）的指标", Assert.Single(other.Errors).ToString());
        // A month that has not begun (the clock says July 2020) and an indicator the district does not report are named.
        var later = await reports.SaveAsync([(2, new ReportInput("金水区", "签约金额", 2020, 8, 1m))], null, "city-review");
        Assert.Equal(["指标", "月份"], later.Errors.Select(e => e.Column));
        Assert.Empty(await AllAsync(connection));
    }

    private static MemoryStream Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        var sheet = new MemoryStream();
        sheet.SaveAs(rows);
        sheet.Position = 0;
        return sheet;
    }

    [Theory]
    [BothDatabases]
    public async Task A_sheet_over_the_row_cap_is_refused_naming_the_cap_and_every_error_of_one_within_it_is_returned(Db db)
    {
        var connection = await databases.FreshAsync(db);
        var reports = Reports(connection);
        var cap = ImportLimits.MonthlyReports.MaxRows;

        // A whole year of the city and its 16 districts fits in one sheet: 17 scopes × their indicators × 12 months.
        var year = ((IEnumerable<string>)["city", .. Vocabulary.Districts]).Sum(s => TargetBoard.ReportedIndicators(Catalog, s).Count) * 12;
        Assert.InRange(year, 1, cap);

        var over = await reports.ImportAsync(Sheet(Enumerable.Range(0, cap + 1).Select(_ => Row("金水区", "工业投资增速", 2020, 6, "9.1"))), null, "city-review");
        var refused = Assert.Single(over.Errors);
        // Row 1 is the header: the first row over the cap is row cap + 2.
        Assert.Equal(cap + 2, refused.Row);
        Assert.Equal($"第 {cap + 2} 行：表格超过区县月报的行数上限：每个工作表最多 4,080 行数据，已停止读取，未导入任何数据；请分批导入", refused.ToString());
        Assert.Empty(await AllAsync(connection));

        // A sheet without one of the template's columns is refused by its header, data rows or not.
        var headerOnly = Sheet([new Dictionary<string, object?> { ["区县"] = "金水区", ["指标"] = "工业投资增速", ["单位"] = "%", ["1至本月累计值"] = "9.1" }]);
        Assert.Equal("第 1 行：缺少“年度”“月份”列，请使用下载的模板", Assert.Single((await reports.ImportAsync(headerOnly, null, "city-review")).Errors).ToString());

        // At the cap every bad row is named (the page lists the first 100 and offers the rest as a download).
        var bad = await reports.ImportAsync(Sheet(Enumerable.Range(0, cap).Select(_ => Row("金水区", "工业投资增速", 2020, 6, "九点一"))), null, "city-review");
        Assert.Equal(cap, bad.Errors.Count);
        Assert.Equal(Enumerable.Range(2, cap), bad.Errors.Select(e => e.Row));
        Assert.Empty(await AllAsync(connection));
    }

    private static Dictionary<string, object?> Row(string district, string indicator, int year, int month, string value) => new()
    {
        ["区县"] = district, ["指标"] = indicator, ["单位"] = "%", ["年度"] = year, ["月份"] = month, ["1至本月累计值"] = value,
    };

    [Theory]
    [BothDatabases]
    public async Task A_fall_beyond_the_citys_threshold_warns_month_on_month_and_year_on_year(Db db)
    {
        var connection = await databases.FreshAsync(db);
        var registry = new HuiqiDatabase(connection);
        var store = new DossierStore(registry);
        var uscc = Huiqi.Engine.Input.Uscc.WithCheckCharacters("91410105MA000000");
        await store.PutAsync(new Dossier { Uscc = uscc, Name = "郑州恒达装备制造有限公司", District = "金水区" }, "test");
        var watchlists = new Watchlists(registry, new MonitoringDatabase(connection), new July2020());

        Assert.Equal("请填写纳入理由", await watchlists.AddAsync("金水区", uscc, " ", "金水区", "jinshui-review"));
        Assert.Equal("只能管理本区县（金水区）的重点企业名单", await watchlists.AddAsync("二七区", uscc, "骨干", "金水区", "jinshui-review"));
        Assert.Null(await watchlists.AddAsync("金水区", uscc, "区级骨干企业，营收占全区 8%", "金水区", "jinshui-review"));

        // Revenue (万元): June 2019 1,000; May 2020 900; June 2020 700. Month on month (900 → 700) it falls 22.2%,
        // year on year (1,000 → 700) 30%.
        await watchlists.SaveAsync(
        [
            (0, new EnterpriseFigure(uscc, "营业收入", 2019, 6, 1000m)),
            (0, new EnterpriseFigure(uscc, "营业收入", 2020, 5, 900m)),
            (0, new EnterpriseFigure(uscc, "营业收入", 2020, 6, 700m)),
        ], "金水区", "jinshui-review");

        // At the default 20% both falls warn.
        var warnings = await watchlists.WarningsAsync("金水区");
        Assert.Equal([("同比", 30.0m), ("环比", 22.2m)], warnings.Select(w => (w.Basis, w.DropPercent)));
        Assert.Contains("同比下降 30%（预警阈值 20%）", warnings[0].Text, StringComparison.Ordinal);

        // The city sets 25% for revenue: only the year-on-year fall remains.
        await watchlists.SetThresholdAsync("营业收入", 25m, "city-review");
        Assert.Equal(["同比"], (await watchlists.WarningsAsync("金水区")).Select(w => w.Basis));
        // Another district's bureau sees nothing of 金水区's list.
        Assert.Empty(await watchlists.WarningsAsync("二七区"));

        // Once the enterprise is off the list its figures no longer warn, and it cannot be reported for.
        var entry = Assert.Single(await watchlists.ListAsync("金水区"));
        Assert.Null(await watchlists.RemoveAsync(entry.Id, "已迁出本区", "金水区", "jinshui-review"));
        Assert.Empty(await watchlists.WarningsAsync("金水区"));
        var refused = await watchlists.SaveAsync([(0, new EnterpriseFigure(uscc, "营业收入", 2020, 7, 1m))], "金水区", "jinshui-review");
        Assert.False(refused.Ok);
        Assert.Equal("已迁出本区", Assert.Single(await watchlists.ListAsync("金水区", history: true)).RemovalReason);
    }
}
