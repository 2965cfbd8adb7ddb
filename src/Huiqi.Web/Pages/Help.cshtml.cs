using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages;

/// <summary>
/// 使用说明: for each role, its tasks in the order the work comes, in plain words, each with a link to the page where it
/// is done. Opens on the signed-in user's own role; any role's guide can be read (<c>?role=city-reviewer</c>), and it is
/// open before signing in, so a new user can read what awaits them.
/// </summary>
public sealed class HelpModel : PageModel
{
    /// <summary>One task: what to do, and the page to do it on (none when the page is the user's own, reached from the top bar).</summary>
    public sealed record Step(string Text, string? Url, string? Page);

    /// <summary>The guide of each role (<see cref="Roles"/>), in the order of <see cref="Roles.All"/>.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Step>> Guides = new Dictionary<string, IReadOnlyList<Step>>(StringComparer.Ordinal)
    {
        [Roles.Enterprise] =
        [
            new("先看本企业能享受什么：顶部“本企业 · 政策计算器”列出本年度测算可享受的奖励、每一项怎么算出来的和政策原文；“还能争取什么”说明再达到哪些条件还能获得奖励。", "/", "首页"),
            new("核对一企一档：计算器下方“一企一档”是平台登记的企业数据。企业申报的事项有误，在同页“更正申请”写明哪一项、原数据、应更正为多少及依据，区县工信部门确认后生效。", null, null),
            new("免申即享：平台比对后自动生成兑现事项，在“待我办理”中逐项核对金额后点“确认享受”，即提交区县审核，无需另交材料。", "/cases?todo=true", "待我办理的兑现事项"),
            new("快申快享：数据无法直接体现的政策（如一事一议、需证明材料的条款）要申请。填写申请金额（可填元或万元）和申请说明（事实依据及收款账户），创建后在事项页面上传材料，再点“提交”。", "/cases/apply", "申请政策"),
            new("被退回时：事项页面“最近意见”写明了退回理由，按理由补充材料或更正数据后重新提交。", "/cases", "兑现事项"),
            new("之后：区县推荐、市级审核、公示期满后由财政拨付；每一步都在事项页面留痕，拨付完成后可以给这次服务打分。", "/cases", "兑现事项"),
            new("政策原文、奖励标准和申兑指南都在政策目录中。", "/policies", "政策目录"),
        ],
        [Roles.DistrictReviewer] =
        [
            new("每天先看“待我办理”：本区县企业已确认或已提交的事项在此等待初审。", "/cases?todo=true", "待我办理的兑现事项"),
            new("初审一件事项：对照计算依据和企业材料，选择“推荐（通过）”“退回补正”或“不予支持”。需要调减金额时在“核定金额”填调减后的金额（元或万元）并写明调减理由；退回和不予支持都须写理由，企业会看到。", "/cases", "兑现事项"),
            new("处理企业的更正申请：对照依据材料核实后确认或退回，退回时在意见中写明理由；处理结果不可更改。", "/corrections", "更正申请"),
            new("按月报送区县月报（可逐项填写，也可上传表格）。", "/monitoring/reports", "区县月报"),
            new("报送本区县承担任务的月度进度。", "/tasks/report", "任务进度报送"),
            new("查看本区县企业、培育库和监测看板，掌握进度和预警。", "/dashboard", "监测看板"),
        ],
        [Roles.DistrictFinance] =
        [
            new("查看待拨付：公示期满、已核定的事项中由区级财政承担的部分列在“待拨付”。", "/cases/payments", "拨付"),
            new("拨付后登记：每笔按列出的金额全额拨付，在该行填写拨付凭证号（国库集中支付凭证或银行回单上的编号）并确认；确认后不可更改。", "/cases/payments", "拨付"),
            new("查看本年度预算的承诺、公示、拨付和剩余情况。", "/cases/budgets", "预算与评价"),
            new("事项明细和办理过程在兑现事项中查看。", "/cases", "兑现事项"),
        ],
        [Roles.CityReviewer] =
        [
            new("年度开始前设置预算：按政策文件或条款填写预算金额（元或万元），可设单户上限；超出预算的事项会暂缓并提示。", "/cases/budgets", "预算与评价"),
            new("发起批量比对（免申即享）：平台按一企一档逐家测算，为符合条件的企业生成兑现事项，企业确认后进入审核。", "/cases/batch", "批量比对"),
            new("复审区县推荐的事项（需要时经专家评审、第三方审计）：通过、调减（写明理由）、退回补正或不予支持。", "/cases?todo=true", "待我办理的兑现事项"),
            new("审核通过的事项编入公示，公示期内记录实名异议并处理，期满后结束公示，事项转财政拨付。", "/cases/notices", "公示"),
            new("评估政策调整：在政策测算中模拟调整后的资金需求和受益企业变化。", "/simulation", "政策测算"),
            new("跟踪全市进度：监测看板、任务台账和月度通报。", "/dashboard", "监测看板"),
        ],
        [Roles.CityFinance] =
        [
            new("与市工信局共同设置年度预算（预算金额、单户上限均可填元或万元）。", "/cases/budgets", "预算与评价"),
            new("拨付市级承担的部分：在“待拨付”每行填写拨付凭证号并确认，金额按列出的全额拨付。", "/cases/payments", "拨付"),
            new("核对办理留痕：哈希链逐条校验每一步的金额、分担和拨付记录。", "/cases/decisions", "办理留痕"),
            new("查看全市兑付和预算执行。", "/dashboard", "监测看板"),
        ],
        [Roles.Admin] =
        [
            new("管理账号：为企业和各部门开设账号，区县角色须指定区县，企业账号须对应信用代码。", "/admin/users", "账号管理"),
            new("需要时发起批量比对，或核对办理留痕是否完整。", "/cases/decisions", "办理留痕"),
            new("政策目录展示各文件的原文、施行状态和条款。", "/policies", "政策目录"),
        ],
    };

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    /// <summary>The role whose guide is shown: the one asked for, else the signed-in user's, else none (the list of roles).</summary>
    public string? Shown { get; private set; }

    public void OnGet() =>
        Shown = Role is { } asked && Guides.ContainsKey(asked) ? asked : Roles.All.FirstOrDefault(User.IsInRole);
}
