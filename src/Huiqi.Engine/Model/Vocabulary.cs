namespace Huiqi.Engine.Model;

/// <summary>
/// The closed vocabularies of the dossier contract (dossier.md, glossary.md), each name with its Chinese term.
/// A name outside these lists is an input error: a fact the platform silently drops is an award silently lost.
/// </summary>
public static class Vocabulary
{
    /// <summary>The 16 districts of zzb2020-19 Annex 1, in the order of the table.</summary>
    public static readonly IReadOnlyList<string> Districts =
    [
        "巩义市", "荥阳市", "新密市", "新郑市", "登封市", "中牟县", "郑州航空港区", "郑州经开区",
        "郑州高新区", "上街区", "二七区", "金水区", "中原区", "管城回族区", "惠济区", "郑东新区",
    ];

    public static readonly IReadOnlyDictionary<string, string> Traits = new Dictionary<string, string>
    {
        ["industrial"] = "工业企业",
        ["manufacturing"] = "制造业企业",
        ["information"] = "信息化企业",
        ["above-scale"] = "规模以上工业企业",
        ["four-above"] = "“四上”企业",
        ["strategic-emerging"] = "战略性新兴产业企业",
        ["in-library"] = "入库企业",
        ["key-monitored"] = "区重点监测企业",
        ["chain-leader"] = "“链主”企业",
        ["training-institution"] = "培养机构",
        ["blacklisted"] = "严重违法失信名单企业",
        ["suspended"] = "责令停产整顿企业",
    };

    public static readonly IReadOnlyDictionary<string, string> Sectors = new Dictionary<string, string>
    {
        ["sensor"] = "传感器",
        ["integrated-circuit"] = "集成电路",
        ["new-display"] = "新型显示",
        ["advanced-computing"] = "先进计算",
        ["5g"] = "5G",
        ["beidou"] = "北斗",
        ["new-materials"] = "新材料",
        ["aluminum-based"] = "铝基新材料",
        ["energy-saving-environmental"] = "节能环保产业",
    };

    public static readonly IReadOnlyDictionary<string, string> Metrics = new Dictionary<string, string>
    {
        ["mainRevenue"] = "主营业务收入",
        ["operatingRevenue"] = "营业收入",
        ["seiRevenue"] = "战略性新兴产业营业收入",
        ["exports"] = "出口额",
        ["taxPaid"] = "纳税总额",
        ["profit"] = "利润总额",
        ["rdExpense"] = "研发经费支出",
        ["electricityKwh"] = "用电量",
        ["outputValue"] = "产值",
        ["peerProfitMargin"] = "市域同行业平均营业收入利润率",
    };

    public static readonly IReadOnlyDictionary<string, string> HonorKinds = new Dictionary<string, string>
    {
        ["unicorn"] = "独角兽企业",
        ["potential-unicorn"] = "潜在独角兽企业",
        ["provincial-touyan"] = "省“头雁”企业",
        ["innovative-sme"] = "创新型中小企业",
        ["provincial-zjtx"] = "省级“专精特新”中小企业",
        ["national-xiaojuren"] = "国家级专精特新“小巨人”企业",
        ["champion-enterprise"] = "“单项冠军”企业",
        ["champion-product"] = "“单项冠军”产品",
        ["national-smart-demo-factory"] = "国家级智能制造示范工厂",
        ["national-smart-scenario"] = "国家级智能制造优秀场景",
        ["provincial-smart-benchmark"] = "省级智能制造标杆",
        ["provincial-smart-factory"] = "省级智能工厂",
        ["provincial-smart-workshop"] = "省级智能车间",
        ["national-industrial-demo-base"] = "国家新型工业化产业示范基地",
        ["provincial-industrial-demo-base"] = "省新型工业化产业示范基地",
        ["cross-industry-iiot-platform"] = "跨行业跨领域工业互联网平台",
        ["national-pilot-demo"] = "国家级工业和信息化领域试点示范",
        ["provincial-pilot-demo"] = "省级工业和信息化领域试点示范",
        ["national-green-product"] = "国家级绿色节能类产品",
        ["provincial-quality-benchmark"] = "省级工信部门认定质量标杆企业",
        ["national-quality-benchmark"] = "国家级质量标杆",
        ["food-safety-cert"] = "食品安全类认证",
        ["provincial-innovation-center"] = "省级制造业创新中心",
        ["national-hightech"] = "国家级高新技术企业",
        ["sei-report-library"] = "新增纳入工业战略性新兴产业年报库",
        ["above-scale-entry"] = "新纳入规模以上工业统计库",
        ["new-production-entry"] = "2023年一季度新投产入库",
        ["zhengzhou-top10-sangao"] = "郑州市十大“三高”企业",
        ["ai-benchmark-enterprise"] = "市级人工智能创新标杆企业",
        ["ai-scenario"] = "市级人工智能典型应用场景",
        ["cloud-star"] = "上云星级企业",
        ["first-of-kind"] = "“三首”产品",
    };

    public static readonly IReadOnlyDictionary<string, string> ProjectKinds = new Dictionary<string, string>
    {
        ["new"] = "新建项目",
        ["tech-reform"] = "技术改造项目",
        ["smart"] = "智能制造新建或改造项目",
        ["green"] = "绿色化改造项目",
        ["fixed-asset"] = "固定资产投资库项目",
        ["signed"] = "招商签约项目",
        ["platform"] = "共性技术、中试验证、检验检测平台",
    };

    public static readonly IReadOnlyDictionary<string, string> SpendingKinds = new Dictionary<string, string>
    {
        ["exhibition"] = "展销会、博览会场地租赁费和布展费",
        ["central-media-ads"] = "中央一级媒体产品广告费",
        ["launch-event"] = "新品发布会等场地租赁及会场搭建费",
    };

    public static readonly IReadOnlyDictionary<string, string> RankingLists = new Dictionary<string, string>
    {
        ["china-500"] = "中国500强",
        ["china-manufacturing-500"] = "中国制造业500强",
    };

    public static readonly IReadOnlyDictionary<string, string> SupplyChains = new Dictionary<string, string>
    {
        ["existing"] = "现有供应链内",
        ["new"] = "新增配套",
    };

    public static readonly IReadOnlyDictionary<string, string> PremisesKinds = new Dictionary<string, string>
    {
        ["lease"] = "租赁",
        ["purchase"] = "购买",
    };

    public static readonly IReadOnlyDictionary<string, string> TrainingKinds = new Dictionary<string, string>
    {
        ["technician"] = "新培养技师",
        ["senior-technician"] = "新培养高级技师",
        ["senior-technician-upgrade"] = "高级技师提升培训",
    };

    /// <summary>Who pays a share of an award (出资方), as the cases and the split name them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Payers = new Dictionary<string, string>
    {
        ["city"] = "市级财政",
        ["district"] = "区县财政",
    };

    /// <summary>
    /// An award line's item (事项) in Chinese: a word of a vocabulary (an honour, a ranking, a kind of spending, 租赁);
    /// a period (<c>2023H1</c> → 2023年上半年, <c>2023Q1</c> → 2023年一季度); a product or project the
    /// enterprise named in Chinese as it is; a project known only by its id in the dossier (<c>P1</c>) as 项目P1.
    /// </summary>
    public static string Item(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (AllWords.TryGetValue(code, out var word))
        {
            return word;
        }

        if (Period.TryParse(code, out var period))
        {
            return period.ToChinese();
        }

        return code.All(char.IsAscii) ? "项目" + code : code;
    }

    /// <summary>Every code of every vocabulary above: none may reach a page as it is.</summary>
    public static IEnumerable<string> Codes => All.SelectMany(v => v.Keys).Distinct(StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, string>[] All =>
        [HonorKinds, Traits, Metrics, ProjectKinds, SpendingKinds, Sectors, RankingLists, SupplyChains, PremisesKinds, TrainingKinds, Payers];

    /// <summary>The Chinese name of any vocabulary word, or the word itself when it has none (a product item, a project id).</summary>
    public static string Chinese(string word) => AllWords.TryGetValue(word, out var z) ? z : word;

    /// <summary>
    /// Every vocabulary in one table, looked up once: where two vocabularies share a word (<c>new</c>), the first of
    /// honors, traits, metrics, project kinds, spending kinds, sectors, lists, supply chains, premises and training wins.
    /// </summary>
    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> AllWords = Merge(All);

    private static System.Collections.Frozen.FrozenDictionary<string, string> Merge(IReadOnlyDictionary<string, string>[] vocabularies)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var vocabulary in vocabularies)
        {
            foreach (var (word, chinese) in vocabulary)
            {
                all.TryAdd(word, chinese);
            }
        }

        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(all, StringComparer.Ordinal);
    }
}
