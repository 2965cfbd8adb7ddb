using System.Text.RegularExpressions;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;

namespace Huiqi.Policies;

/// <summary>
/// A clause's 申兑指南 (guide to claiming it), read from the catalogue itself: who qualifies (the traits and titles its
/// parameters name), which facts the platform needs (by the rule's shape and the metrics it names), how the award is
/// claimed (免申即享 or an application) and who leads. Nothing here is a second copy of the policy: change the policy
/// file and the guide follows.
/// </summary>
public sealed partial record ClauseGuide(
    IReadOnlyList<string> RequiredTraits,
    IReadOnlyList<string> Titles,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<string> Facts,
    string Way,
    string HowToClaim,
    string LeadUnit)
{
    private static readonly IReadOnlyDictionary<string, string> FactsByRule = new Dictionary<string, string>
    {
        ["titles"] = "荣誉称号或认定：类别、认定日期（由认定部门名单导入）",
        ["milestones"] = "年度指标数据：本年及以往年度（由统计部门数据导入）",
        ["growth-steps"] = "年度指标数据：本年与上年（由统计部门数据导入）",
        ["period-growth"] = "季度或月度指标数据：本期与上年同期",
        ["project-share"] = "项目信息：项目类别、是否战略性新兴产业、总投资、设备（软件）投资、竣工或达产日期",
        ["spending-share"] = "费用支出：类别、年度、金额（企业申报，附票据）",
        ["chain-purchases"] = "“链主”企业向配套企业的采购或委托加工额：年度、供应商统一社会信用代码、金额、现有或新增配套",
        ["patent-sales"] = "发明专利：授权日期，专利产品各年度销售收入",
        ["ranking"] = "榜单排名：榜单、年度、名次、发布日期",
        ["signed-project"] = "招商签约项目：签约日期、开工日期、合同投资额",
        ["premises"] = "工业楼宇租赁或购置：方式、面积、起始日期",
        ["profit-margin"] = "利润总额、营业收入，及市域同行业平均营业收入利润率",
        ["fixed-asset"] = "固定资产投资库项目：入库日期、各期累计完成投资",
        ["electricity"] = "月度用电量（千瓦时）",
        ["training"] = "技能人才培养：类别、年度、人数",
        ["relocation"] = "企业整体迁入本市的日期",
        ["referral"] = "无公式金额：由主管部门一事一议或按专项政策确定，需提交项目材料",
    };

    public static ClauseGuide For(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var words = Words().Matches(clause.ParamsText).Select(m => m.Value).Distinct().ToList();
        var traits = words.Where(Vocabulary.Traits.ContainsKey).Select(w => Vocabulary.Traits[w]).ToList();
        var titles = words.Where(Vocabulary.HonorKinds.ContainsKey).Select(w => Vocabulary.HonorKinds[w]).ToList();
        var metrics = words.Where(Vocabulary.Metrics.ContainsKey).Select(w => Vocabulary.Metrics[w]).ToList();
        var facts = clause.Parts.Select(p => p.RuleName).Distinct().Select(r => FactsByRule.TryGetValue(r, out var f) ? f : r).ToList();
        facts.Add("已兑付记录（兑付台账）：用于“一次性”“级差”“上限”等判断");
        var way = clause.Way == ClauseWay.NoApplication ? "免申即享" : "快申快享（需申请）";
        var how = clause.IsReferral
            ? "本条款没有公式金额：平台提示可能涉及的企业，由牵头单位一事一议或按专项政策确定。"
            : clause.Way == ClauseWay.NoApplication
                ? "无需申请：平台根据已登记的数据自动识别符合条件的企业，推送给企业确认，经区县初审、市级复审并公示后拨付。"
                : "需要申请：数据不能证明的事项（票据、合同等）由企业在线申报并上传材料，经区县初审、市级复审并公示后拨付。";
        return new ClauseGuide(traits, titles, metrics, facts, way, how, clause.Document.LeadUnit ?? "市工信局");
    }

    [GeneratedRegex("[a-z][a-zA-Z0-9]*(?:-[a-z0-9]+)*")]
    private static partial Regex Words();
}
