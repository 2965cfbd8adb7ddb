using Huiqi.Store;

namespace Huiqi.Cases;

/// <summary>The steps one takes on a case (办理步骤).</summary>
public enum CaseStep
{
    /// <summary>确认: the enterprise accepts a pushed award.</summary>
    Confirm,

    /// <summary>放弃: the enterprise declines.</summary>
    Decline,

    /// <summary>上传材料: the enterprise attaches a document to its application.</summary>
    Attach,

    /// <summary>提交申报: the enterprise submits or resubmits its application.</summary>
    Submit,

    /// <summary>通过 / 推荐: a reviewer passes the case on.</summary>
    Pass,

    /// <summary>退回补正: a reviewer returns the case to the enterprise.</summary>
    Return,

    /// <summary>不予支持: a reviewer (or the city, for a held case) rejects it.</summary>
    Reject,

    /// <summary>放行: the city releases a held case once the budget allows.</summary>
    Release,

    /// <summary>发布公示: the city puts a case ready for notice on a notice.</summary>
    Notice,

    /// <summary>记录异议: the city records an objection to a case in notice.</summary>
    Object,

    /// <summary>公示期满: the notice ends and the case is approved for payment.</summary>
    CloseNotice,

    /// <summary>拨付: a finance bureau pays its share.</summary>
    Pay,

    /// <summary>评价: the enterprise rates the service after payment.</summary>
    Rate,
}

/// <summary>One allowed move: from a status, a step taken by a role, to a status.</summary>
public sealed record CaseTransition(CaseStatus From, CaseStep Step, Role Role, CaseStatus To);

/// <summary>
/// The award path as one table (办理流程): every <c>(status, step) → status</c> the workflow accepts and the role that
/// takes it. <see cref="CaseWorkflow"/> refuses a step the table does not list and moves a case only along it; the case
/// page offers exactly <see cref="AllowedSteps"/>. A status reached in more than one way (a pass goes to the clause's
/// next optional step, or to the city; the city's pass to notice, or held over budget) has one row for each.
/// Resolving an objection is not a row: it follows the objection, whatever the case's status has become.
/// </summary>
public static class CasePath
{
    private static readonly CaseStatus[] Offered = [CaseStatus.AwaitingConfirmation, CaseStatus.AwaitingApplication, CaseStatus.Returned];
    private static readonly CaseStatus[] Applying = [CaseStatus.AwaitingApplication, CaseStatus.Returned];

    /// <summary>The table, in the order the statuses are named when a step is refused.</summary>
    public static readonly IReadOnlyList<CaseTransition> Table =
    [
        new(CaseStatus.AwaitingConfirmation, CaseStep.Confirm, Role.Enterprise, CaseStatus.DistrictReview),
        .. Offered.Select(s => new CaseTransition(s, CaseStep.Decline, Role.Enterprise, CaseStatus.Declined)),
        .. Applying.Select(s => new CaseTransition(s, CaseStep.Attach, Role.Enterprise, s)),
        .. Applying.Select(s => new CaseTransition(s, CaseStep.Submit, Role.Enterprise, CaseStatus.DistrictReview)),
        new(CaseStatus.DistrictReview, CaseStep.Pass, Role.DistrictReviewer, CaseStatus.ExpertReview),
        new(CaseStatus.DistrictReview, CaseStep.Pass, Role.DistrictReviewer, CaseStatus.Audit),
        new(CaseStatus.DistrictReview, CaseStep.Pass, Role.DistrictReviewer, CaseStatus.CityReview),
        new(CaseStatus.ExpertReview, CaseStep.Pass, Role.CityReviewer, CaseStatus.Audit),
        new(CaseStatus.ExpertReview, CaseStep.Pass, Role.CityReviewer, CaseStatus.CityReview),
        new(CaseStatus.Audit, CaseStep.Pass, Role.CityReviewer, CaseStatus.CityReview),
        new(CaseStatus.CityReview, CaseStep.Pass, Role.CityReviewer, CaseStatus.ReadyForNotice),
        new(CaseStatus.CityReview, CaseStep.Pass, Role.CityReviewer, CaseStatus.Held),
        new(CaseStatus.DistrictReview, CaseStep.Return, Role.DistrictReviewer, CaseStatus.Returned),
        new(CaseStatus.ExpertReview, CaseStep.Return, Role.CityReviewer, CaseStatus.Returned),
        new(CaseStatus.Audit, CaseStep.Return, Role.CityReviewer, CaseStatus.Returned),
        new(CaseStatus.CityReview, CaseStep.Return, Role.CityReviewer, CaseStatus.Returned),
        new(CaseStatus.DistrictReview, CaseStep.Reject, Role.DistrictReviewer, CaseStatus.Rejected),
        new(CaseStatus.ExpertReview, CaseStep.Reject, Role.CityReviewer, CaseStatus.Rejected),
        new(CaseStatus.Audit, CaseStep.Reject, Role.CityReviewer, CaseStatus.Rejected),
        new(CaseStatus.CityReview, CaseStep.Reject, Role.CityReviewer, CaseStatus.Rejected),
        new(CaseStatus.Held, CaseStep.Reject, Role.CityReviewer, CaseStatus.Rejected),
        new(CaseStatus.Held, CaseStep.Release, Role.CityReviewer, CaseStatus.ReadyForNotice),
        new(CaseStatus.ReadyForNotice, CaseStep.Notice, Role.CityReviewer, CaseStatus.InNotice),
        new(CaseStatus.InNotice, CaseStep.Object, Role.CityReviewer, CaseStatus.InNotice),
        new(CaseStatus.InNotice, CaseStep.CloseNotice, Role.CityReviewer, CaseStatus.Approved),
        new(CaseStatus.InNotice, CaseStep.CloseNotice, Role.System, CaseStatus.Approved),
        new(CaseStatus.Approved, CaseStep.Pay, Role.CityFinance, CaseStatus.Paying),
        new(CaseStatus.Approved, CaseStep.Pay, Role.CityFinance, CaseStatus.Paid),
        new(CaseStatus.Approved, CaseStep.Pay, Role.DistrictFinance, CaseStatus.Paying),
        new(CaseStatus.Approved, CaseStep.Pay, Role.DistrictFinance, CaseStatus.Paid),
        new(CaseStatus.Paying, CaseStep.Pay, Role.CityFinance, CaseStatus.Paid),
        new(CaseStatus.Paying, CaseStep.Pay, Role.DistrictFinance, CaseStatus.Paid),
        new(CaseStatus.Paid, CaseStep.Rate, Role.Enterprise, CaseStatus.Paid),
    ];

    /// <summary>The statuses a step may be taken from, in the table's order.</summary>
    public static IReadOnlyList<CaseStatus> From(CaseStep step) => [.. Table.Where(t => t.Step == step).Select(t => t.From).Distinct()];

    /// <summary>The roles that take a step from a status (none: the step is not taken there).</summary>
    public static IReadOnlyList<Role> Takers(CaseStatus from, CaseStep step) =>
        [.. Table.Where(t => t.From == from && t.Step == step).Select(t => t.Role).Distinct()];

    /// <summary>Whether the table lists this move (the workflow's guard on every status it sets).</summary>
    public static bool Allows(CaseStatus from, CaseStep step, CaseStatus to) => Table.Any(t => t.From == from && t.Step == step && t.To == to);

    /// <summary>
    /// The steps the actor may take on the case now: those the table lists from its status for the actor's role, on a
    /// case the actor sees. A rating is given once. Paying also needs a share left to pay (<see cref="PayableShares"/>).
    /// </summary>
    public static IReadOnlySet<CaseStep> AllowedSteps(CaseRow c, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Sees(c))
        {
            return new HashSet<CaseStep>();
        }

        return Table.Where(t => t.From == c.Status && t.Role == actor.Role && (t.Step != CaseStep.Rate || c.Rating is null))
            .Select(t => t.Step)
            .ToHashSet();
    }

    /// <summary>The shares (<see cref="Payer"/>) the actor may pay on the case now: its role's, not zero, not yet paid.</summary>
    public static IReadOnlyList<string> PayableShares(CaseRow c, Actor actor, IEnumerable<PaymentRow> payments)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(payments);
        return AllowedSteps(c, actor).Contains(CaseStep.Pay)
            ? [.. CaseAccess.PayersOf(actor.Role).Where(p => (p == Payer.City ? c.CityShare : c.DistrictShare) > 0 && payments.All(x => x.Payer != p))]
            : [];
    }
}
