using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Monitoring;
using Huiqi.Web.Charts;
using Huiqi.Web.Monitoring;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages;

/// <summary>
/// The dashboard (监测看板) of the city or of one district: targets against actuals with the shortfalls sorted, awards
/// by clause, district and month, library sizes over the years, and warnings. Each chart stands beside its table, and
/// each table downloads as xlsx. A district's user sees only its own district.
/// </summary>
public sealed class DashboardModel(SupervisionBoard board, LibraryRegister register) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? AwardYear { get; set; }

    public Actor Scope { get; private set; } = Actor.Anonymous;
    public SupervisionBoard Board => board;
    public int TargetYear { get; private set; }
    public IReadOnlyList<TargetLine> Lines { get; private set; } = [];
    public IReadOnlyList<TargetLine> Behind { get; private set; } = [];
    public AwardView Awards { get; private set; } = new(0, true, []);
    /// <summary>Members at each year's end per library and tier, replayed from the membership history.</summary>
    public LibrarySizeTable Libraries { get; private set; } = LibrarySizeTable.Of([]);
    public IReadOnlyList<DropWarning> Drops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    /// <summary>One table of the page as xlsx: <c>part</c> = targets, behind, awards, libraries or warnings.</summary>
    public async Task<IActionResult> OnGetExportAsync(string part, CancellationToken cancel)
    {
        await LoadAsync(cancel);
        var name = $"{Scope.Describe()}";
        return part switch
        {
            "targets" => Xlsx.File(Lines.Select(TargetRow), "目标完成情况", $"目标完成情况-{name}-{TargetYear}年.xlsx"),
            "behind" => Xlsx.File(Behind.Select(TargetRow), "落后清单", $"落后清单-{name}-{TargetYear}年.xlsx"),
            "awards" => Xlsx.File(Awards.Cells.Select(c => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["条款"] = c.Clause, ["条款名称"] = board.Engine.ClauseName(c.Clause), ["区县"] = c.District,
                ["月份"] = c.Month is { } m ? $"{Awards.Year}-{m:00}" : $"{Awards.Year}年度（应享，未兑付）",
                ["金额（元）"] = c.Amount, ["笔数"] = c.Payments,
            }), "奖励兑付", $"奖励兑付-{name}-{Awards.Year}年.xlsx"),
            "libraries" => Xlsx.File(Libraries.Rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>(
                new[] { new KeyValuePair<string, object?>("培育库", r.Label) }
                    .Concat(Libraries.Years.Select((y, i) => new KeyValuePair<string, object?>($"{y}年末（家）", r.Members[i]))))),
                "培育库规模", $"培育库规模-{name}.xlsx"),
            "warnings" => Xlsx.File(WarningRows(), "预警", $"预警-{name}-{TargetYear}年.xlsx"),
            _ => NotFound(),
        };
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        TargetYear = Year is { } y && board.TargetYears.Contains(y) ? y : board.CurrentTargetYear;
        Lines = await board.TargetsAsync(TargetYear, Scope, cancel);
        Behind = TargetBoard.Behind(Lines);
        Awards = await board.AwardsAsync(AwardYear ?? board.Engine.Current.Catalogue, Scope, cancel);
        Libraries = LibrarySizeTable.Of(HttpContext.Actor() is { } reach && reach.SeesLists ? await register.SizesAsync(reach, cancel) : []);
        Drops = await board.DropWarningsAsync(Scope, cancel);
    }

    public static string Status(TargetState s) => Progress.Chinese(s);

    public static string StatusClass(TargetState s) => s switch
    {
        TargetState.Met => "ok",
        TargetState.OnTrack => "ok",
        TargetState.Behind => "bad",
        _ => "warn",
    };

    public static string Direction(TargetLine l) => l.Target.DirectionWord switch
    {
        "at-least" => "不低于",
        "at-most" => "不高于",
        _ => "左右（±10%）",
    };

    public static string Value(decimal? v, string unit) => v is { } x ? SvgChart.Format(x, unit) : "—";

    public static string AsOf(TargetLine l) => l.Progress.Actual is null ? "—" : l.Progress.AsOfMonth == 12 ? $"{l.Progress.AsOfYear}年全年" : $"{l.Progress.AsOfYear}年1–{l.Progress.AsOfMonth}月";

    public static string Gap(TargetLine l) => l.IsBehind ? (l.Progress.Above ? "超出 " : "差 ") + Progress.GapText(l.Progress.Gap, l.Target.Unit) : "";

    /// <summary>Indicators set for several scopes (Annex 1's four columns): each gets a chart of target against actual by district.</summary>
    public IEnumerable<IGrouping<string, TargetLine>> ByIndicator => Lines.GroupBy(l => l.Target.Indicator).Where(g => g.Count() > 1);

    /// <summary>Targets set once (the city's, Shangjie's): charted together as a completion rate (actual ÷ target).</summary>
    public IReadOnlyList<TargetLine> Single => [.. Lines.GroupBy(l => l.Target.Indicator).Where(g => g.Count() == 1).Select(g => g.First())];

    public static decimal? Completion(TargetLine l) => l.Progress.Actual is { } a && l.Target.Value != 0 ? decimal.Round(a / l.Target.Value * 100m, 1) : null;

    private static IDictionary<string, object?> TargetRow(TargetLine l) => new Dictionary<string, object?>
    {
        ["文件条款"] = l.Target.Source, ["范围"] = l.ScopeName, ["指标"] = l.Target.Indicator, ["单位"] = l.Target.Unit,
        ["方向"] = Direction(l), ["目标值"] = l.Target.Value, ["实际值"] = l.Progress.Actual, ["截至"] = AsOf(l),
        ["序时应达"] = l.Progress.Needed, ["状态"] = Status(l.Progress.State), ["差距"] = l.IsBehind ? l.Progress.Gap : null,
        ["差距占应达比例（%）"] = l.IsBehind ? l.Progress.RelativeGap : null, ["实际值来源"] = l.Source == TargetBoard.Registry ? "登记库统计" : "区县月报",
    };

    private IEnumerable<IDictionary<string, object?>> WarningRows() =>
        Behind.Select(l => (IDictionary<string, object?>)new Dictionary<string, object?> { ["类型"] = "目标落后", ["区县"] = l.ScopeName, ["内容"] = l.Warning })
            .Concat(Drops.Select(d => (IDictionary<string, object?>)new Dictionary<string, object?> { ["类型"] = "重点企业指标下降", ["区县"] = d.District, ["内容"] = d.Text }));
}
