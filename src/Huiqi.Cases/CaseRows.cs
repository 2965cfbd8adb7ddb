namespace Huiqi.Cases;

/// <summary>
/// One award on its way to payment (兑现事项): one line of the engine's answer — clause, item, enterprise, award year,
/// the engine's amount and split and its <c>because</c> sentence — or one application. (enterprise, clause, item,
/// award year) is unique, so a rerun of the batch finds the case it made before instead of making another.
/// </summary>
public sealed class CaseRow
{
    public long Id { get; set; }

    public string Uscc { get; set; } = "";

    public string EnterpriseName { get; set; } = "";

    public string District { get; set; } = "";

    public string Clause { get; set; } = "";

    /// <summary>The award line's item (e.g. a title or a project id); empty when the line has none.</summary>
    public string Item { get; set; } = "";

    public int AwardYear { get; set; }

    /// <summary><see cref="CaseWay"/>: pushed (免申即享) or applied for (快申快享).</summary>
    public string Way { get; set; } = CaseWay.Push;

    /// <summary>The engine's amount (or, for an application without a formula, the amount applied for): never exceeded.</summary>
    public decimal Proposed { get; set; }

    public decimal ProposedCity { get; set; }

    public decimal ProposedDistrict { get; set; }

    /// <summary>The amount as it stands after review (a reviewer may lower it, never raise it).</summary>
    public decimal Amount { get; set; }

    public decimal CityShare { get; set; }

    public decimal DistrictShare { get; set; }

    /// <summary>The engine's sentence a reviewer checks by hand, or the enterprise's own account for an application.</summary>
    public string Because { get; set; } = "";

    /// <summary>The review steps the clause names beyond district and city review, comma-separated.</summary>
    public string Steps { get; set; } = "";

    public CaseStatus Status { get; set; } = CaseStatus.AwaitingConfirmation;

    /// <summary>The last reviewer's or enterprise's reason (return, reject, decline, lower, hold).</summary>
    public string? Reason { get; set; }

    public DateOnly? EventDate { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When the enterprise confirmed or applied: the deadline runs from here.</summary>
    public DateOnly? SubmittedOn { get; set; }

    /// <summary>The last day the bureaus have to decide an application (60 working days unless the clause says otherwise).</summary>
    public DateOnly? Deadline { get; set; }

    /// <summary>The batch run that found it; null for an application.</summary>
    public long? RunId { get; set; }

    public long? NoticeId { get; set; }

    /// <summary>The enterprise's rating of the service after payment (评价), 1–5.</summary>
    public int? Rating { get; set; }

    public string? RatingComment { get; set; }

    /// <summary>Bumped by every change: a reviewer acting on a page older than the case is refused, not overwritten.</summary>
    public int Version { get; set; }

    public IReadOnlyList<string> StepList => Steps.Length == 0 ? [] : Steps.Split(',');

    public bool IsOverdue(DateOnly today) => Deadline is { } d && d < today && CaseStatuses.Pending.Contains(Status);
}

/// <summary>
/// One share paid (拨付记录): the city's or the district's part of a case. (enterprise, clause, item, award year, payer)
/// is unique in the database, so the same award can never be paid twice, whatever node or rerun tries.
/// </summary>
public sealed class PaymentRow
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public string Uscc { get; set; } = "";

    public string Clause { get; set; } = "";

    public string Item { get; set; } = "";

    public int AwardYear { get; set; }

    public string District { get; set; } = "";

    /// <summary><see cref="Payer"/>.</summary>
    public string Payer { get; set; } = "";

    public decimal Amount { get; set; }

    public DateOnly PaidOn { get; set; }

    /// <summary>The finance bureau's voucher number (拨付凭证号).</summary>
    public string Voucher { get; set; } = "";

    public string By { get; set; } = "";

    public DateTime At { get; set; }
}

/// <summary>A public notice (公示): a published list of cases open to objections until <see cref="Ends"/>.</summary>
public sealed class NoticeRow
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public int AwardYear { get; set; }

    public DateOnly Starts { get; set; }

    /// <summary>The last day of the notice period (inclusive).</summary>
    public DateOnly Ends { get; set; }

    public int Days { get; set; }

    public bool WorkingDays { get; set; }

    /// <summary><c>open</c> while objections may be made, <c>closed</c> once the period ended and the list was settled.</summary>
    public string Status { get; set; } = "open";

    public string PublishedBy { get; set; } = "";

    public DateTime PublishedAt { get; set; }
}

/// <summary>An objection to a case in notice (异议), made in writing under a real name, and how it was resolved.</summary>
public sealed class ObjectionRow
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public long NoticeId { get; set; }

    /// <summary>Who objected (实名).</summary>
    public string From { get; set; } = "";

    public string Text { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTime At { get; set; }

    /// <summary>True: the objection stands and the case is rejected; false: dismissed; null: still open.</summary>
    public bool? Upheld { get; set; }

    public string? Resolution { get; set; }

    public string? ResolvedBy { get; set; }

    public DateTime? ResolvedAt { get; set; }
}

/// <summary>
/// A budget (预算) for one document's awards of one year, or for one clause of it (<see cref="Clause"/> non-empty),
/// optionally with the most one enterprise may have (zzw2022-155/12: 100万元 a year).
/// </summary>
public sealed class BudgetRow
{
    public long Id { get; set; }

    public string Document { get; set; } = "";

    /// <summary>The clause the budget is for; empty for the whole document.</summary>
    public string Clause { get; set; } = "";

    public int Year { get; set; }

    public decimal Amount { get; set; }

    public decimal? PerEnterprise { get; set; }

    public string SetBy { get; set; } = "";

    public DateTime SetAt { get; set; }
}

/// <summary>A document attached to an application (申报材料), checked for type and size and kept in the store.</summary>
public sealed class AttachmentRow
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public string By { get; set; } = "";

    public DateTime At { get; set; }
}

/// <summary>
/// One entry of the decision log (办理留痕): who did what to which case, when, from which address. Entries are only
/// ever appended (the database refuses updates and deletes) and each carries the hash of the one before, so a changed or
/// removed entry breaks the chain where it happened (<see cref="DecisionLog.VerifyAsync"/>).
/// </summary>
public sealed class DecisionRow
{
    /// <summary>The entry's place in the chain, from 1, without gaps.</summary>
    public long Seq { get; set; }

    /// <summary>1: SHA-256 without amounts (entries from before the key); 2: HMAC-SHA256 with amounts (<see cref="DecisionLog"/>).</summary>
    public int Version { get; set; }

    public DateTime At { get; set; }

    public string Actor { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>The client's IP address, or <c>system</c> for the batch.</summary>
    public string Address { get; set; } = "";

    public string Action { get; set; } = "";

    public long? CaseId { get; set; }

    /// <summary>The status before → after, e.g. <c>city-review→ready-for-notice</c>.</summary>
    public string Transition { get; set; } = "";

    /// <summary>What was decided, as JSON: amount, reason, notice, payment ….</summary>
    public string Detail { get; set; } = "";

    /// <summary>The case's amount after this decision (null for an entry of no case, and in version 1).</summary>
    public decimal? Amount { get; set; }

    /// <summary>The city's share after this decision.</summary>
    public decimal? CityShare { get; set; }

    /// <summary>The district's share after this decision.</summary>
    public decimal? DistrictShare { get; set; }

    public string PrevHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

/// <summary>The head of the decision chain: one row, locked by every decision so entries are appended one at a time.</summary>
public sealed class ChainHeadRow
{
    public int Id { get; set; }

    public long Seq { get; set; }

    public string Hash { get; set; } = "";
}

/// <summary>One run of the no-application batch for an award year (免申即享批量比对).</summary>
public sealed class BatchRunRow
{
    public long Id { get; set; }

    public int AwardYear { get; set; }

    public string StartedBy { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary><c>running</c> or <c>done</c>.</summary>
    public string Status { get; set; } = "running";
}

/// <summary>
/// One district's share of a batch run: the unit one node works on at a time. <see cref="AfterEnterpriseId"/> is the
/// last enterprise whose cases are committed, written in the same transaction as those cases, so a node that dies
/// mid-part resumes after it and neither loses nor repeats an enterprise.
/// </summary>
public sealed class BatchPartRow
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public string District { get; set; } = "";

    /// <summary><c>pending</c>, <c>running</c>, <c>done</c> or <c>failed</c>.</summary>
    public string Status { get; set; } = "pending";

    public int Enterprises { get; set; }

    public int Evaluated { get; set; }

    public int AfterEnterpriseId { get; set; }

    public int CasesCreated { get; set; }

    public int CasesExisting { get; set; }

    /// <summary>Award lines of the engine seen by this part (new and existing cases alike).</summary>
    public int Lines { get; set; }

    public decimal Amount { get; set; }

    /// <summary>Dossiers the engine refused (bad data), reported and skipped so the rest goes on.</summary>
    public int Errors { get; set; }

    public string? LastError { get; set; }

    public string? Node { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
