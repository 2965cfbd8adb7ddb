using System.Globalization;
using System.Text.Json;
using Huiqi.Engine.Model;
using Huiqi.Engine.Output;

namespace Huiqi.Store.Import;

/// <summary>
/// Writes workbooks in the templates' layout: empty templates with an instructions sheet (填写说明), the registry's
/// fact tables (one sheet per kind, re-importable as they are), and large sample sheets for benchmarks. Rows are
/// produced lazily, so MiniExcel streams them to the file.
/// </summary>
public static class Sheets
{
    /// <summary>An empty template of each kind given (header row only), and the instructions for every column.</summary>
    public static void WriteTemplate(string path, IReadOnlyList<FactKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        Workbooks.Save(path, [.. kinds.Select(k => (k.Title, Table([k.Columns.Select(c => (object?)c.Header).ToArray()]))), ("填写说明", Table(Instructions(kinds)))], printHeader: false);
    }

    private static IEnumerable<object?[]> Instructions(IReadOnlyList<FactKind> kinds)
    {
        yield return ["工作表", "列名", "是否必填", "填写说明", "示例"];
        foreach (var kind in kinds)
        {
            foreach (var c in kind.Columns)
            {
                yield return [kind.Title, c.Header, c.Required ? "必填" : "选填", Describe(c), c.Example];
            }
        }

        yield return [];
        yield return ["", "通用规则", "", "表头可在第1行或标题行之下；可合并单元格；金额单位为元，表头或单元格注明“万元”“亿元”即自动换算；日期可写2024-01-31、2024/1/31、2024年1月31日或Excel日期；全角数字、多余空格自动处理。同一文件有任何错误则整份不导入，并逐行列出原因；同一文件重复导入不会重复写入。", ""];
    }

    private static string Describe(Column c)
    {
        var how = c.Kind switch
        {
            CellKind.Uscc => "18位统一社会信用代码",
            CellKind.Money => "金额（元）",
            CellKind.Quantity => "数量",
            CellKind.Rate => "比例，填12%或0.12",
            CellKind.Integer => "整数",
            CellKind.Year => "年份",
            CellKind.Date => "日期",
            CellKind.Bool => "是/否",
            CellKind.Period => "统计期",
            _ => "",
        };
        return string.Join("；", new[] { how, c.Note }.Where(s => s.Length > 0));
    }

    /// <summary>
    /// The fact tables of the dossiers <paramref name="dossiers"/> yields (called once per sheet, so it should stream
    /// from the registry), one sheet per kind with the templates' headers: the workbook imports back as it is.
    /// </summary>
    public static void WriteTables(string path, Func<IEnumerable<Dossier>> dossiers, IReadOnlyList<FactKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(kinds);
        Workbooks.Save(path, [.. kinds.Select(k => (k.Title, Table(TableRows(k, dossiers))))], printHeader: false);
    }

    private static IEnumerable<object?[]> TableRows(FactKind kind, Func<IEnumerable<Dossier>> dossiers)
    {
        yield return kind.Columns.Select(c => (object?)c.Header).ToArray();
        foreach (var d in dossiers())
        {
            foreach (var row in Rows(kind, d))
            {
                yield return row;
            }
        }
    }

    /// <summary>The rows of one kind in a dossier, as the template lays them out (one per fact, one per series entry).</summary>
    public static IEnumerable<object?[]> Rows(FactKind kind, Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(kind);
        using var json = JsonDocument.Parse(DossierJson.ToJson(dossier));
        var root = json.RootElement;
        var rows = new List<object?[]>();
        if (kind.Section is null)
        {
            rows.Add([.. kind.Columns.Select(c => Cell(c, root))]);
        }
        else if (kind.Section == "figures")
        {
            if (root.TryGetProperty("figures", out var figures))
            {
                foreach (var metric in figures.EnumerateObject())
                {
                    foreach (var p in metric.Value.EnumerateObject())
                    {
                        rows.Add([dossier.Uscc, Vocabulary.Metrics[metric.Name], p.Name, p.Value.GetDecimal()]);
                    }
                }
            }
        }
        else if (root.TryGetProperty(kind.Section, out var section))
        {
            foreach (var item in section.EnumerateArray())
            {
                var series = kind.SeriesPath is { } sp && Find(item, sp) is { } s ? s.EnumerateObject().ToList() : [];
                foreach (var entry in series.Count == 0 ? [default(JsonProperty?)] : series.Select(e => (JsonProperty?)e))
                {
                    rows.Add([.. kind.Columns.Select(c => c.Field switch
                    {
                        "uscc" => dossier.Uscc,
                        "@key" => entry is { } e ? (c.Kind == CellKind.Year ? int.Parse(e.Name, CultureInfo.InvariantCulture) : e.Name) : null,
                        "@value" => entry?.Value.GetDecimal(),
                        _ => Cell(c, item),
                    })]);
                }
            }
        }

        return rows;
    }

    private static JsonElement? Find(JsonElement item, string path)
    {
        foreach (var step in path.Split('.'))
        {
            if (!item.TryGetProperty(step, out item))
            {
                return null;
            }
        }

        return item;
    }

    private static object? Cell(Column c, JsonElement obj)
    {
        if (!obj.TryGetProperty(c.Field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return c.Kind switch
        {
            CellKind.Word => c.Words!.TryGetValue(v.GetString()!, out var zh) ? zh : v.GetString(),
            CellKind.Words => string.Join("、", v.EnumerateArray().Select(w => c.Words!.TryGetValue(w.GetString()!, out var zh) ? zh : w.GetString())),
            CellKind.Bool => v.GetBoolean() ? "是" : "否",
            CellKind.Money or CellKind.Quantity or CellKind.Rate => v.GetDecimal(),
            CellKind.Integer or CellKind.Year => v.GetInt32(),
            _ => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText(),
        };
    }

    /// <summary>
    /// A figures sheet of <paramref name="rows"/> rows over the given enterprises (long layout, distinct enterprise ×
    /// metric × month), for import benchmarks. Deterministic for a seed.
    /// </summary>
    public static void WriteFigureSample(string path, IReadOnlyList<string> usccs, int rows, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(usccs);
        if (usccs.Count == 0)
        {
            throw new ArgumentException("a sample needs at least one enterprise", nameof(usccs));
        }

        string[] metrics = ["mainRevenue", "operatingRevenue", "electricityKwh", "taxPaid", "profit", "rdExpense", "exports", "outputValue"];
        const int months = 12 * 30; // 1995-01 … 2024-12
        if ((long)usccs.Count * metrics.Length * months < rows)
        {
            throw new ArgumentException($"{usccs.Count} enterprises give at most {usccs.Count * metrics.Length * months} distinct figures", nameof(rows));
        }

        IEnumerable<object?[]> Generate()
        {
            var random = new Random(seed);
            yield return FactKind.Figures.Columns.Select(c => (object?)c.Header).ToArray();
            for (var i = 0; i < rows; i++)
            {
                var combo = i / usccs.Count;
                var metric = metrics[combo % metrics.Length];
                var month = months - 1 - combo / metrics.Length;
                var period = Period.OfMonth(1995 + month / 12, month % 12 + 1);
                yield return [usccs[i % usccs.Count], Vocabulary.Metrics[metric], period.ToString(), (decimal)random.Next(10_000, 90_000_000)];
            }
        }

        Workbooks.Save(path, [(FactKind.Figures.Title, Table(Generate()))], printHeader: false);
    }

    /// <summary>Rows as MiniExcel writes them: dictionaries keyed by column letter, the first row being the header.</summary>
    private static IEnumerable<IDictionary<string, object?>> Table(IEnumerable<object?[]> rows)
    {
        var width = 0;
        foreach (var row in rows)
        {
            width = Math.Max(width, row.Length);
            var d = new Dictionary<string, object?>(width);
            for (var c = 0; c < width; c++)
            {
                d[SheetSource.ColumnLetters(c)] = c < row.Length ? row[c] : null;
            }

            yield return d;
        }
    }
}
