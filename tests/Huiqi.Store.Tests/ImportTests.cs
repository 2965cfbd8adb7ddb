using System.Text;
using Huiqi.Engine.Model;
using Huiqi.Store.Import;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Store.Tests;

public sealed class ImportTests(Databases databases) : IClassFixture<Databases>
{
    private static readonly object?[] FigureHeader = ["统一社会信用代码", "指标", "统计期", "数值"];

    private static async Task<DossierStore> WithEnterprisesAsync(Databases databases, Db db, params int[] numbers)
    {
        var store = await databases.FreshAsync(db);
        await store.PutManyAsync(numbers.Select(n => TestData.Minimal(n)), "test");
        return store;
    }

    private static async Task<(int Facts, int Audit)> CountAsync(DossierStore store)
    {
        await using var ctx = store.Database.CreateDbContext();
        return (await ctx.Figures.CountAsync() + await ctx.Honors.CountAsync(), await ctx.Audit.CountAsync());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task A_clean_sheet_is_written_and_importing_it_again_changes_nothing(Db db)
    {
        var store = await WithEnterprisesAsync(databases, db, 1, 2);
        var file = TestData.Xlsx([
            FigureHeader,
            [TestData.Uscc(1), "主营业务收入", "2023", 200000000],
            [TestData.Uscc(1), "主营业务收入", "2024", 246000000],
            [TestData.Uscc(2), "营业收入", "2023Q1", 335000000.5],
            [TestData.Uscc(2), "用电量", "2022-01", 800000],
        ]);

        var first = await new Importer(store.Database).ImportAsync(file);
        Assert.True(first.Ok, first.ToText());
        Assert.Equal((4, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        var afterFirst = await CountAsync(store);

        var second = await new Importer(store.Database).ImportAsync(file);
        Assert.True(second.Ok, second.ToText());
        Assert.Equal((0, 0, 4), (second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(afterFirst, await CountAsync(store));

        var d = (await store.GetAsync(TestData.Uscc(2)))!;
        Assert.Equal(335000000.5m, d.Figures.Get("operatingRevenue", Period.OfQuarter(2023, 1)));
        Assert.Equal(800000m, d.Figures.Get("electricityKwh", Period.OfMonth(2022, 1)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task A_sheet_with_bad_rows_writes_nothing_and_reports_each_row_column_and_reason(Db db)
    {
        var store = await WithEnterprisesAsync(databases, db, 1, 2);
        var badCheck = TestData.Uscc(1)[..17] + (TestData.Uscc(1)[17] == '0' ? '1' : '0');
        var file = TestData.Xlsx([
            FigureHeader,
            [TestData.Uscc(1), "主营业务收入", "2023", 200000000],
            [badCheck, "主营业务收入", "2023", 1],
            [TestData.Uscc(1), "主营收入", "2023", 1],
            [TestData.Uscc(1), "主营业务收入", "2024年13月", 1],
            [TestData.Uscc(2), "主营业务收入", "2023", "abc"],
            [TestData.Uscc(2), "出口额", "2023", -5],
            [TestData.Uscc(3), "主营业务收入", "2023", 1],
            [TestData.Uscc(1), "主营业务收入", "2023", 200000000],
            [TestData.Uscc(2), "纳税总额", "2024", 1.005],
            [TestData.Uscc(2), "纳税总额", null, 1],
            [TestData.Uscc(2), "营业收入", "2024", 12],
        ]);
        var before = await CountAsync(store);

        var report = await new Importer(store.Database).ImportAsync(file);

        Assert.False(report.Ok);
        Assert.False(report.Written);
        Assert.Equal(before, await CountAsync(store));
        var errors = report.Issues.Errors.Select(e => (e.Row, e.Column[..1], e.Reason)).ToList();
        Assert.Equal(9, errors.Count);
        Assert.Collection(
            errors,
            e => Assert.Equal((3, "A", "统一社会信用代码校验位错误"), e),
            e => Assert.Equal((4, "B"), (e.Row, e.Item2)),
            e => Assert.Equal((5, "C"), (e.Row, e.Item2)),
            e => Assert.Equal((6, "D", "“abc”不是数字"), e),
            e => Assert.Equal((7, "D", "金额不能为负数"), e),
            e => Assert.Equal((8, "A"), (e.Row, e.Item2)),
            e => Assert.Equal((9, "A"), (e.Row, e.Item2)),
            e => Assert.Equal((10, "D", "金额最多精确到分（两位小数）"), e),
            e => Assert.Equal((11, "C", "必填项“统计期”为空"), e));
        Assert.Contains("未知的指标“主营收入”", report.Issues.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("不是统计期", report.Issues.Errors[2].Reason, StringComparison.Ordinal);
        Assert.Contains("企业库中没有这家企业", report.Issues.Errors[5].Reason, StringComparison.Ordinal);
        Assert.Contains("与第2行重复", report.Issues.Errors[6].Reason, StringComparison.Ordinal);
        Assert.Contains("未写入任何数据", report.ToText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task A_district_officers_messy_sheets_are_read_as_meant(Db db)
    {
        var store = await databases.FreshAsync(db);
        var importer = new Importer(store.Database);
        var u1 = TestData.Uscc(1);
        var u2 = TestData.Uscc(2);
        string Spaced(string u) => $"  {u[..8].ToLowerInvariant()} {u[8..]}  ";
        string FullWidth(string u) => new([.. u.Select(c => c is >= '0' and <= '9' or >= 'A' and <= 'Z' ? (char)(c + 0xFEE0) : c)]);

        var enterprises = TestData.Xlsx(
            [
                ["2024年郑州经开区规上工业企业名录", null, null, null, null],
                [" 统一社会信用代码 ", "企业名称", "所属区县（市）", "企业特征", "整体迁入日期"],
                [Spaced(u1), "  郑州测试企业１有限公司 ", "经开区", "工业企业，制造业企业、 规模以上工业企业", 45292],
                [FullWidth(u2), "郑州测试企业2有限公司", "高新区", null, "2023/7/1"],
                [null, null, null, null, null],
                ["填表人：张三", null, null, null, null],
            ],
            "A1:E1");
        var r1 = await importer.ImportAsync(enterprises);
        Assert.True(r1.Ok, r1.ToText());
        Assert.StartsWith("企业信息", r1.Sheets.Single().Kind, StringComparison.Ordinal);

        var figures = TestData.Xlsx(
            [
                ["郑州经开区重点企业主要经济指标", null, null, null, null, null],
                ["统一社会信用代码", "企业名称", "主营业务收入（万元）", null, "用电量（万千瓦时）", null],
                [null, null, "2023年", "2024年", "2024年1月", "2024年1-3月"],
                [Spaced(u1), "郑州测试企业１有限公司", "１２，３４５．６７", 13000, 80.5, "240"],
                [u2, "郑州测试企业2有限公司", "1.2亿", " 15,000 ", "—", null],
                ["合计", null, 36345.67, 28000, 80.5, 240],
            ],
            "A1:F1", "A2:A3", "B2:B3", "C2:D2", "E2:F2");
        var r2 = await importer.ImportAsync(figures);
        Assert.True(r2.Ok, r2.ToText());

        var honors = TestData.Xlsx([
            ["统一社会信用代码", "称号类别", "认定日期", "具体名称", "序号"],
            [u1, "省级“专精特新”中小企业", 45383, null, 1],
            [u1, "智能车间", "2024年5月6日", "", 2],
            [u2, "national-green-product", "2024.6.1", " 电机 ", 3],
            [u2, "省级智能工厂", new DateTime(2025, 6, 1), null, 4],
        ]);
        var r3 = await importer.ImportAsync(honors);
        Assert.True(r3.Ok, r3.ToText());

        var d1 = (await store.GetAsync(u1))!;
        Assert.Equal(("郑州测试企业１有限公司", "郑州经开区", new DateOnly(2024, 1, 1)), (d1.Name, d1.District, d1.RelocatedOn));
        Assert.Equal(["above-scale", "industrial", "manufacturing"], d1.Traits.Order());
        Assert.Equal(123456700m, d1.Figures.Get("mainRevenue", Period.OfYear(2023)));
        Assert.Equal(130000000m, d1.Figures.Get("mainRevenue", Period.OfYear(2024)));
        Assert.Equal(805000m, d1.Figures.Get("electricityKwh", Period.OfMonth(2024, 1)));
        Assert.Equal(2400000m, d1.Figures.Get("electricityKwh", Period.OfQuarter(2024, 1)));
        Assert.Equal(
            [("provincial-zjtx", new DateOnly(2024, 4, 1), (string?)null), ("provincial-smart-workshop", new DateOnly(2024, 5, 6), null)],
            d1.Honors.Select(h => (h.Kind, h.Date, h.Item)));

        var d2 = (await store.GetAsync(u2))!;
        Assert.Equal(("郑州高新区", new DateOnly(2023, 7, 1)), (d2.District, d2.RelocatedOn));
        Assert.Equal(120000000m, d2.Figures.Get("mainRevenue", Period.OfYear(2023)));
        Assert.Equal(150000000m, d2.Figures.Get("mainRevenue", Period.OfYear(2024)));
        Assert.Null(d2.Figures.Get("electricityKwh", Period.OfMonth(2024, 1)));
        Assert.Equal(
            [("national-green-product", new DateOnly(2024, 6, 1), (string?)"电机"), ("provincial-smart-factory", new DateOnly(2025, 6, 1), null)],
            d2.Honors.Select(h => (h.Kind, h.Date, h.Item)));
        Assert.Contains(r2.Issues.Warnings, w => w.Row == 6 && w.Reason.Contains("合计", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task A_csv_saved_by_Chinese_Excel_in_GB18030_is_read(Db db)
    {
        var store = await databases.FreshAsync(db);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = TestData.Csv(
            $"统一社会信用代码,企业名称,所属区县（市）,产业领域\r\n{TestData.Uscc(5)},郑州传感有限公司,上街区,\"传感器、新材料\"\r\n",
            Encoding.GetEncoding("GB18030"));

        var report = await new Importer(store.Database).ImportAsync(csv);

        Assert.True(report.Ok, report.ToText());
        var d = (await store.GetAsync(TestData.Uscc(5)))!;
        Assert.Equal(("郑州传感有限公司", "上街区"), (d.Name, d.District));
        Assert.Equal(["sensor", "new-materials"], d.Sectors);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task Csv_rows_are_numbered_as_Excel_shows_them_and_a_dry_run_writes_nothing(Db db)
    {
        var store = await databases.FreshAsync(db);
        var bad = TestData.Uscc(1)[..17] + (TestData.Uscc(1)[17] == '0' ? '1' : '0');
        var csv = TestData.Csv(
            $"统一社会信用代码,企业名称,所属区县（市）\n{TestData.Uscc(1)},郑州示例,经开区\n\n{bad},坏企业,经开区\n{TestData.Uscc(2)},\"两行\n名称\",金水区\n{TestData.Uscc(1)},重复,经开区\n",
            new UTF8Encoding(true));

        var report = await new Importer(store.Database).ImportAsync(csv, new ImportOptions { DryRun = true });

        Assert.Equal([(4, "统一社会信用代码校验位错误"), (6, "与第2行是同一家企业，每家企业只能填写一行")], report.Issues.Errors.Select(e => (e.Row, e.Reason)));
        Assert.Equal(0, await store.CountAsync());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task The_fact_tables_exported_to_xlsx_import_back_to_the_same_dossier(Db db)
    {
        var store = await databases.FreshAsync(db);
        var rich = TestData.Rich(1);
        await store.PutAsync(rich, "test");
        var file = TestData.TempFile(".xlsx");
        Sheets.WriteTables(file, () => store.StreamAsync().ToBlockingEnumerable(), FactKind.All);

        var fresh = await databases.FreshAsync(db);
        var report = await new Importer(fresh.Database).ImportAsync(file);

        Assert.True(report.Ok, report.ToText());
        Assert.Equal(FactKind.All.Count, report.Sheets.Count);
        Assert.Equal(TestData.Json(rich), TestData.Json((await fresh.GetAsync(rich.Uscc))!));
    }

    [Fact]
    public void Every_template_has_its_kinds_headers_and_instructions()
    {
        var file = TestData.TempFile(".xlsx");
        Sheets.WriteTemplate(file, FactKind.All);

        var names = SheetSource.SheetNames(file);
        Assert.Equal([.. FactKind.All.Select(k => k.Title), "填写说明"], names);
        var header = SheetSource.Rows(file, "指标数据").First().Cells;
        Assert.Equal(["统一社会信用代码", "指标", "统计期", "数值"], header.Select(c => (string?)c));
    }
}
