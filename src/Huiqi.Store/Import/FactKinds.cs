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
/// dossier section each row becomes. One general mapping serves every kind: a row is turned into a small dossier
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

    private static Column UsccColumn(string note = "18位，如91410100MA3159566W") => new("统一社会信用代码", "uscc", CellKind.Uscc, Required: true)
    {
        Aliases = ["社会信用代码", "信用代码", "统一信用代码", "企业统一社会信用代码", "统一代码", "USCC", "uscc"],
        Note = note,
        Example = "91410100MA3159566W",
    };

    private static Column YearColumn(string field = "year") =>
        new("年度", field, CellKind.Year, Required: true) { Aliases = ["年份", "年"], Note = "四位年份", Example = "2024" };

    private static string Choices(IReadOnlyDictionary<string, string> words) => "填写以下之一：" + string.Join("、", words.Values);

    private static Column WordColumn(string header, string field, IReadOnlyDictionary<string, string> words, string[] aliases, bool required = true) =>
        new(header, field, CellKind.Word, required) { Words = words, Aliases = aliases, Note = Choices(words), Example = words.Values.First() };

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
        Columns =
        [
            UsccColumn(),
            new("企业名称", "name", CellKind.Text, Required: true) { Aliases = ["企业名", "单位名称", "名称", "企业全称"], Example = "郑州示例装备制造有限公司" },
            new("所属区县（市）", "district", CellKind.District, Required: true)
            {
                Aliases = ["所属区县", "区县", "县市区", "所属县市区", "所属地区", "辖区", "所属区域", "区县（市）/开发区", "所属开发区"],
                Note = "郑政办〔2020〕19号附件1所列16个区县（市）、开发区之一：" + string.Join("、", Vocabulary.Districts),
                Example = "郑州经开区",
            },
            new("企业特征", "traits", CellKind.Words, Required: false)
            {
                Words = Vocabulary.Traits, Aliases = ["企业类型", "企业属性", "企业标签", "特征"],
                Note = "可填多项，用顿号分隔；" + Choices(Vocabulary.Traits), Example = "工业企业、制造业企业、规模以上工业企业",
            },
            new("产业领域", "sectors", CellKind.Words, Required: false)
            {
                Words = Vocabulary.Sectors, Aliases = ["重点产业领域", "所属领域", "所属产业", "领域"],
                Note = "可填多项（郑政〔2023〕23号第七条），用顿号分隔；" + Choices(Vocabulary.Sectors), Example = "传感器",
            },
            new("整体迁入日期", "relocatedOn", CellKind.Date, Required: false) { Aliases = ["迁入日期", "迁入时间"], Note = "整体迁入郑州的日期，没有则不填", Example = "" },
        ],
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

    public static readonly FactKind Rankings = new()
    {
        Name = "rankings",
        Title = "榜单排名",
        Section = "rankings",
        Columns =
        [
            UsccColumn(),
            WordColumn("榜单", "list", Vocabulary.RankingLists, ["榜单名称", "排行榜"]),
            YearColumn(),
            new("名次", "rank", CellKind.Integer, Required: true) { Aliases = ["排名", "位次"], Example = "480" },
            new("发布日期", "date", CellKind.Date, Required: true) { Aliases = ["发布时间", "公布日期"], Example = "2024-09-10" },
        ],
    };

    public static readonly FactKind Honors = new()
    {
        Name = "honors",
        Title = "荣誉称号",
        Section = "honors",
        Columns =
        [
            UsccColumn(),
            WordColumn("称号类别", "kind", Vocabulary.HonorKinds, ["称号", "荣誉称号", "认定类别", "称号名称", "荣誉", "类别"]),
            new("认定日期", "date", CellKind.Date, Required: true) { Aliases = ["认定时间", "获评日期", "公布日期", "发文日期", "日期"], Example = "2024-06-01" },
            new("具体名称", "item", CellKind.Text) { Aliases = ["产品名称", "证书名称", "项目名称", "名单", "细分"], Note = "产品、证书、榜单或路线，按条款逐项奖励的称号必填（如绿色产品类别）" },
            new("星级", "stars", CellKind.Integer) { Aliases = ["上云星级"], Note = "上云星级企业填写" },
            new("省补助资金", "provincialFunding", CellKind.Money) { Aliases = ["省级补助资金", "省财政支持资金"], Note = "省级制造业创新中心填写，单位元" },
            new("销售额", "sales", CellKind.Money) { Aliases = ["实际销售额", "销售收入"], Note = "“三首”产品在奖励期内的实际销售额，单位元" },
        ],
    };

    public static readonly FactKind Projects = new()
    {
        Name = "projects",
        Title = "项目",
        Section = "projects",
        SeriesPath = "figures.investment",
        Columns =
        [
            UsccColumn(),
            new("项目编号", "id", CellKind.Code, Required: true) { Aliases = ["项目代码", "编号", "备案编号"], Note = "本企业内唯一", Example = "P1" },
            WordColumn("项目类别", "kind", Vocabulary.ProjectKinds, ["项目类型", "类别"]),
            new("战略性新兴产业项目", "sei", CellKind.Bool) { Aliases = ["是否战略性新兴产业项目", "战新项目"], Note = "是/否", Example = "是" },
            new("重大工业项目", "major", CellKind.Bool) { Aliases = ["是否重大工业项目"], Note = "是/否（一事一议）", Example = "否" },
            new("总投资", "totalInvestment", CellKind.Money) { Aliases = ["项目总投资", "计划总投资"], Example = "30000000" },
            new("设备投资", "equipmentInvestment", CellKind.Money) { Aliases = ["设备和软件投资", "生产性设备投资", "设备及软件投资", "智能化设备和软件投资"], Note = "条款所称的投资基数", Example = "24000000" },
            new("节能效益比例", "benefitRate", CellKind.Rate) { Aliases = ["效益比例", "节能降耗比例", "综合效益"], Note = "绿色化改造达产后实测，填12%或0.12" },
            new("竣工日期", "completedOn", CellKind.Date) { Aliases = ["竣工投产日期", "完工日期", "建成日期", "认定日期"], Example = "2024-05-31" },
            new("达产日期", "reachedOutputOn", CellKind.Date) { Aliases = ["达产时间"] },
            new("入库日期", "enteredLibraryOn", CellKind.Date) { Aliases = ["纳入固定资产投资库日期"] },
            new("签约日期", "signedOn", CellKind.Date) { Aliases = ["签约时间"] },
            new("开工日期", "startedOn", CellKind.Date) { Aliases = ["开工时间"] },
            new("合同投资额", "contractInvestment", CellKind.Money) { Aliases = ["合同投资", "签约投资额"] },
            new("统计期", "@key", CellKind.Period) { Aliases = ["累计投资统计期", "期间"], Note = "固定资产投资库项目：累计完成投资的截止期，如2023Q1；每期一行" },
            new("累计完成投资", "@value", CellKind.Money) { Aliases = ["累计投资", "累计完成投资额"] },
        ],
    };

    public static readonly FactKind Spending = new()
    {
        Name = "spending",
        Title = "费用",
        Section = "spending",
        Columns =
        [
            UsccColumn(),
            WordColumn("费用类别", "kind", Vocabulary.SpendingKinds, ["费用类型", "类别"]),
            YearColumn(),
            new("金额", "amount", CellKind.Money, Required: true) { Aliases = ["费用金额", "全年金额", "发生额"], Note = "该年度该类费用合计，单位元", Example = "300000" },
        ],
    };

    public static readonly FactKind Procurement = new()
    {
        Name = "procurement",
        Title = "链主采购",
        Section = "procurement",
        Columns =
        [
            UsccColumn("链主企业的统一社会信用代码"),
            YearColumn(),
            new("供应商统一社会信用代码", "supplier", CellKind.Uscc, Required: true) { Aliases = ["供应商信用代码", "配套企业统一社会信用代码"], Example = "91410100MA9YYYYYY0" },
            new("采购额", "amount", CellKind.Money, Required: true) { Aliases = ["采购金额", "采购或委托加工额", "金额"], Note = "该年度向该供应商采购或委托加工合计，单位元", Example = "6000000" },
            WordColumn("供应链类别", "chain", Vocabulary.SupplyChains, ["供应链", "配套类别"]),
        ],
    };

    public static readonly FactKind PatentProducts = new()
    {
        Name = "patents",
        Title = "专利产品",
        Section = "patentProducts",
        SeriesPath = "sales",
        Columns =
        [
            UsccColumn(),
            new("专利号", "id", CellKind.Code, Required: true) { Aliases = ["发明专利号", "专利编号"], Example = "ZL202310000001.1" },
            new("授权日期", "grantedOn", CellKind.Date, Required: true) { Aliases = ["授权公告日", "授权时间"], Example = "2023-03-01" },
            new("年度", "@key", CellKind.Year) { Aliases = ["年份", "销售年度"], Note = "销售收入所属年度；每年一行" },
            new("销售收入", "@value", CellKind.Money) { Aliases = ["销售额", "产品销售收入"], Note = "单位元" },
        ],
    };

    public static readonly FactKind Premises = new()
    {
        Name = "premises",
        Title = "工业楼宇",
        Section = "premises",
        Columns =
        [
            UsccColumn(),
            WordColumn("使用方式", "kind", Vocabulary.PremisesKinds, ["租赁或购买", "方式", "类别"]),
            new("面积", "area", CellKind.Quantity, Required: true) { Aliases = ["使用面积", "建筑面积", "租赁面积", "购买面积"], Note = "平方米", Example = "25000" },
            new("起始日期", "since", CellKind.Date, Required: true) { Aliases = ["租赁起始日期", "购买日期", "起租日期"], Example = "2021-01-01" },
            new("申报日期", "date", CellKind.Date, Required: true) { Aliases = ["申请日期", "发生日期"], Note = "奖励事项发生之日", Example = "2024-01-01" },
        ],
    };

    public static readonly FactKind Training = new()
    {
        Name = "training",
        Title = "技能人才培养",
        Section = "training",
        Columns =
        [
            UsccColumn("培养机构的统一社会信用代码"),
            WordColumn("培养类别", "kind", Vocabulary.TrainingKinds, ["培训类别", "类别"]),
            YearColumn(),
            new("人数", "count", CellKind.Integer, Required: true) { Aliases = ["培养人数", "培训人数"], Example = "30" },
        ],
    };

    public static readonly FactKind Grants = new()
    {
        Name = "grants",
        Title = "兑付台账",
        Section = "grants",
        Columns =
        [
            UsccColumn(),
            new("条款", "clause", CellKind.Code, Required: true) { Aliases = ["政策条款", "条款编号", "奖励条款"], Note = "文件编号/条号，如zz2023-23/15", Example = "zz2023-23/15" },
            new("奖励项目", "item", CellKind.Text) { Aliases = ["奖励事项", "项目", "具体名称"], Example = "provincial-smart-workshop" },
            new("金额", "amount", CellKind.Money, Required: true) { Aliases = ["兑付金额", "奖励金额", "拨付金额"], Example = "300000" },
            new("兑付日期", "date", CellKind.Date, Required: true) { Aliases = ["拨付日期", "兑现日期", "日期"], Example = "2024-05-01" },
        ],
    };

    /// <summary>Every kind, enterprises first (a workbook's facts may name enterprises its first sheet registers).</summary>
    public static readonly IReadOnlyList<FactKind> All =
        [Enterprises, Figures, Rankings, Honors, Projects, Spending, Procurement, PatentProducts, Premises, Training, Grants];

    /// <summary>A kind by its English name or Chinese title.</summary>
    public static FactKind? Find(string name) =>
        All.FirstOrDefault(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || k.Title == name
            || (name.Equals("patent-products", StringComparison.OrdinalIgnoreCase) && k == PatentProducts)
            || (name.Equals("ledger", StringComparison.OrdinalIgnoreCase) && k == Grants));
}
