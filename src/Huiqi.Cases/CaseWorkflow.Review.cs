using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Huiqi.Store;

namespace Huiqi.Cases;

/// <summary>The workflow's the reviewers' steps: passing a case on, returning it for correction, rejecting it, releasing a held one (审核).</summary>
public sealed partial class CaseWorkflow
{
    /// <summary>
    /// A reviewer passes the case to the next step (推荐 / 通过): district review to the clause's optional steps or the
    /// city, the city to notice — or to held when the budget would be exceeded. The amount may be lowered (never
    /// raised above the engine's), with a reason.
    /// </summary>
    public Task<CaseRow> PassAsync(long id, int version, Actor actor, decimal? amount, string? reason, CancellationToken cancel = default) =>
        StepAsync(id, version, actor, "pass", async (c, db, _) =>
        {
            RequireReviewer(actor, c, CaseStep.Pass);
            var lowered = Lower(c, amount, reason, catalog.ClausesById.TryGetValue(c.Clause, out var clause) ? clause.Document.Split : null);
            if (c.Status != CaseStatus.CityReview)
            {
                Move(c, CaseStep.Pass, CaseStatuses.After(c.Status, c.StepList));
                return new { amount = c.Amount, lowered, reason };
            }

            var hold = await BudgetHoldAsync(db, c, cancel);
            Move(c, CaseStep.Pass, hold is null ? CaseStatus.ReadyForNotice : CaseStatus.Held);
            c.Reason = hold ?? (lowered ? reason : c.Reason);
            return new { amount = c.Amount, lowered, reason, hold };
        }, cancel);

    /// <summary>A reviewer returns the case to the enterprise for correction (退回补正), with the reason.</summary>
    public Task<CaseRow> ReturnAsync(long id, int version, Actor actor, string reason, CancellationToken cancel = default) =>
        StepAsync(id, version, actor, "return", (c, _, _) =>
        {
            RequireReviewer(actor, c, CaseStep.Return);
            c.Reason = RequireReason(reason);
            Move(c, CaseStep.Return, CaseStatus.Returned);
            return Task.FromResult<object>(new { reason });
        }, cancel);

    /// <summary>A reviewer rejects the case (不予支持), with the reason; a held case may be rejected by the city too.</summary>
    public Task<CaseRow> RejectAsync(long id, int version, Actor actor, string reason, CancellationToken cancel = default) =>
        StepAsync(id, version, actor, "reject", (c, _, _) =>
        {
            RequireReviewer(actor, c, CaseStep.Reject);
            c.Reason = RequireReason(reason);
            Move(c, CaseStep.Reject, CaseStatus.Rejected);
            return Task.FromResult<object>(new { reason });
        }, cancel);

    /// <summary>The city releases a held case once its budget allows (预算调整后放行); still over budget, it stays held.</summary>
    public Task<CaseRow> ReleaseAsync(long id, int version, Actor actor, CancellationToken cancel = default) =>
        StepAsync(id, version, actor, "release", async (c, db, _) =>
        {
            RequireRole(actor, Role.CityReviewer);
            RequireStep(c, CaseStep.Release);
            var hold = await BudgetHoldAsync(db, c, cancel);
            if (hold is not null)
            {
                throw CaseException.Conflict($"预算仍不足，不能放行：{hold}", "the budget still does not allow it");
            }

            Move(c, CaseStep.Release, CaseStatus.ReadyForNotice);
            c.Reason = null;
            return new { };
        }, cancel);

    /// <summary>
    /// Applies a lowered amount (never above the current one), split as the document splits every amount
    /// (interpretation.md rule 9: the city's share rounded down to the yuan, the district pays the rest).
    /// </summary>
    private static bool Lower(CaseRow c, decimal? amount, string? reason, CostSplit? split)
    {
        if (amount is not { } a || a == c.Amount)
        {
            return false;
        }

        if (a > c.Amount)
        {
            throw CaseException.Invalid($"核定金额{a:#,0.##}元不得高于{c.Amount:#,0.##}元（平台计算金额{c.Proposed:#,0.##}元）", $"amount {a} exceeds {c.Amount}");
        }

        if (a <= 0 || !Yuan.Of(a).IsWholeFen)
        {
            throw CaseException.Invalid("核定金额应为大于零的金额（元，至多两位小数）；不予支持请用“不予支持”", "amount must be positive yuan; use reject instead");
        }

        c.Reason = RequireReason(reason ?? "", "调减金额须说明理由");
        c.Amount = a;
        (c.CityShare, c.DistrictShare) = (split ?? CostSplit.CityAlone).Divide(Yuan.Of(a));
        return true;
    }

    /// <summary>A review step: the role the table names for it at the case's status, or a conflict when the case is at no review step.</summary>
    private static void RequireReviewer(Actor actor, CaseRow c, CaseStep step)
    {
        var takers = CasePath.Takers(c.Status, step);
        if (takers.Count == 0)
        {
            throw CaseException.Conflict($"事项当前状态为“{c.Status.Chinese()}”，不在审核环节", $"case is {c.Status.Code()}, not at a review step");
        }

        RequireRole(actor, [.. takers]);
    }
}
