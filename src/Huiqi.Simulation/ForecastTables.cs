using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Huiqi.Store.Import;

namespace Huiqi.Simulation;

/// <summary>A column of a forecast table: its Chinese header (as the template writes it) and the older English one a CSV may still carry.</summary>
public sealed record TableColumn(string Header, string Code, bool Required);

/// <summary>
/// The tables a bureau fills in for a forecast (增长假设, 预算), the importers' way: an xlsx template with Chinese headers
/// and example rows to download, the filled sheet (or a pasted CSV) read with the importers' cells (万元/亿元, 12%,
/// full-width digits), each fault named by its row and column, and nothing used while any row is wrong.
/// </summary>
public static class ForecastTables
{
    public const string GrowthSheet = "增长假设";
    public const string BudgetSheet = "预算";

    /// <summary>Growth per district and metric: either may be left empty (any); low and high default to central ∓ the spread.</summary>
    public static readonly IReadOnlyList<TableColumn> GrowthColumns =
    [
        new("区县", "district", false), new("指标", "metric", false), new("中值增长率", "central", true), new("低值增长率", "low", false), new("高值增长率", "high", false),
    ];

    /// <summary>A budget of a clause or a document for a year, in 万元 unless the cell says 元 or 亿.</summary>
    public static readonly IReadOnlyList<TableColumn> BudgetColumns =
    [
        new("条款或文件", "key", true), new("年度", "year", true), new("预算金额（万元）", "amount", true),
    ];

    /// <summary>The metrics a growth assumption may name, with their Chinese: the dossier's figures, and the yearly spending and purchases.</summary>
    public static readonly IReadOnlyDictionary<string, string> Metrics =
        new Dictionary<string, string>(Vocabulary.Metrics, StringComparer.Ordinal) { ["spending"] = "各类费用支出", ["procurement"] = "本地配套采购额" };

    /// <summary>The growth template: the headers and rows showing how a district, a metric or both are written.</summary>
    public static byte[] GrowthTemplate() => Template(GrowthSheet, GrowthColumns,
    [
        ["郑州高新区", Metrics["mainRevenue"], "12%", "8%", "16%"],
        [null, Metrics["operatingRevenue"], "6%", null, null],
        ["上街区", null, "10%", null, null],
    ]);

    /// <summary>The budget template: a document and a clause, named as the bureaus cite them.</summary>
    public static byte[] BudgetTemplate(PolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var clause = catalog.Clauses.FirstOrDefault(c => c.Document.Adopted && !c.IsReferral);
        var year = DateTime.UtcNow.Year + 1;
        return Template(BudgetSheet, BudgetColumns,
        [
            [clause?.Document.Name ?? "", year, 50000],
            [clause?.ArticleName ?? "", year, 8000],
        ]);
    }

    private static byte[] Template(string sheet, IReadOnlyList<TableColumn> columns, IReadOnlyList<object?[]> examples) =>
        Workbooks.Bytes(examples.Select(r => (IDictionary<string, object?>)columns.Select((c, i) => (c.Header, r[i])).ToDictionary(x => x.Header, x => x.Item2)), sheet);

    /// <summary>The rows of a pasted CSV (comma-separated, no quoted commas), numbered as a sheet's rows.</summary>
    public static IEnumerable<(int Row, object?[] Cells)> CsvRows(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith('#'))
            {
                yield return (i + 1, lines[i].Split(',').Select(c => (object?)c).ToArray());
            }
        }
    }

    /// <summary>
    /// The data rows of a table whose first non-empty row is its header (Chinese or the older English names), each as
    /// the cells of the columns asked for (null where empty) and a way to name a fault in a cell (C列“中值增长率”).
    /// An unknown or missing column is a fault of the header row.
    /// </summary>
    public static IEnumerable<TableRow> Read(string file, IEnumerable<(int Row, object?[] Cells)> rows, IReadOnlyList<TableColumn> columns, List<CatalogError> errors)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        int[]? at = null;
        string?[] headers = [];
        foreach (var (row, cells) in rows)
        {
            if (cells.All(Cells.IsBlank))
            {
                continue;
            }

            if (at is null)
            {
                at = [.. columns.Select(_ => -1)];
                headers = new string?[cells.Length];
                var failed = false;
                for (var i = 0; i < cells.Length; i++)
                {
                    if (Cells.Text(cells[i]) is not { } h)
                    {
                        continue;
                    }

                    headers[i] = h;
                    var name = Cells.HeaderName(h);
                    var c = columns.ToList().FindIndex(c => Cells.HeaderName(c.Header) == name || c.Code == h.Trim());
                    if (c < 0)
                    {
                        errors.Add(new CatalogError(file, row, $"{SheetSource.ColumnLetters(i)}列“{h}”不是本表的列，应为：{string.Join("、", columns.Select(x => x.Header))}"));
                        failed = true;
                    }
                    else
                    {
                        at[c] = i;
                    }
                }

                foreach (var missing in columns.Where((c, i) => c.Required && at[i] < 0))
                {
                    errors.Add(new CatalogError(file, row, $"缺少“{missing.Header}”列"));
                    failed = true;
                }

                if (failed)
                {
                    yield break;
                }

                continue;
            }

            var values = at.Select(i => i >= 0 && i < cells.Length && !Cells.IsBlank(cells[i]) ? cells[i] : null).ToArray();
            var header = headers;
            var index = at;
            yield return new TableRow(file, row, values, c => index[c] >= 0 ? $"（{SheetSource.ColumnLetters(index[c])}列“{header[index[c]]}”）" : $"（“{columns[c].Header}”列）",
                c => index[c] >= 0 ? Cells.HeaderUnit(header[index[c]] ?? "") : Cells.Unit.None);
        }
    }
}

/// <summary>A data row of a forecast table: its cells in the order of the columns asked for.</summary>
public sealed class TableRow(string file, int row, object?[] cells, Func<int, string> where, Func<int, Cells.Unit> unit)
{
    public int Row => row;

    public object? this[int column] => cells[column];

    public string? Text(int column) => Cells.Text(cells[column]);

    /// <summary>A fault of a cell: the row, and the column named at the end of the reason.</summary>
    public CatalogException Fault(int column, string reason) => new(file, row, reason + where(column));

    /// <summary>A rate: 12%, 0.12, or a cell Excel formats as a percentage.</summary>
    public decimal? Rate(int column)
    {
        if (cells[column] is not { } cell)
        {
            return null;
        }

        try
        {
            var v = Cells.Number(cell, Cells.Unit.None, out var suffix);
            return suffix || Math.Abs(v) < 1 ? v : throw Fault(column, $"“{Text(column)}”应写作百分比（如 12%）或小数（如 0.12）");
        }
        catch (Cells.CellException e)
        {
            throw Fault(column, $"{e.Message}（应为增长率，如 8%）");
        }
    }

    /// <summary>An amount in yuan: a number in the column's unit (万元), or text with its own (5亿, 8000万元).</summary>
    public decimal Amount(int column)
    {
        try
        {
            return Cells.Number(cells[column], unit(column), out _);
        }
        catch (Cells.CellException e)
        {
            throw Fault(column, $"{e.Message}（应为金额，如 8000 或 5亿）");
        }
    }

    public int Year(int column)
    {
        try
        {
            return Cells.Year(cells[column]);
        }
        catch (Cells.CellException e)
        {
            throw Fault(column, e.Message);
        }
    }
}
