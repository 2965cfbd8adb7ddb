using Huiqi.Engine.Catalog;

namespace Huiqi.Web.Pages.Cases;

/// <summary>
/// One case (兑现事项): what the engine found and why, where it stands, its documents, objections, payments and
/// history, and the steps the signed-in role may take now. Every step form carries the version the user saw, so acting on
/// a page someone else has since changed gives the conflict message, never a second decision. A case outside the
/// user's scope is a 404, exactly like one that does not exist.
/// </summary>
// An attachment (10 MB at most) with the form around it: a larger post is refused (413) while it streams in, not after.
[RequestSizeLimit((10L * 1024 * 1024) + (64 * 1024))]
public sealed class CaseModel(CaseQueries queries, CaseWorkflow workflow, PolicyEngine engine) : CasePageModel
{
    public CaseView View { get; private set; } = null!;

    public CaseRow Case => View.Case;

    public Clause? Clause => engine.Catalog.ClausesById.GetValueOrDefault(Case.Clause);

    public DateOnly Today => workflow.Today;

    public CaseSettings Settings => workflow.Settings;

    /// <summary>The steps the signed-in role may take now, as the domain answers (<see cref="CasePath.AllowedSteps"/>).</summary>
    public IReadOnlySet<CaseStep> Steps => CasePath.AllowedSteps(Case, Actor);

    public bool CanConfirm => Steps.Contains(CaseStep.Confirm);

    public bool CanApply => Steps.Contains(CaseStep.Submit);

    public bool CanDecline => Steps.Contains(CaseStep.Decline);

    public bool CanReview => Steps.Contains(CaseStep.Pass);

    public bool CanRelease => Steps.Contains(CaseStep.Release);

    public bool CanObject => Steps.Contains(CaseStep.Object);

    public bool CanRate => Steps.Contains(CaseStep.Rate);

    /// <summary>The shares the signed-in finance office may pay on this case now.</summary>
    public IReadOnlyList<string> Payable => CasePath.PayableShares(Case, Actor, View.Payments);

    public string ClauseName => engine.ClauseName(Case.Clause);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel) =>
        await LoadAsync(id, cancel) ? Page() : NotFound();

    /// <summary>Downloads an attachment of a case in scope; another scope's is a 404.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(long id, long file, CancellationToken cancel)
    {
        var a = await queries.AttachmentAsync(Actor, id, file, cancel);
        return a is null ? NotFound() : File(a.Content, a.ContentType, a.FileName);
    }

    public Task<IActionResult> OnPostConfirmAsync(long id, int version, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            await workflow.ConfirmAsync(id, version, a, cancel);
            return "已确认，事项已提交区县工信部门审核。";
        });

    public Task<IActionResult> OnPostDeclineAsync(long id, int version, string? reason, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            await workflow.DeclineAsync(id, version, a, reason ?? "", cancel);
            return "已放弃该事项。";
        });

    public Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            if (file is null)
            {
                throw CaseException.Invalid("请选择要上传的文件", "no file was posted");
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancel);
            var row = await workflow.AttachAsync(id, a, file.FileName, buffer.ToArray(), cancel);
            return $"已上传“{row.FileName}”。";
        });

    public Task<IActionResult> OnPostSubmitAsync(long id, int version, string? account, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            await workflow.SubmitAsync(id, version, a, account, cancel);
            return "申报已提交，等待区县工信部门审核。";
        });

    public Task<IActionResult> OnPostPassAsync(long id, int version, [ModelBinder(typeof(Shared.MoneyBinder))] decimal? amount, string? reason, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            var c = await workflow.PassAsync(id, version, a, amount, string.IsNullOrWhiteSpace(reason) ? null : reason, cancel);
            return c.Status == CaseStatus.Held
                ? $"已通过，但超出预算，事项暂缓：{c.Reason}"
                : $"已通过，事项进入“{c.Status.Chinese()}”。";
        });

    public Task<IActionResult> OnPostReturnAsync(long id, int version, string? reason, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            await workflow.ReturnAsync(id, version, a, reason ?? "", cancel);
            return "已退回企业补正。";
        });

    public Task<IActionResult> OnPostRejectAsync(long id, int version, string? reason, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            await workflow.RejectAsync(id, version, a, reason ?? "", cancel);
            return "已决定不予支持。";
        });

    public Task<IActionResult> OnPostReleaseAsync(long id, int version, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            await workflow.ReleaseAsync(id, version, a, cancel);
            return "预算已满足，事项放行，待公示。";
        });

    public Task<IActionResult> OnPostObjectAsync(long id, string? from, string? text, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            await workflow.ObjectAsync(id, a, from ?? "", text ?? "", cancel);
            return "异议已记录；处理完毕前该事项不能确认拨付。";
        });

    public Task<IActionResult> OnPostResolveAsync(long id, long objection, bool upheld, string? resolution, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            var c = await workflow.ResolveObjectionAsync(objection, a, upheld, resolution ?? "", cancel);
            return upheld ? "异议成立，事项不予支持。" : $"异议不成立，事项状态：{c.Status.Chinese()}。";
        });

    public Task<IActionResult> OnPostPayAsync(long id, int version, string payer, string? voucher, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            var c = await workflow.PayAsync(id, version, a, payer, voucher ?? "", cancel);
            return c.Status == CaseStatus.Paid ? $"{Payer.Chinese(payer)}资金已拨付，事项全部拨付完毕并记入兑付台账。" : $"{Payer.Chinese(payer)}资金已拨付。";
        });

    public Task<IActionResult> OnPostRateAsync(long id, int version, int score, string? comment, CancellationToken cancel) =>
        Step(id, cancel, async a =>
        {
            await workflow.RateAsync(id, version, a, score, comment, cancel);
            return "感谢您的评价。";
        });

    private Task<IActionResult> Step(long id, CancellationToken cancel, Func<Actor, Task<string>> step) =>
        StepAsync(step, () => Redirect(CaseText.Url(id)), () => OnGetAsync(id, cancel));

    private async Task<bool> LoadAsync(long id, CancellationToken cancel)
    {
        var view = await queries.GetAsync(Actor, id, cancel);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
