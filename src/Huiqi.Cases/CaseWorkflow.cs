using System.Security.Cryptography;
using Huiqi.Engine.Catalog;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Huiqi.Cases;

/// <summary>Settings of the award path that are the bureau's to choose, not the policy's.</summary>
public sealed record CaseSettings
{
    /// <summary>The notice period (公示期) offered by default: 5 working days.</summary>
    public int NoticeDays { get; init; } = 5;

    public bool NoticeWorkingDays { get; init; } = true;

    /// <summary>The largest attachment accepted: 10 MB.</summary>
    public long MaxAttachmentBytes { get; init; } = 10L * 1024 * 1024;
}

/// <summary>
/// Every step a case takes from the engine's answer to payment. Each step is one transaction that first takes the
/// decision log's lock, re-reads the case, checks the actor's scope, office and the version the actor saw, changes the
/// case and appends the decision — so two reviewers acting at once give one decision and a clear refusal, and nothing is
/// paid twice (the payments table's unique keys are the last guard, across nodes).
/// </summary>
public sealed class CaseWorkflow(CasesDatabase cases, HuiqiDatabase registry, PolicyCatalog catalog, TimeProvider clock, CaseSettings? settings = null)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The decision log's actions that are review decisions (an array, so the query translates it).</summary>
    private static readonly string[] ReviewActions = ["pass", "return", "reject", "release", "object", "objection-upheld", "objection-dismissed"];

    public CaseSettings Settings { get; } = settings ?? new CaseSettings();

    public WorkingCalendar Calendar { get; } = WorkingCalendar.China;

    /// <summary>Today in Zhengzhou: deadlines and notice periods are counted in local days.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), China).DateTime);

    // ---- the enterprise ----

    /// <summary>The enterprise confirms a pushed award (确认): it goes to its district for review.</summary>
    public Task<CaseRow> ConfirmAsync(long id, int version, Actor actor, CancellationToken cancel = default) =>
        StepAsync(id, version, actor, "confirm", (c, _, _) =>
        {
            RequireRole(actor, Role.Enterprise);
            RequireStep(c, CaseStep.Confirm);
            Submit(c, CaseStep.Confirm);
            return Task.FromResult<object>(new { });
        }, cancel);

    /// <summary>The enterprise declines an award it was offered (放弃), with its reason.</summary>
    public Task<CaseRow> DeclineAsync(long id, int version, Actor actor, string reason, CancellationToken cancel = default) =>
        StepAsync(id, version, actor, "decline", (c, _, _) =>
        {
            RequireRole(actor, Role.Enterprise);
            RequireStep(c, CaseStep.Decline);
            c.Reason = RequireReason(reason);
            Move(c, CaseStep.Decline, CaseStatus.Declined);
            return Task.FromResult<object>(new { reason });
        }, cancel);

    /// <summary>
    /// The enterprise submits (or, after a return, resubmits) its application with its documents (提交申报): an
    /// application-based award needs at least one attachment.
    /// </summary>
    public Task<CaseRow> SubmitAsync(long id, int version, Actor actor, string? account, CancellationToken cancel = default) =>
        StepAsync(id, version, actor, "submit", async (c, db, _) =>
        {
            RequireRole(actor, Role.Enterprise);
            RequireStep(c, CaseStep.Submit);
            if (c.Way == CaseWay.Apply && !await db.Attachments.AnyAsync(a => a.CaseId == c.Id, cancel))
            {
                throw CaseException.Invalid("请先上传申报材料（至少一个文件）再提交", "an application needs at least one attachment");
            }

            var said = CaseLimits.Text(account, "收款账户说明", CaseLimits.Reason, required: false);
            if (said.Length > 0 && c.Way == CaseWay.Apply)
            {
                c.Reason = said;
            }

            Submit(c, CaseStep.Submit);
            return new { account };
        }, cancel);

    /// <summary>
    /// The enterprise applies for an award no formula gives (快申快享: a referral clause, or a clause whose facts the
    /// data cannot show), asking for an amount; the clause's pool limits what one enterprise may ask for in a year.
    /// </summary>
    public async Task<CaseRow> ApplyAsync(Actor actor, string clauseId, string? item, int awardYear, decimal requested, string account, string enterpriseName, string district, CancellationToken cancel = default)
    {
        RequireRole(actor, Role.Enterprise);
        if (!catalog.ClausesById.TryGetValue(clauseId ?? "", out var clause))
        {
            throw CaseException.Invalid($"条款“{clauseId}”不在政策目录中", $"unknown clause {clauseId}");
        }

        if (clause.Way != ClauseWay.Application && !clause.IsReferral)
        {
            throw CaseException.Invalid($"{clause.Id}由平台按数据直接兑现（免申即享），不受理申请", $"{clause.Id} is paid from the data, not on application");
        }

        requested = clause.Path.Pool?.PerEnterprise is { } most
            ? CaseLimits.Amount(requested, "申请金额", most, $"{clause.Id}每家企业每年最高{most:#,0}元")
            : CaseLimits.Amount(requested, "申请金额", CaseLimits.LineCeiling, "平台单笔上限");
        RequireAwardYear(clause, awardYear);
        item = CaseLimits.Text(item, "申报事项", CaseLimits.Item, required: false);
        account = CaseLimits.Text(account, "申请说明", CaseLimits.Reason);
        var (city, districtShare) = clause.Document.Split.Divide(requested);
        return await DecideAsync(async (db, cursor, _) =>
        {
            var key = item;
            if (await db.Cases.AnyAsync(c => c.Uscc == actor.Uscc && c.Clause == clauseId && c.Item == key && c.AwardYear == awardYear, cancel))
            {
                throw CaseException.Conflict($"本企业{awardYear}年度已有{clauseId}的事项，请在原事项中办理", $"a case for {clauseId} {awardYear} already exists");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var row = new CaseRow
            {
                Uscc = actor.Uscc!,
                EnterpriseName = enterpriseName,
                District = district,
                Clause = clause.Id,
                Item = key,
                AwardYear = awardYear,
                Way = CaseWay.Apply,
                Proposed = requested,
                ProposedCity = city,
                ProposedDistrict = districtShare,
                Amount = requested,
                CityShare = city,
                DistrictShare = districtShare,
                Because = account,
                Steps = string.Join(',', clause.Path.Steps),
                Status = CaseStatus.AwaitingApplication,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Cases.Add(row);
            await db.SaveChangesAsync(cancel);
            DecisionLog.Append(db, cursor, actor, "apply", row, $"→{row.Status}", new { clause = clauseId, item, awardYear, requested }, now);
            return row;
        }, cancel);
    }

    /// <summary>Attaches a document to an application (PDF, JPG, PNG, XLSX, DOCX or OFD, within the size limit, checked whole: <see cref="AttachmentCheck"/>).</summary>
    public async Task<AttachmentRow> AttachAsync(long id, Actor actor, string fileName, byte[] content, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        RequireRole(actor, Role.Enterprise);
        var name = AttachmentCheck.CleanName(fileName);
        var type = AttachmentCheck.Check(name, content, Settings.MaxAttachmentBytes);
        return await DecideAsync(async (db, cursor, _) =>
        {
            var c = await FindAsync(db, id, actor, cancel);
            RequireStep(c, CaseStep.Attach);
            var now = clock.GetUtcNow().UtcDateTime;
            var row = new AttachmentRow
            {
                CaseId = c.Id,
                FileName = name,
                ContentType = type,
                Size = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                Content = content,
                By = actor.User,
                At = now,
            };
            db.Attachments.Add(row);
            DecisionLog.Append(db, cursor, actor, "attach", c, c.Status, new { file = name, size = content.Length, sha256 = row.Sha256 }, now);
            return row;
        }, cancel);
    }

    /// <summary>After payment the enterprise rates the service (评价), 1 to 5.</summary>
    public Task<CaseRow> RateAsync(long id, int version, Actor actor, int score, string? comment, CancellationToken cancel = default) =>
        StepAsync(id, version, actor, "rate", (c, _, _) =>
        {
            RequireRole(actor, Role.Enterprise);
            RequireStep(c, CaseStep.Rate);
            if (score is < 1 or > 5)
            {
                throw CaseException.Invalid($"评分应为1到5分，而不是{score}", $"score must be 1..5, not {score}");
            }

            c.Rating = score;
            var said = CaseLimits.Text(comment, "评价意见", CaseLimits.Comment, required: false);
            c.RatingComment = said.Length == 0 ? null : said;
            return Task.FromResult<object>(new { score, comment });
        }, cancel);

    // ---- the reviewers ----

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
                Move(c, CaseStep.Pass, CaseStatus.After(c.Status, c.StepList));
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

    // ---- the notice ----

    /// <summary>
    /// The city publishes a notice (发布公示) of the cases ready for it in an award year (all of them, or those
    /// chosen), open to objections for a period in calendar or working days.
    /// </summary>
    public async Task<NoticeRow> PublishNoticeAsync(Actor actor, int awardYear, IReadOnlyCollection<long>? caseIds = null, int? days = null, bool? workingDays = null, string? title = null, CancellationToken cancel = default)
    {
        RequireRole(actor, Role.CityReviewer);
        var period = days ?? Settings.NoticeDays;
        if (period is < 1 or > 60)
        {
            throw CaseException.Invalid($"公示期应为1到60天，而不是{period}天", $"notice period must be 1..60 days, not {period}");
        }

        var working = workingDays ?? Settings.NoticeWorkingDays;
        var named = CaseLimits.Text(title, "公示标题", CaseLimits.Title, required: false);
        return await DecideAsync(async (db, cursor, _) =>
        {
            var query = db.Cases.Where(c => c.AwardYear == awardYear && c.Status == CaseStatus.ReadyForNotice);
            if (caseIds is { Count: > 0 })
            {
                query = query.Where(c => caseIds.Contains(c.Id));
            }

            var listed = await query.OrderBy(c => c.District).ThenBy(c => c.Uscc).ThenBy(c => c.Clause).ToListAsync(cancel);
            if (listed.Count == 0)
            {
                throw CaseException.Conflict($"{awardYear}年度没有待公示的事项", $"no case of {awardYear} is ready for notice");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var starts = Today;
            var notice = new NoticeRow
            {
                Title = named.Length == 0 ? $"{awardYear}年度郑州市制造业惠企政策奖励资金拟支持名单公示" : named,
                AwardYear = awardYear,
                Starts = starts,
                Ends = Calendar.PeriodEnd(starts, period, working),
                Days = period,
                WorkingDays = working,
                PublishedBy = actor.User,
                PublishedAt = now,
            };
            db.Notices.Add(notice);
            await db.SaveChangesAsync(cancel);
            foreach (var c in listed)
            {
                c.NoticeId = notice.Id;
                Move(c, CaseStep.Notice, CaseStatus.InNotice);
                c.Version++;
                c.UpdatedAt = now;
                DecisionLog.Append(db, cursor, actor, "notice", c, $"{CaseStatus.ReadyForNotice}→{CaseStatus.InNotice}", new { notice = notice.Id, ends = notice.Ends }, now);
            }

            return notice;
        }, cancel);
    }

    /// <summary>Records a written, real-name objection to a case in notice (异议); the case cannot be approved until it is resolved.</summary>
    public async Task<ObjectionRow> ObjectAsync(long caseId, Actor actor, string from, string text, CancellationToken cancel = default)
    {
        RequireRole(actor, Role.CityReviewer);
        if (string.IsNullOrWhiteSpace(from))
        {
            throw CaseException.Invalid("异议须实名：请填写反映人姓名或单位", "an objection needs the objector's name");
        }

        from = CaseLimits.Text(from, "反映人", CaseLimits.Name);
        var body = CaseLimits.Text(text, "异议内容", CaseLimits.Reason);
        return await DecideAsync(async (db, cursor, _) =>
        {
            var c = await FindAsync(db, caseId, actor, cancel);
            RequireStep(c, CaseStep.Object);
            var now = clock.GetUtcNow().UtcDateTime;
            var row = new ObjectionRow { CaseId = c.Id, NoticeId = c.NoticeId!.Value, From = from, Text = body, RecordedBy = actor.User, At = now };
            db.Objections.Add(row);
            c.Version++;
            DecisionLog.Append(db, cursor, actor, "object", c, c.Status, new { from, text = body }, now);
            return row;
        }, cancel);
    }

    /// <summary>
    /// Resolves an objection: upheld, the case is rejected; dismissed, the case goes on — approved at once when its
    /// notice period is over and no other objection is open.
    /// </summary>
    public async Task<CaseRow> ResolveObjectionAsync(long objectionId, Actor actor, bool upheld, string resolution, CancellationToken cancel = default)
    {
        RequireRole(actor, Role.CityReviewer);
        var why = CaseLimits.Text(resolution, "核查结论", CaseLimits.Reason);
        return await DecideAsync(async (db, cursor, _) =>
        {
            var o = await db.Objections.SingleOrDefaultAsync(x => x.Id == objectionId, cancel)
                ?? throw CaseException.Invalid($"异议 {objectionId} 不存在", $"objection {objectionId} not found");
            if (o.Upheld is not null)
            {
                throw CaseException.Conflict("该异议已处理", "objection already resolved");
            }

            var c = await FindAsync(db, o.CaseId, actor, cancel);
            var now = clock.GetUtcNow().UtcDateTime;
            (o.Upheld, o.Resolution, o.ResolvedBy, o.ResolvedAt) = (upheld, why, actor.User, now);
            var from = c.Status;
            if (upheld)
            {
                c.Status = CaseStatus.Rejected;
                c.Reason = $"公示异议成立：{why}";
            }
            else
            {
                var notice = await db.Notices.SingleAsync(n => n.Id == c.NoticeId, cancel);
                var othersOpen = await db.Objections.AnyAsync(x => x.CaseId == c.Id && x.Id != o.Id && x.Upheld == null, cancel);
                if (!othersOpen && Today > notice.Ends && c.Status == CaseStatus.InNotice)
                {
                    c.Status = CaseStatus.Approved;
                }
            }

            c.Version++;
            c.UpdatedAt = now;
            DecisionLog.Append(db, cursor, actor, upheld ? "objection-upheld" : "objection-dismissed", c, $"{from}→{c.Status}", new { objection = o.Id, resolution = why }, now);
            return c;
        }, cancel);
    }

    /// <summary>
    /// Closes a notice whose period is over (公示期满): every case on it with no open objection is approved for payment;
    /// a case with one stays in notice until it is resolved.
    /// </summary>
    public async Task<(int Approved, int Waiting)> CloseNoticeAsync(long noticeId, Actor actor, CancellationToken cancel = default)
    {
        RequireRole(actor, Role.CityReviewer, Role.System);
        return await DecideAsync(async (db, cursor, _) =>
        {
            var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == noticeId, cancel)
                ?? throw CaseException.Invalid($"公示 {noticeId} 不存在", $"notice {noticeId} not found");
            if (Today <= notice.Ends)
            {
                throw CaseException.Conflict($"公示期至{notice.Ends:yyyy年M月d日}，期满后方可结束", $"the notice runs until {notice.Ends:yyyy-MM-dd}");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var open = await db.Objections.Where(o => o.NoticeId == noticeId && o.Upheld == null).Select(o => o.CaseId).ToListAsync(cancel);
            var listed = await db.Cases.Where(c => c.NoticeId == noticeId && c.Status == CaseStatus.InNotice).ToListAsync(cancel);
            var approved = 0;
            foreach (var c in listed.Where(c => !open.Contains(c.Id)))
            {
                Move(c, CaseStep.CloseNotice, CaseStatus.Approved);
                c.Version++;
                c.UpdatedAt = now;
                approved++;
                DecisionLog.Append(db, cursor, actor, "notice-ended", c, $"{CaseStatus.InNotice}→{CaseStatus.Approved}", new { notice = noticeId }, now);
            }

            notice.Status = listed.Count == approved ? "closed" : "open";
            return (approved, listed.Count - approved);
        }, cancel);
    }

    // ---- payment ----

    /// <summary>
    /// A finance bureau pays its share (拨付): the city's finance the city share, the district's finance the district
    /// share of its own district. When every share is paid the award enters the ledger (<c>grants</c>) the engine reads,
    /// in the same transaction, so once-only, ladders and caps hold from then on.
    /// </summary>
    public Task<CaseRow> PayAsync(long id, int version, Actor actor, string payer, string voucher, CancellationToken cancel = default) =>
        StepAsync(id, version, actor, "pay", async (c, db, tx) =>
        {
            if (payer == Payer.City)
            {
                RequireRole(actor, Role.CityFinance);
            }
            else if (payer == Payer.District)
            {
                RequireRole(actor, Role.DistrictFinance);
            }
            else
            {
                throw CaseException.Invalid($"出资方应为 city 或 district，而不是“{payer}”", $"payer must be city or district, not '{payer}'");
            }

            RequireStep(c, CaseStep.Pay);
            voucher = CaseLimits.Text(voucher, "拨付凭证号", CaseLimits.Voucher, required: false);
            // 不相容岗位分离: whoever took a review step on this case (the log says who) may not also pay it, even
            // from another office the account was moved to.
            if (await db.Decisions.AnyAsync(d => d.CaseId == c.Id && d.Actor == actor.User && ReviewActions.Contains(d.Action), cancel))
            {
                throw CaseException.Forbidden(
                    $"不相容岗位分离：账号“{actor.User}”办理过本事项的审核环节，不能再办理其拨付，请由其他经办人拨付",
                    $"{actor.User} reviewed case {c.Id} and may not pay it");
            }

            var share = payer == Payer.City ? c.CityShare : c.DistrictShare;
            if (share <= 0)
            {
                throw CaseException.Invalid($"本事项{Payer.Chinese(payer)}承担金额为零，无需拨付", $"the {payer} share is zero");
            }

            if (await db.Payments.AnyAsync(p => p.CaseId == c.Id && p.Payer == payer, cancel))
            {
                throw CaseException.Conflict($"本事项{Payer.Chinese(payer)}资金已拨付，不能重复拨付", $"the {payer} share is already paid");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.Payments.Add(new PaymentRow
            {
                CaseId = c.Id,
                Uscc = c.Uscc,
                Clause = c.Clause,
                Item = c.Item,
                AwardYear = c.AwardYear,
                District = c.District,
                Payer = payer,
                Amount = share,
                PaidOn = Today,
                Voucher = voucher,
                By = actor.User,
                At = now,
            });
            var other = payer == Payer.City ? c.DistrictShare : c.CityShare;
            var otherPaid = other <= 0 || await db.Payments.AnyAsync(p => p.CaseId == c.Id && p.Payer != payer, cancel);
            Move(c, CaseStep.Pay, otherPaid ? CaseStatus.Paid : CaseStatus.Paying);
            if (otherPaid)
            {
                await WriteLedgerAsync(db, tx, c, actor, cancel);
            }

            return new { payer, amount = share, voucher };
        }, cancel);

    // ---- budgets ----

    /// <summary>Sets the budget of a document (or one clause of it) for a year (预算); lowering it below what is committed is refused.</summary>
    public async Task<BudgetRow> SetBudgetAsync(Actor actor, string document, string? clause, int year, decimal amount, decimal? perEnterprise, CancellationToken cancel = default)
    {
        RequireRole(actor, Role.CityFinance, Role.CityReviewer);
        if (!catalog.Documents.Any(d => d.Id == document))
        {
            throw CaseException.Invalid($"文件“{document}”不在政策目录中", $"unknown document {document}");
        }

        if (!string.IsNullOrEmpty(clause) && !catalog.ClausesById.ContainsKey(clause))
        {
            throw CaseException.Invalid($"条款“{clause}”不在政策目录中", $"unknown clause {clause}");
        }

        amount = CaseLimits.Amount(amount, "预算金额", CaseLimits.BudgetCeiling, "平台预算上限", zeroAllowed: true);
        if (perEnterprise is { } most)
        {
            perEnterprise = CaseLimits.Amount(most, "单户上限", CaseLimits.BudgetCeiling, "平台预算上限");
        }

        if (year is < 2000 or > 2100)
        {
            throw CaseException.Invalid($"预算年度应在2000至2100年之间，而不是{year}年", $"budget year must be 2000..2100, not {year}");
        }

        return await DecideAsync(async (db, cursor, _) =>
        {
            var key = clause ?? "";
            var row = await db.Budgets.SingleOrDefaultAsync(b => b.Document == document && b.Clause == key && b.Year == year, cancel);
            var now = clock.GetUtcNow().UtcDateTime;
            if (row is null)
            {
                row = new BudgetRow { Document = document, Clause = key, Year = year };
                db.Budgets.Add(row);
            }

            var old = row.Amount;
            (row.Amount, row.PerEnterprise, row.SetBy, row.SetAt) = (amount, perEnterprise, actor.User, now);
            DecisionLog.Append(db, cursor, actor, "budget", null, "", new { document, clause = key, year, from = old, to = amount, perEnterprise }, now);
            return row;
        }, cancel);
    }

    /// <summary>The budgets of an award year with what is committed, in notice and paid against each (预算执行).</summary>
    public async Task<IReadOnlyList<BudgetUse>> BudgetsAsync(int year, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var budgets = await BudgetsForAsync(db, year, null, cancel);
        var rows = await db.Cases.AsNoTracking().Where(c => c.AwardYear == year)
            .Select(c => new { c.Clause, c.Status, c.Amount }).ToListAsync(cancel);
        var paid = await db.Payments.AsNoTracking().Where(p => p.AwardYear == year).Select(p => new { p.Clause, p.Amount }).ToListAsync(cancel);
        return [.. budgets.Select(b =>
        {
            bool In(string clause) => b.Clause.Length > 0 ? clause == b.Clause : clause.StartsWith(b.Document + "/", StringComparison.Ordinal);
            var mine = rows.Where(r => In(r.Clause)).ToList();
            return new BudgetUse(
                b,
                CaseLimits.Total(mine.Where(r => CaseStatus.Committed.Contains(r.Status)).Select(r => r.Amount)),
                CaseLimits.Total(mine.Where(r => r.Status == CaseStatus.InNotice).Select(r => r.Amount)),
                CaseLimits.Total(paid.Where(p => In(p.Clause)).Select(p => p.Amount)),
                mine.Count(r => r.Status == CaseStatus.Held),
                CaseLimits.Total(mine.Where(r => r.Status == CaseStatus.Held).Select(r => r.Amount)));
        })];
    }

    // ---- the machinery ----

    private async Task<T> DecideAsync<T>(Func<CasesDbContext, ChainCursor, IDbContextTransaction, Task<T>> work, CancellationToken cancel)
    {
        await using var db = cases.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var cursor = await DecisionLog.LockAsync(db, cancel);
        var result = await work(db, cursor, tx);
        await DecisionLog.FlushAsync(db, cursor, cancel);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new CaseException(CaseProblem.Conflict, "该事项已被他人处理，请刷新后查看", "the case was changed by someone else: " + e.Message);
        }
        catch (DbUpdateException e)
        {
            throw new CaseException(CaseProblem.Conflict, "与已有记录冲突（同一事项不能重复办理或重复拨付）", "conflicts with an existing row: " + (e.InnerException?.Message ?? e.Message));
        }

        await tx.CommitAsync(cancel);
        return result;
    }

    private Task<CaseRow> StepAsync(long id, int version, Actor actor, string action, Func<CaseRow, CasesDbContext, IDbContextTransaction, Task<object>> change, CancellationToken cancel) =>
        DecideAsync(async (db, cursor, tx) =>
        {
            var c = await FindAsync(db, id, actor, cancel);
            if (c.Version != version)
            {
                throw CaseException.Conflict(
                    $"该事项已被他人处理（您看到的是第{version}版，现为第{c.Version}版，状态：{CaseStatus.Chinese(c.Status)}），请刷新后查看",
                    $"case {id} is at version {c.Version}, not {version}");
            }

            var from = c.Status;
            var detail = await change(c, db, tx);
            var now = clock.GetUtcNow().UtcDateTime;
            c.Version++;
            c.UpdatedAt = now;
            DecisionLog.Append(db, cursor, actor, action, c, $"{from}→{c.Status}", detail, now);
            return c;
        }, cancel);

    private static async Task<CaseRow> FindAsync(CasesDbContext db, long id, Actor actor, CancellationToken cancel)
    {
        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == id, cancel);
        return c is null || !actor.Sees(c) ? throw CaseException.NotFound(id) : c;
    }

    private void Submit(CaseRow c, CaseStep step)
    {
        Move(c, step, CaseStatus.DistrictReview);
        c.SubmittedOn = Today;
        var days = catalog.ClausesById.TryGetValue(c.Clause, out var clause) ? clause.Path.DeadlineWorkingDays : AwardPath.DefaultDeadline;
        c.Deadline = Calendar.AddWorkingDays(Today, days);
    }

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

        if (a <= 0 || decimal.Round(a, 2) != a)
        {
            throw CaseException.Invalid("核定金额应为大于零的金额（元，至多两位小数）；不予支持请用“不予支持”", "amount must be positive yuan; use reject instead");
        }

        c.Reason = RequireReason(reason ?? "", "调减金额须说明理由");
        c.Amount = a;
        (c.CityShare, c.DistrictShare) = (split ?? CostSplit.CityAlone).Divide(a);
        return true;
    }

    /// <summary>A review step: the role the table names for it at the case's status, or a conflict when the case is at no review step.</summary>
    private static void RequireReviewer(Actor actor, CaseRow c, CaseStep step)
    {
        var takers = CasePath.Takers(c.Status, step);
        if (takers.Count == 0)
        {
            throw CaseException.Conflict($"事项当前状态为“{CaseStatus.Chinese(c.Status)}”，不在审核环节", $"case is {c.Status}, not at a review step");
        }

        RequireRole(actor, [.. takers]);
    }

    private static void RequireRole(Actor actor, params Role[] roles)
    {
        if (!roles.Contains(actor.Role))
        {
            throw CaseException.Forbidden("您的角色不能办理这一步", $"{actor.Role} may not take this step");
        }
    }

    /// <summary>Refuses a step the table does not list from the case's status (a stale page, or a step out of turn).</summary>
    private static void RequireStep(CaseRow c, CaseStep step) => RequireStatus(c, CasePath.From(step));

    /// <summary>Moves the case along the table; a move it does not list is a fault of the platform, never the user's.</summary>
    private static void Move(CaseRow c, CaseStep step, string to)
    {
        if (!CasePath.Allows(c.Status, step, to))
        {
            throw new InvalidOperationException($"{c.Status} --{step}--> {to} is not in the case steps' table");
        }

        c.Status = to;
    }

    private static void RequireStatus(CaseRow c, IReadOnlyList<string> statuses)
    {
        if (!statuses.Contains(c.Status))
        {
            throw CaseException.Conflict(
                $"事项当前状态为“{CaseStatus.Chinese(c.Status)}”，不能办理这一步（应为：{string.Join("、", statuses.Select(CaseStatus.Chinese))}）",
                $"case is {c.Status}, expected {string.Join(" or ", statuses)}");
        }
    }

    private static string RequireReason(string reason, string what = "请填写理由") =>
        string.IsNullOrWhiteSpace(reason)
            ? throw CaseException.Invalid(what, "a reason is required")
            : CaseLimits.Text(reason, "理由", CaseLimits.Reason);

    /// <summary>
    /// An award year an application may name: inside the clause's window (its own, else its document's) and not after
    /// this year, so a year the policy never covered (1900) is refused rather than kept.
    /// </summary>
    private void RequireAwardYear(Clause clause, int awardYear)
    {
        var window = clause.EffectiveWindow;
        var first = window?.From.Year ?? 2000;
        var last = Math.Min(window?.To.Year ?? int.MaxValue, Today.Year);
        if (awardYear < first || awardYear > last)
        {
            var since = window is { } w ? $"：政策自{w.From:yyyy年M月d日}起施行{(w.To == DateOnly.MaxValue ? "" : $"，至{w.To:yyyy年M月d日}止")}" : "";
            throw CaseException.Invalid(
                $"申报年度{awardYear}年不在{clause.Id}可申报的年度内（{first}至{last}年度{since}）",
                $"award year {awardYear} is outside {clause.Id}'s years {first}..{last}");
        }
    }

    /// <summary>Why a case cannot be committed within its budgets, or null when it can.</summary>
    private async Task<string?> BudgetHoldAsync(CasesDbContext db, CaseRow c, CancellationToken cancel)
    {
        foreach (var b in await BudgetsForAsync(db, c.AwardYear, c.Clause, cancel))
        {
            var scope = db.Cases.Where(x => x.AwardYear == c.AwardYear && x.Id != c.Id && CaseStatus.Committed.Contains(x.Status));
            scope = b.Clause.Length > 0 ? scope.Where(x => x.Clause == b.Clause) : scope.Where(x => x.Clause.StartsWith(b.Document + "/"));
            var amounts = await scope.Select(x => new { x.Uscc, x.Amount }).ToListAsync(cancel);
            // A total beyond decimal (only a row edited behind the platform's back) can never be within a budget.
            var committed = CaseLimits.Total(amounts.Select(x => x.Amount)) ?? decimal.MaxValue;
            var name = b.Clause.Length > 0 ? b.Clause : b.Document;
            if (committed > b.Amount - c.Amount)
            {
                return $"超出预算：{name} {b.Year}年预算{b.Amount:#,0.##}元，已承诺{committed:#,0.##}元，本事项{c.Amount:#,0.##}元，超出{committed - (b.Amount - c.Amount):#,0.##}元";
            }

            if (b.PerEnterprise is { } most)
            {
                var mine = CaseLimits.Total(amounts.Where(x => x.Uscc == c.Uscc).Select(x => x.Amount)) ?? decimal.MaxValue;
                if (mine > most - c.Amount)
                {
                    return $"超出单户上限：{name}每家企业每年最高{most:#,0.##}元，本企业已承诺{mine:#,0.##}元，本事项{c.Amount:#,0.##}元";
                }
            }
        }

        return null;
    }

    /// <summary>The budgets that apply to a year (and clause): rows set by the bureaus, and the pools the catalogue states.</summary>
    private async Task<List<BudgetRow>> BudgetsForAsync(CasesDbContext db, int year, string? clause, CancellationToken cancel)
    {
        var document = clause is null ? null : clause[..clause.IndexOf('/', StringComparison.Ordinal)];
        var rows = await db.Budgets.AsNoTracking()
            .Where(b => b.Year == year && (document == null || (b.Document == document && (b.Clause == "" || b.Clause == clause))))
            .ToListAsync(cancel);
        foreach (var pooled in catalog.Clauses.Where(x => x.Path.Pool is not null && (clause is null || x.Id == clause)))
        {
            if (!rows.Any(r => r.Clause == pooled.Id))
            {
                rows.Add(new BudgetRow
                {
                    Document = pooled.Document.Id,
                    Clause = pooled.Id,
                    Year = year,
                    Amount = pooled.Path.Pool!.PerYear,
                    PerEnterprise = pooled.Path.Pool.PerEnterprise,
                    SetBy = "政策原文",
                });
            }
        }

        return rows;
    }

    private async Task WriteLedgerAsync(CasesDbContext db, IDbContextTransaction tx, CaseRow c, Actor actor, CancellationToken cancel)
    {
        await using var reg = registry.CreateDbContext(db.Database.GetDbConnection(), actor.User);
        await reg.Database.UseTransactionAsync(tx.GetDbTransaction(), cancel);
        var enterprise = await reg.Enterprises.SingleOrDefaultAsync(e => e.Uscc == c.Uscc, cancel)
            ?? throw CaseException.Conflict($"企业{c.Uscc}已不在企业库中，不能记入兑付台账", $"enterprise {c.Uscc} is no longer in the registry");
        reg.Grants.Add(new GrantRow
        {
            Enterprise = enterprise,
            EnterpriseId = enterprise.Id,
            Clause = c.Clause,
            Item = c.Item.Length == 0 ? null : c.Item,
            Amount = c.Amount,
            Date = Today,
            AwardYear = c.AwardYear,
        });
        await reg.SaveChangesAsync(cancel);
    }
}

/// <summary>
/// A budget and what stands against it (预算执行): committed (city-approved and on), in notice, paid, and held; a total
/// is null when the amounts behind it do not add up within <see cref="decimal"/> (<see cref="CaseLimits.Total"/>).
/// </summary>
public sealed record BudgetUse(BudgetRow Budget, decimal? Committed, decimal? InNotice, decimal? Paid, int HeldCases, decimal? HeldAmount)
{
    public decimal? Remaining => Budget.Amount - Committed;
}
