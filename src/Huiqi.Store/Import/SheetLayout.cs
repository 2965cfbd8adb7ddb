using Huiqi.Engine.Model;

namespace Huiqi.Store.Import;

/// <summary>A template column found in a sheet: where, under which header, with which unit.</summary>
public sealed record MappedColumn(int Index, string HeaderText, Column Column, Cells.Unit Unit)
{
    public string Label => $"{SheetSource.ColumnLetters(Index)}列（{HeaderText}）";
}

/// <summary>A column of a wide figures sheet: one metric in one period per column, e.g. “2024年主营业务收入（万元）”.</summary>
public sealed record WideColumn(int Index, string HeaderText, string Metric, Period Period, Cells.Unit Unit)
{
    public string Label => $"{SheetSource.ColumnLetters(Index)}列（{HeaderText}）";
}

/// <summary>
/// How a sheet is laid out: which rows are its header (a title above it, a second header row under merged group
/// cells), which kind of fact it holds, and which template column or (metric, period) each of its columns is.
/// </summary>
public sealed class SheetLayout
{
    /// <summary>Rows searched for the header (a title and notes may stand above it).</summary>
    public const int HeaderSearchRows = 30;

    public required string Sheet { get; init; }

    public required FactKind Kind { get; init; }

    /// <summary>The last header row (Excel numbering); data starts after it.</summary>
    public required int HeaderRow { get; init; }

    public required IReadOnlyList<MappedColumn> Columns { get; init; }

    public IReadOnlyList<WideColumn> Wide { get; init; } = [];

    public MappedColumn? this[string field] => Columns.FirstOrDefault(c => c.Column.Field == field);

    /// <summary>
    /// Finds the header and the kind. Errors (no header, missing required columns, an unreadable metric column)
    /// and warnings (ignored columns) are added to <paramref name="issues"/>; null when the sheet cannot be read.
    /// </summary>
    public static SheetLayout? Detect(string sheet, IReadOnlyList<(int Row, object?[] Cells)> top, FactKind? forced, ImportIssues issues)
    {
        var usccKeys = FactKind.All.SelectMany(k => Keys(k.Uscc)).ToHashSet(StringComparer.Ordinal);
        var h = -1;
        for (var i = 0; i < top.Count && h < 0; i++)
        {
            if (top[i].Cells.Any(c => Cells.Text(c) is { } t && usccKeys.Contains(Cells.HeaderName(t))))
            {
                h = i;
            }
        }

        if (h < 0)
        {
            issues.Warn(sheet, 0, "", null, $"前{HeaderSearchRows}行中没有“统一社会信用代码”列，此工作表未导入");
            return null;
        }

        var header = top[h].Cells;
        var usccIndex = Array.FindIndex(header, c => Cells.Text(c) is { } t && usccKeys.Contains(Cells.HeaderName(t)));
        var headerRow = top[h].Row;
        var texts = header.Select(Cells.Text).ToList();

        // A second header row under merged group cells: its USCC cell is empty or repeats the merged header, its cells are text.
        if (h + 1 < top.Count && IsSubHeader(top[h + 1].Cells, usccIndex, header))
        {
            var sub = top[h + 1].Cells;
            headerRow = top[h + 1].Row;
            var width = Math.Max(texts.Count, sub.Length);
            var combined = new List<string?>();
            string? group = null;
            for (var c = 0; c < width; c++)
            {
                var upper = c < texts.Count ? texts[c] : null;
                var lower = c < sub.Length ? Cells.Text(sub[c]) : null;
                group = upper ?? (lower is not null ? group : null); // a CSV has no merge: the group runs right over empty cells
                var name = upper ?? group;
                combined.Add(lower is null || lower == name ? name : name is null ? lower : name + lower);
            }

            texts = combined;
        }

        var byKind = FactKind.All.ToDictionary(k => k, k => Map(k, texts));
        var wide = WideColumns(texts, byKind[FactKind.Figures], out var wideErrors, out var derived);
        FactKind? kind = forced ?? FactKind.All.FirstOrDefault(k => k.Title == sheet.Trim());
        if (kind is null)
        {
            var fitting = FactKind.All
                .Where(k => MissingRequired(k, byKind[k], k == FactKind.Figures ? wide.Count : 0).Count == 0)
                .OrderByDescending(k => byKind[k].Count + (k == FactKind.Figures ? wide.Count : 0))
                .ToList();
            kind = fitting.FirstOrDefault();
            if (kind is null)
            {
                var closest = FactKind.All.OrderByDescending(k => byKind[k].Count - MissingRequired(k, byKind[k], 0).Count).First();
                issues.Error(sheet, headerRow, "", null,
                    $"无法判断表格类型：表头与任何模板都不完全匹配；最接近“{closest.Title}”模板，缺少列：{string.Join("、", MissingRequired(closest, byKind[closest], 0).Select(c => c.Header))}。可用 --kind 指定类型，或下载模板（huiqi import --template {closest.Name}）");
                return null;
            }
        }

        var columns = byKind[kind];
        var isFigures = kind == FactKind.Figures;
        var missing = MissingRequired(kind, columns, isFigures ? wide.Count : 0);
        foreach (var m in missing)
        {
            issues.Error(sheet, headerRow, "", null, $"缺少必填列“{m.Header}”（{kind.Title}模板）");
        }

        foreach (var dup in columns.GroupBy(c => c.Column.Field).Where(g => g.Count() > 1))
        {
            issues.Error(sheet, headerRow, dup.Last().Label, null, $"与{dup.First().Label}是同一列“{dup.Key}”，请删除其中一列");
        }

        if (isFigures)
        {
            foreach (var e in wideErrors)
            {
                issues.Error(sheet, headerRow, e.Label, e.Header, e.Reason);
            }
        }

        var used = columns.Select(c => c.Index).Concat(isFigures ? wide.Select(w => w.Index).Concat(wideErrors.Select(e => e.Index)) : []).ToHashSet();
        for (var c = 0; c < texts.Count; c++)
        {
            if (texts[c] is { } text && !used.Contains(c))
            {
                var why = isFigures && derived.Contains(c) ? "是推算值（增速、占比等），不作为事实导入" : $"不属于“{kind.Title}”模板";
                issues.Warn(sheet, headerRow, $"{SheetSource.ColumnLetters(c)}列（{text}）", null, $"已忽略此列：{why}");
            }
        }

        return missing.Count > 0 ? null : new SheetLayout
        {
            Sheet = sheet,
            Kind = kind,
            HeaderRow = headerRow,
            Columns = columns,
            Wide = isFigures ? wide : [],
        };
    }

    private static bool IsSubHeader(object?[] row, int usccIndex, object?[] header)
    {
        var usccCell = usccIndex < row.Length ? Cells.Text(row[usccIndex]) : null;
        if (usccCell is not null && usccCell != Cells.Text(header[usccIndex]))
        {
            return false;
        }

        var texts = row.Select(Cells.Text).Where(t => t is not null).ToList();
        return texts.Count > 0 && row.All(c => c is null or string);
    }

    private static IEnumerable<string> Keys(Column c) => c.Aliases.Prepend(c.Header).Select(Cells.HeaderName);

    private static List<MappedColumn> Map(FactKind kind, IReadOnlyList<string?> texts)
    {
        var byKey = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (var column in kind.Columns)
        {
            foreach (var key in Keys(column))
            {
                byKey.TryAdd(key, column);
            }
        }

        var mapped = new List<MappedColumn>();
        for (var c = 0; c < texts.Count; c++)
        {
            if (texts[c] is { } text && byKey.TryGetValue(Cells.HeaderName(text), out var column))
            {
                mapped.Add(new MappedColumn(c, text, column, Cells.HeaderUnit(text)));
            }
        }

        return mapped;
    }

    private static List<Column> MissingRequired(FactKind kind, List<MappedColumn> mapped, int wideColumns) =>
        [.. kind.Columns.Where(c => c.Required && mapped.All(m => m.Column != c) && !(wideColumns > 0 && c.Field is "metric" or "period" or "value"))];

    private static readonly (string Key, string Metric)[] MetricNames =
        [.. Vocabulary.Metrics.SelectMany(m => new[] { (Cells.MatchKey(m.Value), m.Key), (Cells.MatchKey(m.Key), m.Key) }).OrderByDescending(p => p.Item1.Length)];

    /// <summary>Columns of a wide figures sheet (a metric and a period in the header), and the metric columns whose period cannot be read.</summary>
    private static List<WideColumn> WideColumns(IReadOnlyList<string?> texts, List<MappedColumn> longColumns, out List<(int Index, string Label, string Header, string Reason)> errors, out HashSet<int> derived)
    {
        var wide = new List<WideColumn>();
        errors = [];
        derived = [];
        var taken = longColumns.Select(c => c.Index).ToHashSet();
        for (var c = 0; c < texts.Count; c++)
        {
            if (texts[c] is not { } text || taken.Contains(c))
            {
                continue;
            }

            var key = Cells.HeaderName(text);
            var (metricKey, metric) = MetricNames.FirstOrDefault(m => key.Contains(m.Key, StringComparison.Ordinal));
            if (metric is null)
            {
                continue;
            }

            var rest = key.Replace(metricKey, "", StringComparison.Ordinal);
            if (new[] { "增速", "增长", "同比", "环比", "占比", "比重", "增幅", "增量", "排名" }.Any(w => rest.Contains(w, StringComparison.Ordinal)))
            {
                derived.Add(c);
                continue;
            }

            foreach (var filler in new[] { "累计", "本期", "金额", "实际", "完成", "数值" })
            {
                rest = rest.Replace(filler, "", StringComparison.Ordinal);
            }

            if (Cells.TryPeriod(rest, out var period))
            {
                wide.Add(new WideColumn(c, text, metric, period, Cells.HeaderUnit(text)));
            }
            else
            {
                errors.Add((c, $"{SheetSource.ColumnLetters(c)}列（{text}）", text,
                    $"看似“{Vocabulary.Metrics[metric]}”的数据列，但表头中没有可识别的统计期；请在表头写明期间，如“2024年{Vocabulary.Metrics[metric]}”或“{Vocabulary.Metrics[metric]}2024年一季度”"));
            }
        }

        return wide;
    }
}
