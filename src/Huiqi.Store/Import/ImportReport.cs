using System.Text;

namespace Huiqi.Store.Import;

/// <summary>One finding about a cell, a row or a sheet: where (sheet, Excel row, column), the value found, and the reason (原因) in Chinese.</summary>
public sealed record ImportIssue(string Sheet, int Row, string Column, string? Value, string Reason) : IRowError
{
    public override string ToString()
    {
        var at = Row > 0 ? $"第{Row}行" : "";
        var column = Column.Length > 0 ? $" {Column}" : "";
        var value = Value is null ? "" : $" “{Value}”";
        return $"[{Sheet}] {at}{column}{value}：{Reason}";
    }
}

/// <summary>
/// The errors and warnings of an import. Every error counts; the first <see cref="Limit"/> are kept with their
/// detail so that a sheet of 200,000 bad rows does not fill the memory.
/// </summary>
public sealed class ImportIssues
{
    public const int Limit = 10_000;

    private readonly List<ImportIssue> _errors = [];
    private readonly List<ImportIssue> _warnings = [];

    public IReadOnlyList<ImportIssue> Errors => _errors;

    public IReadOnlyList<ImportIssue> Warnings => _warnings;

    /// <summary>Every error found, including those beyond <see cref="Limit"/>.</summary>
    public int ErrorCount { get; private set; }

    public void Error(string sheet, int row, string column, string? value, string reason)
    {
        ErrorCount++;
        if (_errors.Count < Limit)
        {
            _errors.Add(new ImportIssue(sheet, row, column, value, reason));
        }
    }

    public void Warn(string sheet, int row, string column, string? value, string reason)
    {
        if (_warnings.Count < Limit)
        {
            _warnings.Add(new ImportIssue(sheet, row, column, value, reason));
        }
    }
}

/// <summary>What one sheet held.</summary>
public sealed record SheetSummary(string Sheet, string Kind, int Rows, int Facts);

/// <summary>
/// The outcome of an import (导入报告): the sheets read, every error (工作表、行、列、值、原因), and what was written.
/// A file with any error writes nothing.
/// </summary>
public sealed class ImportReport
{
    public required string File { get; init; }

    public List<SheetSummary> Sheets { get; } = [];

    public ImportIssues Issues { get; } = new();

    /// <summary>True when the file was written (no error, not a dry run).</summary>
    public bool Written { get; set; }

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public bool Ok => Issues.ErrorCount == 0;

    /// <summary>The report as a clerk reads it, in Chinese.</summary>
    public string ToText(int maxLines = ImportLimits.ShownErrors)
    {
        var sb = new StringBuilder();
        foreach (var s in Sheets)
        {
            sb.AppendLine($"工作表“{s.Sheet}”：{s.Kind}，{s.Rows}行数据，{s.Facts}项事实");
        }

        foreach (var w in Issues.Warnings.Take(maxLines))
        {
            sb.AppendLine("提示 " + w);
        }

        if (!Ok)
        {
            sb.AppendLine($"导入失败：发现{Issues.ErrorCount}处错误，未写入任何数据。请改正后重新导入。");
            foreach (var e in Issues.Errors.Take(maxLines))
            {
                sb.AppendLine("错误 " + e);
            }

            if (Issues.ErrorCount > maxLines)
            {
                sb.AppendLine($"……共{Issues.ErrorCount}处错误，以上为前{maxLines}处（用 --report 错误清单.xlsx 导出{(Issues.ErrorCount > ImportIssues.Limit ? $"前{ImportIssues.Limit}处" : "全部")}）");
            }
        }
        else if (Written)
        {
            sb.AppendLine($"导入成功：新增{Inserted}项，更新{Updated}项，未变{Unchanged}项。");
        }
        else
        {
            sb.AppendLine("检查通过，未发现错误（仅检查，未写入）。");
        }

        return sb.ToString();
    }

    /// <summary>Every kept error as an xlsx (<see cref="ErrorSheet"/>) when the path ends in .xlsx, else as CSV.</summary>
    public void WriteErrors(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            ErrorSheet.Save(path, Issues.Errors);
        }
        else
        {
            WriteCsv(path);
        }
    }

    /// <summary>Every kept error as CSV (UTF-8 with BOM, so Excel opens it): 工作表, 行, 列, 值, 原因.</summary>
    public void WriteCsv(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(true));
        w.WriteLine("工作表,行,列,值,原因");
        foreach (var e in Issues.Errors)
        {
            w.WriteLine(string.Join(',', new[] { e.Sheet, e.Row > 0 ? e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture) : "", e.Column, e.Value ?? "", e.Reason }.Select(Quote)));
        }
    }

    private static string Quote(string cell)
    {
        var s = (string)Workbooks.Cell(cell)!;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
