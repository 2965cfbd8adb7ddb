using System.Security.Cryptography;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cases;

/// <summary>The workflow's the enterprise's steps: confirming a pushed award, applying, attaching documents, submitting, declining and rating (企业办理).</summary>
public sealed partial class CaseWorkflow
{
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
        if (!clause.Document.AcceptsApplicationsOn(Today))
        {
            throw CaseException.Invalid(
                $"{clause.Document.Name}{clause.Document.Explained(Today)}，不再受理申请",
                $"{clause.Document.Id} does not accept applications on {Today:yyyy-MM-dd} ({clause.Document.StatusOn(Today)})");
        }

        item = CaseLimits.Text(item, "申报事项", CaseLimits.Item, required: false);
        account = CaseLimits.Text(account, "申请说明", CaseLimits.Reason);
        var (city, districtShare) = clause.Document.Split.Divide(Yuan.Of(requested));
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
            DecisionLog.Append(db, cursor, actor, "apply", row, $"→{row.Status.Code()}", new { clause = clauseId, item, awardYear, requested }, now);
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
            DecisionLog.Append(db, cursor, actor, "attach", c, c.Status.Code(), new { file = name, size = content.Length, sha256 = row.Sha256 }, now);
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

    private void Submit(CaseRow c, CaseStep step)
    {
        Move(c, step, CaseStatus.DistrictReview);
        c.SubmittedOn = Today;
        var days = catalog.ClausesById.TryGetValue(c.Clause, out var clause) ? clause.Path.DeadlineWorkingDays : AwardPath.DefaultDeadline;
        c.Deadline = Calendar.AddWorkingDays(Today, days);
    }

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
}
