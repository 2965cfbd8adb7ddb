using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Store.Import;

/// <summary>
/// Reads one data row of a sheet: each cell is normalised for its column, the row becomes a small dossier in the
/// contract's JSON holding that one fact (the enterprise's name and district are placeholders outside the enterprises
/// sheet), and <see cref="DossierReader"/> checks it by the same rules as any dossier. Its errors are traced back from
/// their JSON path to the column they came from, so each is reported as (row, column, value, 原因).
/// </summary>
public sealed partial class RowReader(SheetLayout layout, ImportIssues issues, Func<string, bool> isRegistered)
{
    private const string Placeholder = "-";

    /// <summary>Row words that mark a total or a signature rather than facts: such rows are skipped with a warning.</summary>
    private static readonly string[] TotalWords = ["合计", "总计", "小计", "总合计"];

    private static readonly string[] FooterWords = ["填表人", "填报人", "审核人", "制表人", "负责人", "单位负责人", "填报日期", "制表日期", "注", "说明", "备注", "联系人", "联系电话"];

    /// <summary>
    /// The row as a checked dossier holding its facts, or null: when it is blank, a total or a footer (skipped), or
    /// wrong (each error added to the issues). <paramref name="skipped"/> tells a skip from an error.
    /// </summary>
    public Dossier? Read(int row, object?[] cells, out bool skipped)
    {
        skipped = false;
        var filled = cells.Select((c, i) => (Cell: c, Index: i)).Where(c => !Cells.IsBlank(c.Cell)).ToList();
        if (filled.Count == 0)
        {
            skipped = true;
            return null;
        }

        var first = Cells.MatchKey(Cells.Text(filled[0].Cell)!);
        if (filled.Any(c => TotalWords.Contains(Cells.MatchKey(Cells.Text(c.Cell)!))) || (filled.Count == 1 && FooterWords.Any(w => first.StartsWith(w, StringComparison.Ordinal))))
        {
            issues.Warn(layout.Sheet, row, "", Cells.Text(filled[0].Cell), "合计行或表尾说明，已跳过");
            skipped = true;
            return null;
        }

        var errorsBefore = issues.ErrorCount;
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var paths = new List<(string Path, string Label)>();
        var root = new JsonObject { ["uscc"] = null, ["name"] = Placeholder, ["district"] = Vocabulary.Districts[0] };

        void Fail(string label, object? cell, string reason)
        {
            if (failed.Add(label))
            {
                issues.Error(layout.Sheet, row, label, Cells.Text(cell), reason);
            }
        }

        JsonNode? Value(MappedColumn c, string? metric = null)
        {
            var cell = c.Index < cells.Length ? cells[c.Index] : null;
            if (Cells.IsBlank(cell))
            {
                if (c.Column.Required)
                {
                    Fail(c.Label, cell, $"必填项“{c.Column.Header}”为空");
                }

                return null;
            }

            try
            {
                return Convert(c.Column, cell, c.Unit, c.HeaderText, metric);
            }
            catch (Cells.CellException e)
            {
                Fail(c.Label, cell, e.Message);
                return null;
            }
        }

        var usccColumn = layout["uscc"]!;
        root["uscc"] = Value(usccColumn);
        paths.Add(("uscc", usccColumn.Label));
        var kind = layout.Kind;
        if (kind.Section is null)
        {
            foreach (var c in layout.Columns.Where(c => c.Column.Field != "uscc"))
            {
                root[c.Column.Field] = Value(c);
                paths.Add((c.Column.Field, c.Label));
            }
        }
        else if (kind.Section == "figures")
        {
            var figures = new JsonObject();
            root["figures"] = figures;
            void Put(string metric, Period period, JsonNode? value, string label)
            {
                if (value is null)
                {
                    return;
                }

                if (figures[metric] is not JsonObject series)
                {
                    figures[metric] = series = [];
                }

                series[period.ToString()] = value;
                paths.Add(($"figures.{metric}.{period}", label));
            }

            if (layout["metric"] is { } metricColumn && layout["period"] is { } periodColumn && layout["value"] is { } valueColumn)
            {
                var metric = Value(metricColumn)?.GetValue<string>();
                var period = Value(periodColumn)?.GetValue<string>();
                var value = metric is null ? null : Value(valueColumn, metric);
                if (metric is not null && period is not null)
                {
                    Put(metric, Period.Parse(period), value, valueColumn.Label);
                }
            }

            foreach (var w in layout.Wide)
            {
                var cell = w.Index < cells.Length ? cells[w.Index] : null;
                if (!Cells.IsBlank(cell))
                {
                    try
                    {
                        Put(w.Metric, w.Period, Convert(FactKind.Figures.Columns[3], cell, w.Unit, w.HeaderText, w.Metric), w.Label);
                    }
                    catch (Cells.CellException e)
                    {
                        Fail(w.Label, cell, e.Message);
                    }
                }
            }
        }
        else
        {
            var item = new JsonObject();
            root[kind.Section] = new JsonArray(item);
            var at = $"{kind.Section}[0]";
            foreach (var c in layout.Columns.Where(c => c.Column.Field is not ("uscc" or "@key" or "@value")))
            {
                item[c.Column.Field] = Value(c);
                paths.Add(($"{at}.{c.Column.Field}", c.Label));
            }

            if (layout["@key"] is { } keyColumn && layout["@value"] is { } valueColumn)
            {
                var key = Value(keyColumn);
                var value = Value(valueColumn);
                if (key is not null && value is null && !failed.Contains(valueColumn.Label))
                {
                    Fail(valueColumn.Label, null, $"填写了“{keyColumn.Column.Header}”，“{valueColumn.Column.Header}”不能为空");
                }
                else if (key is null && value is not null && !failed.Contains(keyColumn.Label))
                {
                    Fail(keyColumn.Label, null, $"填写了“{valueColumn.Column.Header}”，“{keyColumn.Column.Header}”不能为空");
                }
                else if (key is not null && value is not null)
                {
                    var path = kind.SeriesPath!.Split('.');
                    var parent = item;
                    foreach (var step in path)
                    {
                        var next = new JsonObject();
                        parent[step] = next;
                        parent = next;
                    }

                    var name = key.GetValueKind() == System.Text.Json.JsonValueKind.Number ? key.GetValue<int>().ToString(CultureInfo.InvariantCulture) : key.GetValue<string>();
                    parent[name] = value;
                    paths.Add(($"{at}.{kind.SeriesPath}.{name}", valueColumn.Label));
                }
            }
        }

        RemoveNulls(root);
        var result = DossierReader.Read(root.ToJsonString());
        foreach (var e in result.Errors)
        {
            var label = paths.Where(p => e.Path == p.Path || e.Path.StartsWith(p.Path + ".", StringComparison.Ordinal) || e.Path.StartsWith(p.Path + "[", StringComparison.Ordinal))
                .OrderByDescending(p => p.Path.Length)
                .Select(p => p.Label)
                .FirstOrDefault() ?? "";
            if (label.Length == 0 || !failed.Contains(label))
            {
                Fail(label.Length == 0 ? $"({e.Path})" : label, e.Value, e.Chinese);
            }
        }

        if (result.Dossier is { } d && kind != FactKind.Enterprises && !isRegistered(d.Uscc))
        {
            Fail(usccColumn.Label, d.Uscc, "企业库中没有这家企业：请先导入“企业信息”（huiqi import --template enterprises），或在同一工作簿中加入“企业信息”工作表");
        }

        return issues.ErrorCount == errorsBefore ? result.Dossier : null;
    }

    /// <summary>A cell as the JSON value its column's dossier field takes.</summary>
    private static JsonNode Convert(Column column, object? cell, Cells.Unit unit, string header, string? metric)
    {
        switch (column.Kind)
        {
            case CellKind.Uscc:
                return Cells.Code(cell, upper: true)!;
            case CellKind.Text:
                return Cells.Text(cell)!;
            case CellKind.Code:
                var code = Cells.Code(cell, upper: false)!;
                return column.Field == "clause" ? code.ToLowerInvariant() : code;
            case CellKind.District:
                return District(Cells.Text(cell)!);
            case CellKind.Word:
                return Word(column, Cells.Text(cell)!);
            case CellKind.Words:
                return new JsonArray([.. ListSeparators().Split(Cells.Text(cell)!).Where(w => w.Length > 0).Select(w => (JsonNode)Word(column, w))]);
            case CellKind.Integer:
                return Cells.Integer(cell);
            case CellKind.Year:
                return Cells.Year(cell);
            case CellKind.Date:
                return Cells.Date(cell).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case CellKind.Bool:
                return Cells.Bool(cell);
            case CellKind.Period:
                return Cells.Period(cell).ToString();
            case CellKind.Rate:
                return Exact(Cells.Number(cell, unit == Cells.Unit.Percent ? unit : Cells.Unit.None, out _), 6);
            case CellKind.Quantity:
                return Exact(Cells.Number(cell, unit == Cells.Unit.Percent ? Cells.Unit.None : unit, out _), 2);
            default: // Money, or a figure whose metric decides
                if (metric == "peerProfitMargin")
                {
                    return Exact(Cells.Number(cell, unit == Cells.Unit.Percent ? unit : Cells.Unit.None, out _), 6);
                }

                if (metric == "electricityKwh")
                {
                    var energyUnit = Regex.IsMatch(Cells.Narrow(header), "千瓦时|度|kwh", RegexOptions.IgnoreCase) ? unit : Cells.Unit.None;
                    return Exact(Cells.Number(cell, energyUnit, out _), 6);
                }

                var money = Cells.Number(cell, unit == Cells.Unit.Percent ? Cells.Unit.None : unit, out var suffix);
                if (suffix && Cells.Text(cell)!.TrimEnd().EndsWith('%'))
                {
                    throw new Cells.CellException($"“{Cells.Text(cell)}”是百分数，此处应填金额");
                }

                return Exact(money, 2, "金额最多精确到分（两位小数）");
        }
    }

    private static decimal Exact(decimal value, int scale, string? reason = null) =>
        Cells.Scale(value) <= scale ? FactMapper.Norm(value) : throw new Cells.CellException(reason ?? $"最多保留{scale}位小数");

    private static string District(string text)
    {
        var key = Cells.MatchKey(text);
        return Vocabulary.Districts.FirstOrDefault(d => Cells.MatchKey(d) == key)
            ?? FactKind.DistrictAliases.FirstOrDefault(a => Cells.MatchKey(a.Key) == key).Value
            ?? text;
    }

    /// <summary>A vocabulary word from its Chinese name or English code; a unique partial match (“智能车间”) is accepted, an ambiguous one is not.</summary>
    private static string Word(Column column, string text)
    {
        var words = column.Words!;
        var key = Cells.MatchKey(text);
        foreach (var (code, chinese) in words)
        {
            if (Cells.MatchKey(code) == key || Cells.MatchKey(chinese) == key)
            {
                return code;
            }
        }

        var partial = key.Length >= 2 ? words.Where(w => Cells.MatchKey(w.Value).Contains(key, StringComparison.Ordinal)).ToList() : [];
        if (partial.Count == 1)
        {
            return partial[0].Key;
        }

        throw new Cells.CellException(partial.Count > 1
            ? $"“{text}”不明确，可能是：{string.Join("、", partial.Select(p => p.Value))}"
            : $"未知的{column.Header}“{text}”，应为以下之一：{string.Join("、", words.Values)}");
    }

    private static void RemoveNulls(JsonObject o)
    {
        foreach (var name in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            o.Remove(name);
        }

        foreach (var child in o.Select(p => p.Value))
        {
            switch (child)
            {
                case JsonObject co:
                    RemoveNulls(co);
                    break;
                case JsonArray a:
                    foreach (var item in a.OfType<JsonObject>())
                    {
                        RemoveNulls(item);
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"[、,，;；/\s]+")]
    private static partial Regex ListSeparators();
}
