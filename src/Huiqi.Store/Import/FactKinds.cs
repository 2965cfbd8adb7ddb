using Huiqi.Engine.Model;

namespace Huiqi.Store.Import;

/// <summary>How a column's cells are read.</summary>
public enum CellKind
{
    /// <summary>统一社会信用代码: narrowed, spaces removed, upper case; checked by <see cref="Huiqi.Engine.Input.Uscc"/>.</summary>
    Uscc,

    /// <summary>Free text (a name, a product): trimmed, kept as written.</summary>
    Text,

    /// <summary>An identifier (project or patent number, clause): narrowed, spaces removed.</summary>
    Code,

    /// <summary>One of the 16 districts; common short names (高新区, 航空港区, 管城区…) are accepted.</summary>
    District,

    /// <summary>One word of a vocabulary, in Chinese or as the English code.</summary>
    Word,

    /// <summary>Several words of a vocabulary, separated by 、，,；; or spaces.</summary>
    Words,

    /// <summary>Money in yuan; a 万元/亿元 header or cell suffix is converted exactly; at most two decimals (分).</summary>
    Money,

    /// <summary>A non-money quantity (m², kWh).</summary>
    Quantity,

    /// <summary>A rate: 0.12 or 12%.</summary>
    Rate,

    Integer,
    Year,
    Date,
    Bool,
    Period,
}

/// <summary>
/// One column of a template: its Chinese header (the glossary's term), other headers clerks use for it, the dossier
/// field it fills (in the contract's JSON), and how its cells are read.
/// </summary>
public sealed record Column(string Header, string Field, CellKind Kind, bool Required = false)
{
    /// <summary>Other headers accepted for this column (matched without spaces, units or parenthesised notes).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The vocabulary of a <see cref="CellKind.Word"/> or <see cref="CellKind.Words"/> column: code → Chinese.</summary>
    public IReadOnlyDictionary<string, string>? Words { get; init; }

    /// <summary>What to write, for the template's instructions sheet (填写说明).</summary>
    public string Note { get; init; } = "";

    public string Example { get; init; } = "";
}

/// <summary>
/// A kind of fact a district bureau keeps in a sheet (企业信息, 指标数据, 荣誉称号…): the template's columns and the
/// dossier section each row becomes. The columns of the enterprise and of every section are those of the contract's
/// table (<see cref="FactFields"/>): its labels are the headers, its aliases the other headers accepted. One general mapping serves every kind: a row is turned into a small dossier
/// holding that one fact, which <see cref="Huiqi.Engine.Input.DossierReader"/> checks by the same rules as any dossier,
/// and which <see cref="FactMapper"/> turns into rows of the registry.
/// </summary>
public sealed class FactKind
{
    /// <summary>The name on the command line: <c>figures</c>, <c>honors</c>…</summary>
    public required string Name { get; init; }

    /// <summary>The Chinese title: the template's sheet name.</summary>
    public required string Title { get; init; }

    /// <summary>The dossier section a row fills (<c>honors</c>), <c>figures</c>, or null for the enterprise itself.</summary>
    public string? Section { get; init; }

    public required IReadOnlyList<Column> Columns { get; init; }

    /// <summary>For items with a series (a patent product's sales by year, a project's cumulative investment by period): the path in the item.</summary>
    public string? SeriesPath { get; init; }

    /// <summary>The column whose cell keys the series entry (its <see cref="Column.Field"/> starts with <c>@</c>).</summary>
    public Column? SeriesKey => Columns.FirstOrDefault(c => c.Field == "@key");

    /// <summary>The column whose cell is the series value.</summary>
    public Column? SeriesValue => Columns.FirstOrDefault(c => c.Field == "@value");

    public Column Uscc => Columns[0];

    public override string ToString() => $"{Title}（{Name}）";

    private static Column UsccColumn(string? note = null) => Of(FactFields.Head[0]) with { Note = note ?? FactFields.Head[0].Note };

    private static Column WordColumn(string header, string field, IReadOnlyDictionary<string, string> words, string[] aliases, bool required = true) =>
        new(header, field, CellKind.Word, required) { Words = words, Aliases = aliases, Note = "填写以下之一：" + string.Join("、", words.Values), Example = words.Values.First() };

    /// <summary>How a sheet's cells of a field of this kind are read.</summary>
    private static CellKind CellOf(FieldKind kind) => kind switch
    {
        FieldKind.Uscc => CellKind.Uscc,
        FieldKind.Code or FieldKind.Clause => CellKind.Code,
        FieldKind.District => CellKind.District,
        FieldKind.Word => CellKind.Word,
        FieldKind.Words => CellKind.Words,
        FieldKind.Money or FieldKind.Series or FieldKind.YearSeries => CellKind.Money,
        FieldKind.Area => CellKind.Quantity,
        FieldKind.Rate => CellKind.Rate,
        FieldKind.Integer => CellKind.Integer,
        FieldKind.Year => CellKind.Year,
        FieldKind.Date => CellKind.Date,
        FieldKind.Bool => CellKind.Bool,
        FieldKind.Period => CellKind.Period,
        _ => CellKind.Text,
    };

    /// <summary>A field's column, as the contract's table describes it.</summary>
    private static Column Of(FactField f) =>
        new(f.Label, f.Name, CellOf(f.Kind), f.Required) { Aliases = f.Aliases, Words = f.Vocabulary, Note = f.Note, Example = f.Example };

    /// <summary>
    /// The kind of a section: the USCC, then a column per field of the section in the contract's order; a series takes
    /// two columns at the end, its key (<c>@key</c>: the period or year) and its value (<c>@value</c>), one sheet row each.
    /// </summary>
    private static FactKind OfSection(string name, FactSection section, string? usccNote = null)
    {
        var series = section.Fields.SingleOrDefault(f => FactSection.IsSeries(f.Kind));
        List<Column> columns = [UsccColumn(usccNote), .. section.Fields.Where(f => f.InSheet && !FactSection.IsSeries(f.Kind)).Select(Of)];
        if (series is { Key: { } key })
        {
            columns.Add(new Column(key.Label, "@key", CellOf(key.Kind)) { Aliases = key.Aliases, Note = key.Note });
            columns.Add(Of(series) with { Field = "@value" });
        }

        return new FactKind
        {
            Name = name,
            Title = section.Title,
            Section = section.Name,
            SeriesPath = series is null ? null : series.Inner is { } inner ? $"{series.Name}.{inner}" : series.Name,
            Columns = columns,
        };
    }

    /// <summary>The districts' names as clerks write them, to the names of zzb2020-19 Annex 1.</summary>
    public static readonly IReadOnlyDictionary<string, string> DistrictAliases = new Dictionary<string, string>
    {
        ["航空港区"] = "郑州航空港区",
        ["航空港"] = "郑州航空港区",
        ["郑州航空港经济综合实验区"] = "郑州航空港区",
        ["航空港经济综合实验区"] = "郑州航空港区",
        ["经开区"] = "郑州经开区",
        ["郑州经济技术开发区"] = "郑州经开区",
        ["经济技术开发区"] = "郑州经开区",
        ["高新区"] = "郑州高新区",
        ["郑州高新技术产业开发区"] = "郑州高新区",
        ["高新技术产业开发区"] = "郑州高新区",
        ["管城区"] = "管城回族区",
        ["郑东新区管委会"] = "郑东新区",
        ["巩义"] = "巩义市",
        ["荥阳"] = "荥阳市",
        ["新密"] = "新密市",
        ["新郑"] = "新郑市",
        ["登封"] = "登封市",
        ["中牟"] = "中牟县",
    };

    public static readonly FactKind Enterprises = new()
    {
        Name = "enterprises",
        Title = "企业信息",
        Section = null,
        Columns = [UsccColumn(), .. FactFields.Head.Skip(1).Where(f => f.InSheet).Select(Of)],
    };

    public static readonly FactKind Figures = new()
    {
        Name = "figures",
        Title = "指标数据",
        Section = "figures",
        Columns =
        [
            UsccColumn(),
            WordColumn("指标", "metric", Vocabulary.Metrics, ["指标名称", "统计指标", "指标项"]),
            new("统计期", "period", CellKind.Period, Required: true)
            {
                Aliases = ["期间", "统计期间", "报告期", "时间", "年度", "年份", "期别", "所属期"],
                Note = "年2024、半年2024H1（或2024年上半年）、季度2024Q1（或2024年一季度、2024年1-3月）、月2024-03（或2024年3月）",
                Example = "2024",
            },
            new("数值", "value", CellKind.Money, Required: true)
            {
                Aliases = ["金额", "数据", "值", "本期数", "本期值", "指标值"],
                Note = "金额单位为元；表头写“数值（万元）”或单元格写“123.4万”即按万元换算；用电量单位千瓦时；利润率填小数或百分数",
                Example = "246000000",
            },
        ],
    };

    public static readonly FactKind Rankings = OfSection("rankings", FactFields.Rankings);

    public static readonly FactKind Honors = OfSection("honors", FactFields.Honors);

    public static readonly FactKind Projects = OfSection("projects", FactFields.Projects);

    public static readonly FactKind Spending = OfSection("spending", FactFields.Spending);

    public static readonly FactKind Procurement = OfSection("procurement", FactFields.Procurement, "链主企业的统一社会信用代码");

    public static readonly FactKind PatentProducts = OfSection("patents", FactFields.PatentProducts);

    public static readonly FactKind Premises = OfSection("premises", FactFields.Premises);

    public static readonly FactKind Training = OfSection("training", FactFields.Training, "培养机构的统一社会信用代码");

    public static readonly FactKind Grants = OfSection("grants", FactFields.Grants);

    /// <summary>Every kind, enterprises first (a workbook's facts may name enterprises its first sheet registers).</summary>
    public static readonly IReadOnlyList<FactKind> All =
        [Enterprises, Figures, Rankings, Honors, Projects, Spending, Procurement, PatentProducts, Premises, Training, Grants];

    /// <summary>A kind by its English name or Chinese title.</summary>
    public static FactKind? Find(string name) =>
        All.FirstOrDefault(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || k.Title == name
            || (name.Equals("patent-products", StringComparison.OrdinalIgnoreCase) && k == PatentProducts)
            || (name.Equals("ledger", StringComparison.OrdinalIgnoreCase) && k == Grants));
}
