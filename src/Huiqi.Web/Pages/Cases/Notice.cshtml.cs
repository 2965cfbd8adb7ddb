using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Cases;

/// <summary>
/// One notice as published (公示名单): the official heading and the list (enterprise, USCC, district, clause, amount),
/// printable and as an xlsx; the city records objections against listed cases, resolves them and, once the period is
/// over, closes the notice so the cases go to payment.
/// </summary>
public sealed class NoticeModel(CaseQueries queries, CaseWorkflow workflow, PolicyEngine engine) : CasePageModel
{
    public NoticeRow Notice { get; private set; } = null!;

    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public IReadOnlyList<ObjectionRow> Objections { get; private set; } = [];

    public PolicyEngine Engine => engine;

    public bool IsCity => CaseWorkflow.RunsNotices(Actor);

    public bool Over => workflow.Today > Notice.Ends;

    /// <summary>The period as the city writes it: 2025年3月3日至2025年3月7日.</summary>
    public string Period => $"{Show.LongDate(Notice.Starts)}至{Show.LongDate(Notice.Ends)}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel)
    {
        var found = await queries.NoticeAsync(id, cancel);
        if (found is null)
        {
            return NotFound();
        }

        (Notice, Cases, Objections) = found.Value;
        return Page();
    }

    /// <summary>The published list as an xlsx with Chinese headers and a total row.</summary>
    public async Task<IActionResult> OnGetExportAsync(long id, CancellationToken cancel)
    {
        if (await OnGetAsync(id, cancel) is not PageResult)
        {
            return NotFound();
        }

        var rows = Cases.Select((c, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["企业名称"] = c.EnterpriseName,
            ["统一社会信用代码"] = c.Uscc,
            ["所属区县"] = c.District,
            ["政策条款"] = c.Clause,
            ["条款名称"] = engine.ClauseName(c.Clause),
            ["支持事项"] = c.Item.Length == 0 ? "" : Show.Item(c.Item),
            ["拟支持金额（元）"] = c.Amount,
            ["市级承担（元）"] = c.CityShare,
            ["区级承担（元）"] = c.DistrictShare,
        }).ToList();
        return await XlsxAsync(rows, "公示名单", $"公示名单-{Notice.Id}-{Notice.AwardYear}年度.xlsx", "（本次公示无事项）", cancel);
    }

    public Task<IActionResult> OnPostObjectAsync(long id, long caseId, string? from, string? text, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            await workflow.ObjectAsync(caseId, a, from ?? "", text ?? "", cancel);
            return $"已对事项 {caseId} 记录异议；处理完毕前该事项不能确认拨付。";
        });

    public Task<IActionResult> OnPostResolveAsync(long id, long objection, bool upheld, string? resolution, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            await workflow.ResolveObjectionAsync(objection, a, upheld, resolution ?? "", cancel);
            return upheld ? "异议成立，该事项不予支持。" : "异议不成立，该事项继续办理。";
        });

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            var (approved, waiting) = await workflow.CloseNoticeAsync(id, a, cancel);
            return waiting == 0
                ? $"公示期满，{approved} 件事项转入拨付。"
                : $"公示期满，{approved} 件事项转入拨付；{waiting} 件有未处理的异议，处理后转入拨付。";
        });

    private Task<IActionResult> Step(long id, CancellationToken cancel, Func<Actor, Task<string>> step) =>
        StepAsync(step, () => Redirect(CaseText.NoticeUrl(id)), () => OnGetAsync(id, cancel));
}
