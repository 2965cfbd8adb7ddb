using System.IO.Compression;
using System.Text;
using Huiqi.Store.Import;
using MiniExcelLibs;

namespace Huiqi.Store.Tests;

/// <summary>
/// Imports stay bounded whatever the file (issue 13, defect 5): every error counted but only the first listed, a size
/// cap and a row cap refused by name, and a sheet formatted down to Excel's last row not walked to its end.
/// </summary>
public sealed class ImportLimitTests(Databases databases) : IClassFixture<Databases>
{
    private static readonly object?[] FigureHeader = ["统一社会信用代码", "指标", "统计期", "数值"];

    /// <summary>A figures sheet of <paramref name="rows"/> rows, row i (from 0) for the enterprise <paramref name="uscc"/> gives.</summary>
    private static string FigureRows(int rows, Func<int, string> uscc)
    {
        var path = TestData.TempFile(".xlsx");
        IEnumerable<Dictionary<string, object?>> Generate()
        {
            yield return new() { ["A"] = FigureHeader[0], ["B"] = FigureHeader[1], ["C"] = FigureHeader[2], ["D"] = FigureHeader[3] };
            for (var i = 0; i < rows; i++)
            {
                yield return new() { ["A"] = uscc(i), ["B"] = "主营业务收入", ["C"] = "2023", ["D"] = 1 };
            }
        }

        MiniExcel.SaveAs(path, Generate(), printHeader: false);
        return path;
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [PostgresData]
    public async Task A_sheet_of_166000_bad_rows_counts_them_all_lists_the_first_100_and_writes_the_list_as_xlsx(Db db)
    {
        var store = await databases.FreshAsync(db);
        await store.PutManyAsync([TestData.Minimal(1)], "test");
        // Enterprise 3 is not in the registry: one error a row.
        var file = FigureRows(166_000, _ => TestData.Uscc(3));

        var report = await new Importer(store.Database).ImportAsync(file);

        Assert.False(report.Written);
        Assert.Equal(166_000, report.Issues.ErrorCount);
        var text = report.ToText();
        Assert.Equal(ImportLimits.ShownErrors, text.Split('\n').Count(l => l.StartsWith("错误 ", StringComparison.Ordinal)));
        Assert.Contains("共166000处错误，以上为前100处", text, StringComparison.Ordinal);
        Assert.Contains("] 第2行", text, StringComparison.Ordinal);

        var list = TestData.TempFile(".xlsx");
        report.WriteErrors(list);
        var rows = MiniExcel.Query(list, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["工作表", "行", "列", "错误"], rows[0].Keys);
        // The detail of the first ImportIssues.Limit errors is kept; the rest are counted (memory stays bounded).
        Assert.Equal(ImportIssues.Limit, rows.Count);
        Assert.Equal(2d, Convert.ToDouble(rows[0]["行"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(TestData.Uscc(3), (string)rows[0]["错误"]!, StringComparison.Ordinal);
        File.Delete(file);
        File.Delete(list);
    }

    [Fact]
    public async Task A_sheet_over_the_row_cap_or_a_file_over_the_size_cap_is_refused_naming_the_cap()
    {
        var store = await databases.FreshAsync(Db.Sqlite);
        await store.PutManyAsync(Enumerable.Range(10, 1_001).Select(n => TestData.Minimal(n)), "test");
        var file = FigureRows(1_001, i => TestData.Uscc(10 + i));

        var rows = await new Importer(store.Database).ImportAsync(file, new ImportOptions { Limits = ImportLimits.Registry with { MaxRows = 1_000 } });
        var refused = Assert.Single(rows.Issues.Errors);
        Assert.Equal(1_002, refused.Row);
        Assert.Contains("每个工作表最多 1,000 行数据", refused.Reason, StringComparison.Ordinal);
        Assert.False(rows.Written);

        var size = await new Importer(store.Database).ImportAsync(file, new ImportOptions { Limits = ImportLimits.Registry with { MaxBytes = 1024 } });
        Assert.Equal("文件超过企业数据表的大小上限 1 KB，已停止读取，未导入任何数据；请删去多余内容或分批上传", Assert.Single(size.Issues.Errors).Reason);
        Assert.Empty(size.Sheets);

        // The real caps: 50 MB and 500,000 rows a sheet, and the 1,001 rows pass them.
        Assert.Equal((50L * 1024 * 1024, 500_000), (ImportLimits.Registry.MaxBytes, ImportLimits.Registry.MaxRows));
        var within = await new Importer(store.Database).ImportAsync(file);
        Assert.True(within.Ok, within.ToText());
        File.Delete(file);
    }

    /// <summary>
    /// A sheet whose header is followed by <paramref name="blankRows"/> row elements holding nothing, as Excel saves a
    /// sheet formatted down to its last row; with <paramref name="lastCell"/> a value in the very last one.
    /// </summary>
    private static string FormattedDown(int blankRows, string? lastCell)
    {
        var path = TestData.Xlsx([FigureHeader]);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        string xml;
        using (var r = new StreamReader(entry.Open()))
        {
            xml = r.ReadToEnd();
        }

        var prefix = System.Text.RegularExpressions.Regex.Match(xml, @"<(\w+:)?sheetData").Groups[1].Value;
        var last = blankRows + 1;
        xml = System.Text.RegularExpressions.Regex.Replace(xml, @"<(\w+:)?dimension ref=""[^""]*""", m => $"<{prefix}dimension ref=\"A1:D{last}\"");
        var at = xml.IndexOf($"</{prefix}sheetData>", StringComparison.Ordinal);
        entry.Delete();
        using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
        w.Write(xml[..at]);
        for (var row = 2; row <= last; row++)
        {
            w.Write(row == last && lastCell is not null
                ? $"<{prefix}row r=\"{row}\"><{prefix}c r=\"A{row}\" t=\"inlineStr\"><{prefix}is><{prefix}t>{lastCell}</{prefix}t></{prefix}is></{prefix}c></{prefix}row>"
                : $"<{prefix}row r=\"{row}\" spans=\"1:4\"/>");
        }

        w.Write(xml[at..]);
        return path;
    }

    [Fact]
    public async Task A_sheet_formatted_down_to_the_last_row_is_read_only_to_the_end_of_its_table()
    {
        // 1,048,575 empty rows after the header: the reader stops after ImportLimits.BlankRunEnd of them, not at the millionth.
        var file = FormattedDown(1_048_575, null);
        var read = SheetSource.Rows(file, SheetSource.SheetNames(file)[0]).Count();
        Assert.Equal(1 + ImportLimits.BlankRunEnd, read);

        await using (var stream = File.OpenRead(file))
        {
            var sheet = await UploadSheet.OpenAsync(stream, ImportLimits.Watchlist with { MaxBytes = long.MaxValue / 2 }, ["统一社会信用代码"]);
            Assert.Empty(sheet.Rows());
            Assert.Null(sheet.Refusal);
            Assert.Equal(1 + ImportLimits.BlankRunEnd, sheet.RowsRead);
        }

        // The registry import reads the same sheet to the same end.
        var store = await databases.FreshAsync(Db.Sqlite);
        var report = await new Importer(store.Database).ImportAsync(file, new ImportOptions { DryRun = true });
        Assert.True(report.Ok, report.ToText());
        Assert.Equal(0, Assert.Single(report.Sheets).Rows);
        File.Delete(file);
    }

    /// <summary>A stream of zeros of a given length that counts what was taken from it.</summary>
    private sealed class Zeros(long length) : Stream
    {
        public long Taken { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Taken);
            Array.Clear(buffer, offset, n);
            Taken += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Taken; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task An_upload_over_the_size_cap_is_refused_having_read_no_more_than_the_cap()
    {
        var upload = new Zeros(60L * 1024 * 1024);
        var sheet = await UploadSheet.OpenAsync(upload, ImportLimits.Watchlist, []);
        Assert.Equal("文件超过重点企业月度指标的大小上限 5 MB，已停止读取，未导入任何数据；请删去多余内容或分批上传", sheet.Refusal);
        Assert.Empty(sheet.Rows());
        Assert.Equal(ImportLimits.Watchlist.MaxBytes + 1, upload.Taken);
    }
}
