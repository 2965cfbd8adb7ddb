using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cases;

/// <summary>The workflow's the public notice: publishing it, objections and their resolution, and its end (公示).</summary>
public sealed partial class CaseWorkflow
{
    /// <summary>Who publishes notices and records and resolves objections: the city bureau (市工信局).</summary>
    private static readonly Role[] NoticeRunners = [Role.CityReviewer];

    /// <summary>Whether the actor runs the public notice (the notice pages offer its forms exactly then).</summary>
    public static bool RunsNotices(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return NoticeRunners.Contains(actor.Role);
    }

    /// <summary>
    /// The city publishes a notice (发布公示) of the cases ready for it in an award year (all of them, or those
    /// chosen), open to objections for a period in calendar or working days.
    /// </summary>
    public async Task<NoticeRow> PublishNoticeAsync(Actor actor, int awardYear, IReadOnlyCollection<long>? caseIds = null, int? days = null, bool? workingDays = null, string? title = null, CancellationToken cancel = default)
    {
        RequireRole(actor, NoticeRunners);
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
                DecisionLog.Append(db, cursor, actor, "notice", c, $"{CaseStatus.ReadyForNotice.Code()}→{CaseStatus.InNotice.Code()}", new { notice = notice.Id, ends = notice.Ends }, now);
            }

            return notice;
        }, cancel);
    }

    /// <summary>Records a written, real-name objection to a case in notice (异议); the case cannot be approved until it is resolved.</summary>
    public async Task<ObjectionRow> ObjectAsync(long caseId, Actor actor, string from, string text, CancellationToken cancel = default)
    {
        RequireRole(actor, NoticeRunners);
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
            DecisionLog.Append(db, cursor, actor, "object", c, c.Status.Code(), new { from, text = body }, now);
            return row;
        }, cancel);
    }

    /// <summary>
    /// Resolves an objection: upheld, the case is rejected; dismissed, the case goes on — approved at once when its
    /// notice period is over and no other objection is open.
    /// </summary>
    public async Task<CaseRow> ResolveObjectionAsync(long objectionId, Actor actor, bool upheld, string resolution, CancellationToken cancel = default)
    {
        RequireRole(actor, NoticeRunners);
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
            DecisionLog.Append(db, cursor, actor, upheld ? "objection-upheld" : "objection-dismissed", c, $"{from.Code()}→{c.Status.Code()}", new { objection = o.Id, resolution = why }, now);
            return c;
        }, cancel);
    }

    /// <summary>
    /// Closes a notice whose period is over (公示期满): every case on it with no open objection is approved for payment;
    /// a case with one stays in notice until it is resolved.
    /// </summary>
    public async Task<(int Approved, int Waiting)> CloseNoticeAsync(long noticeId, Actor actor, CancellationToken cancel = default)
    {
        RequireRole(actor, [.. NoticeRunners, Role.System]);
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
                DecisionLog.Append(db, cursor, actor, "notice-ended", c, $"{CaseStatus.InNotice.Code()}→{CaseStatus.Approved.Code()}", new { notice = noticeId }, now);
            }

            notice.Status = listed.Count == approved ? "closed" : "open";
            return (approved, listed.Count - approved);
        }, cancel);
    }
}
