using System.Collections.Frozen;

namespace Huiqi.Engine.Model;

/// <summary>What a fact field holds, and so how the contract checks it, how a sheet's cell is read and how a page shows it.</summary>
public enum FieldKind
{
    /// <summary>Free text, not empty (a name, a product).</summary>
    Text,

    /// <summary>An identifier, not empty (project or patent number): a sheet's cell loses its spaces.</summary>
    Code,

    /// <summary>统一社会信用代码, checked (GB 32100-2015 and GB 11714).</summary>
    Uscc,

    /// <summary>A clause reference, <c>zz2023-23/15</c>.</summary>
    Clause,

    /// <summary>One of the 16 districts of zzb2020-19 Annex 1.</summary>
    District,

    /// <summary>One word of the field's <see cref="FactField.Vocabulary"/>.</summary>
    Word,

    /// <summary>Several words of the field's <see cref="FactField.Vocabulary"/> (traits, sectors).</summary>
    Words,

    /// <summary>Money in yuan, 0 to 10万亿元.</summary>
    Money,

    /// <summary>Floor space in m², 0 to 1亿平方米.</summary>
    Area,

    /// <summary>A rate, 0.12 = 12 %, between 0 and 10.</summary>
    Rate,

    /// <summary>A whole number between <see cref="FactField.Min"/> and <see cref="FactField.Max"/>.</summary>
    Integer,

    /// <summary>A year, 1900 to 2100.</summary>
    Year,

    /// <summary>A day, written yyyy-MM-dd.</summary>
    Date,

    /// <summary>true or false; absent is false.</summary>
    Bool,

    /// <summary>Period → yuan, held in an object under <see cref="FactField.Inner"/> (a project's <c>figures.investment</c>).</summary>
    Series,

    /// <summary>Year → yuan (a patent product's <c>sales</c>).</summary>
    YearSeries,

    /// <summary>The dossier's metric → period → value table.</summary>
    Figures,

    /// <summary>A statistical period, 2024, 2024H1, 2024Q1 or 2024-03: the key of a <see cref="Series"/> in a sheet.</summary>
    Period,
}

/// <summary>
/// One field of the dossier contract (dossier.md): its name in the JSON, its Chinese label (the sheet's header and the
/// page's column, from the glossary), its kind, whether it is required, and what the import templates add (other headers
/// clerks use, a note, an example).
/// </summary>
public abstract class FactField(string name, string label, FieldKind kind)
{
    /// <summary>The name in the contract's JSON, e.g. <c>provincialFunding</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The Chinese label: the import template's header, the enterprise page's column.</summary>
    public string Label { get; } = label;

    public FieldKind Kind { get; } = kind;

    public bool Required { get; init; }

    /// <summary>The words of a <see cref="FieldKind.Word"/> or <see cref="FieldKind.Words"/> field: code → Chinese.</summary>
    public IReadOnlyDictionary<string, string>? Vocabulary { get; init; }

    /// <summary>What an error message calls the value, in Chinese (the label when not given) and English.</summary>
    public string? Noun { get; init; }

    public string English { get; init; } = "";

    /// <summary>The bounds of an <see cref="FieldKind.Integer"/>.</summary>
    public int Min { get; init; }

    public int Max { get; init; } = int.MaxValue;

    /// <summary>For a <see cref="FieldKind.Series"/>: the one name inside its object (<c>investment</c>).</summary>
    public string? Inner { get; init; }

    /// <summary>Two items of a section may not share this field's value (a project's id names its awards).</summary>
    public bool Distinct { get; init; }

    /// <summary>Whether the import templates have a column for it.</summary>
    public bool InSheet { get; init; } = true;

    /// <summary>Other headers accepted for the field's column (matched without spaces, units or parenthesised notes).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>What to write, for the template's instructions sheet (填写说明).</summary>
    public string Note { get; init; } = "";

    public string Example { get; init; } = "";

    /// <summary>For a series: the column of its keys (the period or year of each sheet row).</summary>
    public SeriesKey? Key { get; init; }

    /// <summary>The Chinese noun of error messages.</summary>
    public string ChineseNoun => Noun ?? Label;

    public override string ToString() => Name;
}

/// <summary>The key column of a series in an import sheet: one sheet row per period or year.</summary>
public sealed record SeriesKey(string Label, FieldKind Kind)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string Note { get; init; } = "";
}

/// <summary>A field of <typeparamref name="T"/>, with the getter every writer and page reads it through.</summary>
public sealed class FactField<T>(string name, string label, FieldKind kind, Func<T, FieldValue> get) : FactField(name, label, kind)
{
    /// <summary>The value of the field, <see cref="FieldValue.None"/> when the contract leaves it out.</summary>
    public Func<T, FieldValue> Get { get; } = get;
}

/// <summary>
/// A section of the dossier (<c>honors</c>, <c>projects</c>…): an array of items of one record type, its fields in the
/// contract's order, and how an item is made from its fields' values.
/// </summary>
public abstract class FactSection(string name, string title)
{
    /// <summary>The section's name in the contract's JSON.</summary>
    public string Name { get; } = name;

    /// <summary>The Chinese title: the import template's sheet, the enterprise page's heading.</summary>
    public string Title { get; } = title;

    public abstract IReadOnlyList<FactField> Fields { get; }

    /// <summary>
    /// The order the fields are read in, so errors come in a fixed order: the contract's order, series last (they are
    /// objects of their own, read after the item's plain values).
    /// </summary>
    public int[] ReadOrder => _readOrder ??= [.. Enumerable.Range(0, Fields.Count).OrderBy(i => IsSeries(Fields[i].Kind) ? 1 : 0)];

    private int[]? _readOrder;

    public FactField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public static bool IsSeries(FieldKind kind) => kind is FieldKind.Series or FieldKind.YearSeries;

    /// <summary>The values of every field of every item of this section in a dossier, for a page that shows them by the table.</summary>
    public abstract IEnumerable<FieldValue[]> ValuesIn(Dossier d);

    public override string ToString() => Name;
}

/// <summary>A section of items of type <typeparamref name="T"/>.</summary>
public sealed class FactSection<T>(string name, string title, FactField<T>[] fields, Func<FieldValues, T> create, Func<Dossier, IReadOnlyList<T>> items)
    : FactSection(name, title)
    where T : class
{
    public IReadOnlyList<FactField<T>> Typed { get; } = fields;

    public override IReadOnlyList<FactField> Fields => Typed;

    /// <summary>The item, from the values of its fields in the order of <see cref="FactSection.Fields"/>; absent optional values are <see cref="FieldValue.None"/>.</summary>
    public Func<FieldValues, T> Create { get; } = create;

    /// <summary>The section's items in a dossier.</summary>
    public Func<Dossier, IReadOnlyList<T>> Items { get; } = items;

    /// <summary>
    /// The order the JSON writer puts the fields in, when it is not the contract's: a grant's award year came to the
    /// contract last but was written before the amount from the first, and written ledgers stay byte for byte as they were.
    /// </summary>
    public int[]? WriteOrder { get; init; }

    public override IEnumerable<FieldValue[]> ValuesIn(Dossier d) => Items(d).Select(item => Typed.Select(f => f.Get(item)).ToArray());
}

/// <summary>One field's value, read or to be written: text, a number, a date, a truth or a series; or none.</summary>
public readonly struct FieldValue
{
    private enum Tag : byte
    {
        None,
        Text,
        Number,
        Whole,
        Date,
        Bool,
        Series,
    }

    private readonly object? _ref;
    private readonly decimal _number;
    private readonly int _whole;
    private readonly Tag _tag;

    private FieldValue(Tag tag, object? reference = null, decimal number = 0, int whole = 0)
    {
        _tag = tag;
        _ref = reference;
        _number = number;
        _whole = whole;
    }

    public static readonly FieldValue None;

    public bool HasValue => _tag != Tag.None;

    public static FieldValue Of(string? text) => text is null ? None : new(Tag.Text, text);

    public static FieldValue Of(decimal? number) => number is { } n ? new(Tag.Number, number: n) : None;

    public static FieldValue Of(int? whole) => whole is { } n ? new(Tag.Whole, whole: n) : None;

    public static FieldValue Of(DateOnly? date) => date is { } d ? new(Tag.Date, whole: d.DayNumber) : None;

    /// <summary>A truth; false is written as absent, as the contract reads an absent one.</summary>
    public static FieldValue Of(bool value) => value ? new(Tag.Bool, whole: 1) : None;

    public static FieldValue OfBool(bool? value) => value is { } v ? new(Tag.Bool, whole: v ? 1 : 0) : None;

    /// <summary>A period series (an empty one is absent).</summary>
    public static FieldValue Of(IReadOnlyDictionary<Period, decimal>? series) => series is { Count: > 0 } ? new(Tag.Series, series) : None;

    /// <summary>A year series (an empty one is absent).</summary>
    public static FieldValue Of(IReadOnlyDictionary<int, decimal>? series) => series is { Count: > 0 } ? new(Tag.Series, series) : None;

    public string? Text => _tag == Tag.Text ? (string)_ref! : null;

    public decimal? Number => _tag == Tag.Number ? _number : null;

    public int? Whole => _tag == Tag.Whole ? _whole : null;

    public DateOnly? Date => _tag == Tag.Date ? DateOnly.FromDayNumber(_whole) : null;

    public bool? Bool => _tag == Tag.Bool ? _whole != 0 : null;

    public object? Series => _tag == Tag.Series ? _ref : null;

    /// <summary>The value as an object (for a page or a row), null when none.</summary>
    public object? Boxed => _tag switch
    {
        Tag.Text or Tag.Series => _ref,
        Tag.Number => _number,
        Tag.Whole => _whole,
        Tag.Date => DateOnly.FromDayNumber(_whole),
        Tag.Bool => _whole != 0,
        _ => null,
    };

    /// <summary>A value from an object of the kind's type (a row's column), none for null.</summary>
    public static FieldValue FromBoxed(object? value) => value switch
    {
        null => None,
        string s => Of(s),
        decimal d => Of(d),
        int i => Of(i),
        DateOnly d => Of(d),
        bool b => OfBool(b),
        IReadOnlyDictionary<Period, decimal> p => Of(p),
        IReadOnlyDictionary<int, decimal> y => Of(y),
        _ => throw new ArgumentException($"no field holds a {value.GetType().Name}", nameof(value)),
    };
}

/// <summary>The values of one item's fields, by index in its section's <see cref="FactSection.Fields"/>; reused from item to item.</summary>
public sealed class FieldValues(int count)
{
    private readonly FieldValue[] _values = new FieldValue[count];

    public FieldValue this[int index]
    {
        get => _values[index];
        set => _values[index] = value;
    }

    public int Count => _values.Length;

    public void Clear() => Array.Clear(_values);

    public string Text(int i) => _values[i].Text!;

    public decimal Number(int i) => _values[i].Number!.Value;

    public int Whole(int i) => _values[i].Whole!.Value;

    public DateOnly Date(int i) => _values[i].Date!.Value;

    public bool Bool(int i) => _values[i].Bool ?? false;

    public IReadOnlyDictionary<Period, decimal> Series(int i) => _values[i].Series as IReadOnlyDictionary<Period, decimal> ?? FrozenDictionary<Period, decimal>.Empty;

    /// <summary>A year series: read as periods (every one a year), or stored by year.</summary>
    public Dictionary<int, decimal> ByYear(int i)
    {
        switch (_values[i].Series)
        {
            case IReadOnlyDictionary<Period, decimal> periods:
                var byYear = new Dictionary<int, decimal>(periods.Count);
                foreach (var (period, value) in periods)
                {
                    byYear[period.Year] = value;
                }

                return byYear;
            case IReadOnlyDictionary<int, decimal> years:
                return new Dictionary<int, decimal>(years);
            default:
                return [];
        }
    }
}

/// <summary>
/// The dossier contract spelled once (dossier.md): every fact field of every section, with its JSON name, Chinese label,
/// kind and accessors. The dossier reader checks fields by it, the JSON writer writes by it, the import templates take
/// their columns from it, the registry maps its rows by it and the enterprise page shows the dossier by it. Adding a
/// field is a line here (and a property on the model record its getter reads); see docs/adding-a-fact-field.md.
/// </summary>
public static class FactFields
{
    private static string Choices(IReadOnlyDictionary<string, string> words) => "填写以下之一：" + string.Join("、", words.Values);

    private static FactField<T> Word<T>(string name, string label, IReadOnlyDictionary<string, string> words, string english, Func<T, string> get, params string[] aliases) =>
        Word(name, label, null, words, english, get, aliases);

    private static FactField<T> Word<T>(string name, string label, string? noun, IReadOnlyDictionary<string, string> words, string english, Func<T, string> get, params string[] aliases) =>
        new(name, label, FieldKind.Word, x => FieldValue.Of(get(x)))
        {
            Required = true, Vocabulary = words, Noun = noun, English = english, Aliases = aliases, Note = Choices(words), Example = words.Values.First(),
        };

    private static FactField<T> Year<T>(Func<T, int> get) =>
        new("year", "年度", FieldKind.Year, x => FieldValue.Of(get(x))) { Required = true, Aliases = ["年份", "年"], Note = "四位年份", Example = "2024" };

    /// <summary>The fields of the enterprise itself (企业信息), read and written by the dossier's own code around the sections.</summary>
    public static readonly IReadOnlyList<FactField<Dossier>> Head =
    [
        new("uscc", "统一社会信用代码", FieldKind.Uscc, d => FieldValue.Of(d.Uscc))
        {
            Required = true, Aliases = ["社会信用代码", "信用代码", "统一信用代码", "企业统一社会信用代码", "统一代码", "USCC", "uscc"],
            Note = "18位，如91410100MA3159566W", Example = "91410100MA3159566W",
        },
        new("name", "企业名称", FieldKind.Text, d => FieldValue.Of(d.Name))
        {
            Required = true, Aliases = ["企业名", "单位名称", "名称", "企业全称"], Example = "郑州示例装备制造有限公司",
        },
        new("district", "所属区县（市）", FieldKind.District, d => FieldValue.Of(d.District))
        {
            Required = true,
            Aliases = ["所属区县", "区县", "县市区", "所属县市区", "所属地区", "辖区", "所属区域", "区县（市）/开发区", "所属开发区"],
            Note = "郑政办〔2020〕19号附件1所列16个区县（市）、开发区之一：" + string.Join("、", Vocabulary.Districts),
            Example = "郑州经开区",
        },
        new("traits", "企业特征", FieldKind.Words, _ => FieldValue.None)
        {
            Vocabulary = Vocabulary.Traits, English = "trait", Aliases = ["企业类型", "企业属性", "企业标签", "特征"],
            Note = "可填多项，用顿号分隔；" + Choices(Vocabulary.Traits), Example = "工业企业、制造业企业、规模以上工业企业",
        },
        new("sectors", "产业领域", FieldKind.Words, _ => FieldValue.None)
        {
            Vocabulary = Vocabulary.Sectors, English = "sector", Aliases = ["重点产业领域", "所属领域", "所属产业", "领域"],
            Note = "可填多项（郑政〔2023〕23号第七条），用顿号分隔；" + Choices(Vocabulary.Sectors), Example = "传感器",
        },
        new("relocatedOn", "整体迁入日期", FieldKind.Date, d => FieldValue.Of(d.RelocatedOn))
        {
            Aliases = ["迁入日期", "迁入时间"], Note = "整体迁入郑州的日期，没有则不填",
        },
        new("figures", "指标数据", FieldKind.Figures, _ => FieldValue.None) { InSheet = false },
    ];

    public static readonly FactSection<Ranking> Rankings = new(
        "rankings",
        "榜单排名",
        [
            Word<Ranking>("list", "榜单", Vocabulary.RankingLists, "ranking list", r => r.List, "榜单名称", "排行榜"),
            Year<Ranking>(r => r.Year),
            new("rank", "名次", FieldKind.Integer, r => FieldValue.Of(r.Rank)) { Required = true, Min = 1, English = "rank", Aliases = ["排名", "位次"], Example = "480" },
            new("date", "发布日期", FieldKind.Date, r => FieldValue.Of(r.Date)) { Required = true, Aliases = ["发布时间", "公布日期"], Example = "2024-09-10" },
        ],
        v => new Ranking(v.Text(0), v.Whole(1), v.Whole(2), v.Date(3)),
        d => d.Rankings);

    public static readonly FactSection<Honor> Honors = new(
        "honors",
        "荣誉称号",
        [
            Word<Honor>("kind", "称号类别", Vocabulary.HonorKinds, "honor kind", h => h.Kind, "称号", "荣誉称号", "认定类别", "称号名称", "荣誉", "类别"),
            new("date", "认定日期", FieldKind.Date, h => FieldValue.Of(h.Date)) { Required = true, Aliases = ["认定时间", "获评日期", "公布日期", "发文日期", "日期"], Example = "2024-06-01" },
            new("item", "具体名称", FieldKind.Text, h => FieldValue.Of(h.Item))
            {
                Aliases = ["产品名称", "证书名称", "项目名称", "名单", "细分"], Note = "产品、证书、榜单或路线，按条款逐项奖励的称号必填（如绿色产品类别）",
            },
            new("stars", "星级", FieldKind.Integer, h => FieldValue.Of(h.Stars)) { Min = 1, English = "stars", Aliases = ["上云星级"], Note = "上云星级企业填写" },
            new("provincialFunding", "省补助资金", FieldKind.Money, h => FieldValue.Of(h.ProvincialFunding)) { Aliases = ["省级补助资金", "省财政支持资金"], Note = "省级制造业创新中心填写，单位元" },
            new("sales", "销售额", FieldKind.Money, h => FieldValue.Of(h.Sales)) { Aliases = ["实际销售额", "销售收入"], Note = "“三首”产品在奖励期内的实际销售额，单位元" },
        ],
        v => new Honor(v.Text(0), v.Date(1)) { Item = v[2].Text, Stars = v[3].Whole, ProvincialFunding = v[4].Number, Sales = v[5].Number },
        d => d.Honors);

    public static readonly FactSection<Project> Projects = new(
        "projects",
        "项目",
        [
            new("id", "项目编号", FieldKind.Code, p => FieldValue.Of(p.Id)) { Required = true, Distinct = true, English = "project id", Aliases = ["项目代码", "编号", "备案编号"], Note = "本企业内唯一", Example = "P1" },
            Word<Project>("kind", "项目类别", Vocabulary.ProjectKinds, "project kind", p => p.Kind, "项目类型", "类别"),
            new("sei", "战略性新兴产业项目", FieldKind.Bool, p => FieldValue.Of(p.Sei)) { Aliases = ["是否战略性新兴产业项目", "战新项目"], Note = "是/否", Example = "是" },
            new("major", "重大工业项目", FieldKind.Bool, p => FieldValue.Of(p.Major)) { Aliases = ["是否重大工业项目"], Note = "是/否（一事一议）", Example = "否" },
            new("totalInvestment", "总投资", FieldKind.Money, p => FieldValue.Of(p.TotalInvestment)) { Aliases = ["项目总投资", "计划总投资"], Example = "30000000" },
            new("equipmentInvestment", "设备投资", FieldKind.Money, p => FieldValue.Of(p.EquipmentInvestment))
            {
                Aliases = ["设备和软件投资", "生产性设备投资", "设备及软件投资", "智能化设备和软件投资"], Note = "条款所称的投资基数", Example = "24000000",
            },
            new("benefitRate", "节能效益比例", FieldKind.Rate, p => FieldValue.Of(p.BenefitRate)) { Aliases = ["效益比例", "节能降耗比例", "综合效益"], Note = "绿色化改造达产后实测，填12%或0.12" },
            new("completedOn", "竣工日期", FieldKind.Date, p => FieldValue.Of(p.CompletedOn)) { Aliases = ["竣工投产日期", "完工日期", "建成日期", "认定日期"], Example = "2024-05-31" },
            new("reachedOutputOn", "达产日期", FieldKind.Date, p => FieldValue.Of(p.ReachedOutputOn)) { Aliases = ["达产时间"] },
            new("enteredLibraryOn", "入库日期", FieldKind.Date, p => FieldValue.Of(p.EnteredLibraryOn)) { Aliases = ["纳入固定资产投资库日期"] },
            new("figures", "累计完成投资", FieldKind.Series, p => FieldValue.Of(p.CumulativeInvestment))
            {
                Inner = "investment", Aliases = ["累计投资", "累计完成投资额"],
                Key = new("统计期", FieldKind.Period) { Aliases = ["累计投资统计期", "期间"], Note = "固定资产投资库项目：累计完成投资的截止期，如2023Q1；每期一行" },
            },
            new("signedOn", "签约日期", FieldKind.Date, p => FieldValue.Of(p.SignedOn)) { Aliases = ["签约时间"] },
            new("startedOn", "开工日期", FieldKind.Date, p => FieldValue.Of(p.StartedOn)) { Aliases = ["开工时间"] },
            new("contractInvestment", "合同投资额", FieldKind.Money, p => FieldValue.Of(p.ContractInvestment)) { Aliases = ["合同投资", "签约投资额"] },
        ],
        v => new Project(v.Text(0), v.Text(1))
        {
            Sei = v.Bool(2),
            Major = v.Bool(3),
            TotalInvestment = v[4].Number,
            EquipmentInvestment = v[5].Number,
            BenefitRate = v[6].Number,
            CompletedOn = v[7].Date,
            ReachedOutputOn = v[8].Date,
            EnteredLibraryOn = v[9].Date,
            CumulativeInvestment = v.Series(10),
            SignedOn = v[11].Date,
            StartedOn = v[12].Date,
            ContractInvestment = v[13].Number,
        },
        d => d.Projects);

    public static readonly FactSection<Spending> Spending = new(
        "spending",
        "费用",
        [
            Word<Spending>("kind", "费用类别", Vocabulary.SpendingKinds, "spending kind", s => s.Kind, "费用类型", "类别"),
            Year<Spending>(s => s.Year),
            new("amount", "金额", FieldKind.Money, s => FieldValue.Of(s.Amount)) { Required = true, Aliases = ["费用金额", "全年金额", "发生额"], Note = "该年度该类费用合计，单位元", Example = "300000" },
        ],
        v => new Spending(v.Text(0), v.Whole(1), v.Number(2)),
        d => d.Spending);

    public static readonly FactSection<Procurement> Procurement = new(
        "procurement",
        "链主采购",
        [
            Year<Procurement>(p => p.Year),
            new("supplier", "供应商统一社会信用代码", FieldKind.Uscc, p => FieldValue.Of(p.Supplier))
            {
                Required = true, Aliases = ["供应商信用代码", "配套企业统一社会信用代码"], Example = "91410100MA9YYYYYY0",
            },
            new("amount", "采购额", FieldKind.Money, p => FieldValue.Of(p.Amount))
            {
                Required = true, Aliases = ["采购金额", "采购或委托加工额", "金额"], Note = "该年度向该供应商采购或委托加工合计，单位元", Example = "6000000",
            },
            Word<Procurement>("chain", "供应链类别", Vocabulary.SupplyChains, "supply chain", p => p.Chain, "供应链", "配套类别"),
        ],
        v => new Procurement(v.Whole(0), v.Text(1), v.Number(2), v.Text(3)),
        d => d.Procurement);

    public static readonly FactSection<PatentProduct> PatentProducts = new(
        "patentProducts",
        "专利产品",
        [
            new("id", "专利号", FieldKind.Code, p => FieldValue.Of(p.Id)) { Required = true, Aliases = ["发明专利号", "专利编号"], Example = "ZL202310000001.1" },
            new("grantedOn", "授权日期", FieldKind.Date, p => FieldValue.Of(p.GrantedOn)) { Required = true, Aliases = ["授权公告日", "授权时间"], Example = "2023-03-01" },
            new("sales", "销售收入", FieldKind.YearSeries, p => FieldValue.Of(p.Sales))
            {
                Aliases = ["销售额", "产品销售收入"], Note = "单位元",
                Key = new("年度", FieldKind.Year) { Aliases = ["年份", "销售年度"], Note = "销售收入所属年度；每年一行" },
            },
        ],
        v => new PatentProduct(v.Text(0), v.Date(1), v.ByYear(2)),
        d => d.PatentProducts);

    public static readonly FactSection<Premises> Premises = new(
        "premises",
        "工业楼宇",
        [
            Word<Premises>("kind", "使用方式", "楼宇使用方式", Vocabulary.PremisesKinds, "premises kind", p => p.Kind, "租赁或购买", "方式", "类别"),
            new("area", "面积", FieldKind.Area, p => FieldValue.Of(p.Area)) { Required = true, Aliases = ["使用面积", "建筑面积", "租赁面积", "购买面积"], Note = "平方米", Example = "25000" },
            new("since", "起始日期", FieldKind.Date, p => FieldValue.Of(p.Since)) { Required = true, Aliases = ["租赁起始日期", "购买日期", "起租日期"], Example = "2021-01-01" },
            new("date", "申报日期", FieldKind.Date, p => FieldValue.Of(p.Date)) { Required = true, Aliases = ["申请日期", "发生日期"], Note = "奖励事项发生之日", Example = "2024-01-01" },
        ],
        v => new Premises(v.Text(0), v.Number(1), v.Date(2), v.Date(3)),
        d => d.Premises);

    public static readonly FactSection<Training> Training = new(
        "training",
        "技能人才培养",
        [
            Word<Training>("kind", "培养类别", Vocabulary.TrainingKinds, "training kind", t => t.Kind, "培训类别", "类别"),
            Year<Training>(t => t.Year),
            new("count", "人数", FieldKind.Integer, t => FieldValue.Of(t.Count))
            {
                Required = true, Min = 0, Max = MaxTrainees, English = "count", Aliases = ["培养人数", "培训人数"], Example = "30",
            },
        ],
        v => new Training(v.Text(0), v.Whole(1), v.Whole(2)),
        d => d.Training);

    public static readonly FactSection<Grant> Grants = new(
        "grants",
        "兑付台账",
        [
            new("clause", "条款", FieldKind.Clause, g => FieldValue.Of(g.Clause))
            {
                Required = true, Aliases = ["政策条款", "条款编号", "奖励条款"], Note = "文件编号/条号，如zz2023-23/15", Example = "zz2023-23/15",
            },
            new("item", "奖励项目", FieldKind.Text, g => FieldValue.Of(g.Item)) { Aliases = ["奖励事项", "项目", "具体名称"], Example = "provincial-smart-workshop" },
            new("amount", "金额", FieldKind.Money, g => FieldValue.Of(g.Amount)) { Required = true, Aliases = ["兑付金额", "奖励金额", "拨付金额"], Example = "300000" },
            new("date", "兑付日期", FieldKind.Date, g => FieldValue.Of(g.Date)) { Required = true, Aliases = ["拨付日期", "兑现日期", "日期"], Example = "2024-05-01" },

            // The award year the payment settles: a January payment often settles the year before (dossier.md). Written
            // only when it differs from the date's year, its default, so a ledger without it reads and writes as before;
            // an optional column of the ledger sheet, which the bureaus' old sheets leave out.
            new("year", "所属年度", FieldKind.Year, g => g.Year != g.Date.Year ? FieldValue.Of(g.Year) : FieldValue.None)
            {
                Aliases = ["奖励年度", "结算年度"], Note = "本次兑付结算的奖励年度（如2025年1月兑付2024年度奖励填2024）；不填为兑付日期所在年度", Example = "2024",
            },
        ],
        v => new Grant(v.Text(0), v[1].Text, v.Number(2), v.Date(3)) { Year = v[4].Whole ?? v.Date(3).Year },
        d => d.Grants)
    {
        WriteOrder = [0, 1, 4, 2, 3],
    };

    /// <summary>Every section, in the contract's order.</summary>
    public static readonly IReadOnlyList<FactSection> Sections = [Rankings, Honors, Projects, Spending, Procurement, PatentProducts, Premises, Training, Grants];

    /// <summary>The most people a training institution may report for a year: 100万, about what the whole province trains.</summary>
    public const int MaxTrainees = 1_000_000;
}
