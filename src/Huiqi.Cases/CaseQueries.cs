using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cases;

/// <summary>What a case list may be filtered by (server side); every value optional, the actor's scope applied on top.</summary>
public sealed record CaseFilter
{
    /// <summary>评估年度.</summary>
    public int? Year { get; init; }

    /// <summary><see cref="CaseStatus"/> code.</summary>
    public string? Status { get; init; }

    public string? Clause { get; init; }

    /// <summary>区县 (a district office sees its own whatever is asked).</summary>
    public string? District { get; init; }

    /// <summary><see cref="CaseWay"/>: push (免申即享) or apply (快申快享).</summary>
    public string? Way { get; init; }

    /// <summary>Only cases past their deadline (逾期).</summary>
    public bool Overdue { get; init; }

    /// <summary>Only cases waiting for the actor's office (待我办理).</summary>
    public bool Todo { get; init; }

    /// <summary>Part of the enterprise's name or USCC.</summary>
    public string? Q { get; init; }
}

/// <summary>A page of a case list, with the size of the whole filtered list and its counts by status.</summary>
public sealed record CasePage(int Page, int PageSize, int Count, IReadOnlyList<CaseRow> Items, IReadOnlyDictionary<string, int> ByStatus)
{
    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);
}

/// <summary>One case with everything its page shows; attachments without their content.</summary>
public sealed record CaseView(
    CaseRow Case,
    IReadOnlyList<AttachmentRow> Attachments,
    IReadOnlyList<ObjectionRow> Objections,
    IReadOnlyList<PaymentRow> Payments,
    IReadOnlyList<DecisionRow> History,
    NoticeRow? Notice);

/// <summary>The average rating (评价) of the paid cases of one clause in one district.</summary>
public sealed record RatingRow(string Clause, string District, int Rated, double Average);

/// <summary>
/// The case store as a signed-in actor may read it. Every query starts from <see cref="Visible"/>, which applies the
/// actor's scope in the database (the same rule as <see cref="CaseAccess.Sees"/>), so a case of another scope is not
/// found — a 404 — rather than hidden after loading.
/// </summary>
public sealed class CaseQueries(CasesDatabase cases, CaseWorkflow workflow)
{
    public const int PageSize = 50;

    /// <summary>The most rows one export writes.</summary>
    public const int MaxExportRows = 100_000;

    /// <summary>The cases the actor may see (<see cref="CaseAccess.Visible"/>), read without tracking.</summary>
    public static IQueryable<CaseRow> Visible(CasesDbContext db, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Cases.AsNoTracking().Visible(actor);
    }

    /// <summary>One page of the filtered list, newest first, with the counts by status of the filtered list (status filter aside).</summary>
    public async Task<CasePage> ListAsync(Actor actor, CaseFilter filter, int page, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var unstatused = Filter(db, actor, filter with { Status = null });
        var groups = await unstatused.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel);
        var byStatus = groups.ToDictionary(g => g.Key.Code(), g => g.Count);
        var query = string.IsNullOrEmpty(filter.Status) ? unstatused : WithStatus(unstatused, filter.Status);
        var count = await query.CountAsync(cancel);
        page = Math.Clamp(page, 1, Math.Max(1, (count + PageSize - 1) / PageSize));
        var items = await query.OrderByDescending(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancel);
        return new CasePage(page, PageSize, count, items, byStatus);
    }

    /// <summary>The whole filtered list (up to <see cref="MaxExportRows"/>), for the export.</summary>
    public async Task<IReadOnlyList<CaseRow>> AllAsync(Actor actor, CaseFilter filter, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        return await Filter(db, actor, filter).OrderBy(c => c.Id).Take(MaxExportRows).ToListAsync(cancel);
    }

    /// <summary>How many cases wait for the actor's office now (the home page's day's work).</summary>
    public async Task<int> WaitingAsync(Actor actor, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        return await Waiting(db, actor, Visible(db, actor)).CountAsync(cancel);
    }

    /// <summary>One case in the actor's scope with its attachments, objections, payments, notice and history; null when not found.</summary>
    public async Task<CaseView?> GetAsync(Actor actor, long id, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var c = await Visible(db, actor).SingleOrDefaultAsync(x => x.Id == id, cancel);
        if (c is null)
        {
            return null;
        }

        var attachments = await db.Attachments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.Id)
            .Select(a => new AttachmentRow { Id = a.Id, CaseId = a.CaseId, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, Sha256 = a.Sha256, By = a.By, At = a.At })
            .ToListAsync(cancel);
        var objections = await db.Objections.AsNoTracking().Where(o => o.CaseId == id).OrderBy(o => o.Id).ToListAsync(cancel);
        var payments = await db.Payments.AsNoTracking().Where(p => p.CaseId == id).OrderBy(p => p.Id).ToListAsync(cancel);
        var history = await db.Decisions.AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.Seq).ToListAsync(cancel);
        var notice = c.NoticeId is { } n ? await db.Notices.AsNoTracking().SingleOrDefaultAsync(x => x.Id == n, cancel) : null;
        return new CaseView(c, attachments, objections, payments, history, notice);
    }

    /// <summary>An attachment of a case in the actor's scope, with its content; null when either is not found.</summary>
    public async Task<AttachmentRow?> AttachmentAsync(Actor actor, long caseId, long attachmentId, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var visible = Visible(db, actor).Where(c => c.Id == caseId).Select(c => c.Id);
        return await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId && visible.Contains(a.CaseId), cancel);
    }

    /// <summary>
    /// The notices, newest first, with how many cases and how much each lists. The amounts are added here, not in SQL
    /// (SQLite adds decimals as text through EF's own function, which fails on a value too large), with
    /// <see cref="CaseLimits.Total"/>: null when they do not add up.
    /// </summary>
    public async Task<IReadOnlyList<(NoticeRow Notice, int Cases, decimal? Amount)>> NoticesAsync(CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var notices = await db.Notices.AsNoTracking().OrderByDescending(n => n.Id).Take(200).ToListAsync(cancel);
        var ids = notices.Select(n => n.Id).ToList();
        var listed = (await db.Cases.AsNoTracking().Where(c => c.NoticeId != null && ids.Contains(c.NoticeId.Value))
            .Select(c => new { Notice = c.NoticeId!.Value, c.Amount }).ToListAsync(cancel)).ToLookup(c => c.Notice, c => c.Amount);
        return [.. notices.Select(n => (n, listed[n.Id].Count(), CaseLimits.Total(listed[n.Id])))];
    }

    /// <summary>A notice with the cases it lists (in the order published) and their objections; null when there is none.</summary>
    public async Task<(NoticeRow Notice, IReadOnlyList<CaseRow> Cases, IReadOnlyList<ObjectionRow> Objections)?> NoticeAsync(long id, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var notice = await db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancel);
        if (notice is null)
        {
            return null;
        }

        var listed = await db.Cases.AsNoTracking().Where(c => c.NoticeId == id)
            .OrderBy(c => c.District).ThenBy(c => c.Uscc).ThenBy(c => c.Clause).ThenBy(c => c.Item).ToListAsync(cancel);
        var objections = await db.Objections.AsNoTracking().Where(o => o.NoticeId == id).OrderBy(o => o.Id).ToListAsync(cancel);
        return (notice, listed, objections);
    }

    /// <summary>
    /// The shares the actor's finance office has to pay (approved cases whose share of that payer is unpaid), and the
    /// payments made in its scope (both shares): the city's finance the city shares, a district's finance its district's.
    /// </summary>
    public async Task<(IReadOnlyList<(CaseRow Case, string Payer)> ToPay, IReadOnlyList<(PaymentRow Payment, CaseRow Case)> Paid)> PaymentsAsync(Actor actor, int? year, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var visible = Visible(db, actor).Where(c => year == null || c.AwardYear == year);
        var toPay = new List<(CaseRow, string)>();
        foreach (var payer in CaseAccess.PayersOf(actor.Role))
        {
            var open = await Unpaid(db, visible, payer).OrderBy(c => c.District).ThenBy(c => c.Id).Take(MaxExportRows).ToListAsync(cancel);
            toPay.AddRange(open.Select(c => (c, payer)));
        }

        var paid = await (from p in db.Payments.AsNoTracking()
                          join c in visible on p.CaseId equals c.Id
                          orderby p.Id
                          select new { p, c }).Take(MaxExportRows).ToListAsync(cancel);
        return (toPay, [.. paid.Select(x => (x.p, x.c))]);
    }

    /// <summary>
    /// The payments of one enterprise's cases for one award year that the actor may see, with their cases: what the
    /// enterprise page puts beside each line of the ledger (已兑付), so a paid award reads with the case that carried it.
    /// </summary>
    public async Task<IReadOnlyList<(PaymentRow Payment, CaseRow Case)>> PaymentsOfEnterpriseAsync(Actor actor, string uscc, int year, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var paid = await (from p in db.Payments.AsNoTracking()
                          join c in Visible(db, actor).Where(c => c.Uscc == uscc && c.AwardYear == year) on p.CaseId equals c.Id
                          orderby p.Id
                          select new { p, c }).ToListAsync(cancel);
        return [.. paid.Select(x => (x.p, x.c))];
    }

    /// <summary>Average ratings of paid cases by clause and district (the city's view of 评价).</summary>
    public async Task<IReadOnlyList<RatingRow>> RatingsAsync(int? year, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var rated = await db.Cases.AsNoTracking().Where(c => c.Rating != null && (year == null || c.AwardYear == year))
            .Select(c => new { c.Clause, c.District, Rating = c.Rating!.Value }).ToListAsync(cancel);
        return [.. rated.GroupBy(r => (r.Clause, r.District))
            .Select(g => new RatingRow(g.Key.Clause, g.Key.District, g.Count(), g.Average(r => r.Rating)))
            .OrderBy(r => r.Clause, StringComparer.Ordinal).ThenBy(r => r.District, StringComparer.Ordinal)];
    }

    /// <summary>The held cases of a year with their warnings (预算不足暂缓).</summary>
    public async Task<IReadOnlyList<CaseRow>> HeldAsync(int year, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        return await db.Cases.AsNoTracking().Where(c => c.AwardYear == year && c.Status == CaseStatus.Held).OrderBy(c => c.Id).ToListAsync(cancel);
    }

    /// <summary>A page of the decision log, newest first, and how many entries it holds.</summary>
    public async Task<(int Count, IReadOnlyList<DecisionRow> Items)> DecisionsAsync(int page, int pageSize, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var count = await db.Decisions.CountAsync(cancel);
        var items = await db.Decisions.AsNoTracking().OrderByDescending(d => d.Seq).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize).ToListAsync(cancel);
        return (count, items);
    }

    /// <summary>Recomputes the decision log's keyed chain and compares the cases and payments with it (<see cref="DecisionLog.AuditAsync"/>).</summary>
    public async Task<ChainAudit> AuditAsync(CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        return await DecisionLog.AuditAsync(db, state: true, cancel);
    }

    /// <summary>The batch runs of an award year.</summary>
    public async Task<IReadOnlyList<long>> RunsOfYearAsync(int year, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        return await db.BatchRuns.AsNoTracking().Where(r => r.AwardYear == year).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancel);
    }

    /// <summary>The parts of these runs not finished yet, in id order.</summary>
    public async Task<IReadOnlyList<long>> UnfinishedPartsAsync(IReadOnlyList<long> runs, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        return await db.BatchParts.AsNoTracking().Where(p => runs.Contains(p.RunId) && p.Status != "done").OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancel);
    }

    /// <summary>The cases of the status a code names; a code that names none matches no case.</summary>
    private static IQueryable<CaseRow> WithStatus(IQueryable<CaseRow> q, string code) =>
        CaseStatuses.TryParse(code, out var status) ? q.Where(c => c.Status == status) : q.Where(c => false);

    private IQueryable<CaseRow> Filter(CasesDbContext db, Actor actor, CaseFilter f)
    {
        var q = Visible(db, actor);
        if (f.Year is { } year)
        {
            q = q.Where(c => c.AwardYear == year);
        }

        if (!string.IsNullOrEmpty(f.Status))
        {
            q = WithStatus(q, f.Status);
        }

        if (!string.IsNullOrEmpty(f.Clause))
        {
            q = q.Where(c => c.Clause == f.Clause);
        }

        if (!string.IsNullOrEmpty(f.District))
        {
            q = q.Where(c => c.District == f.District);
        }

        if (!string.IsNullOrEmpty(f.Way))
        {
            q = q.Where(c => c.Way == f.Way);
        }

        if (f.Overdue)
        {
            // The same rule as CaseRow.IsOverdue, in the query: past the deadline while the bureaus still owe a decision.
            var today = workflow.Today;
            CaseStatus[] pending = [.. CaseStatuses.Pending];
            q = q.Where(c => c.Deadline != null && c.Deadline < today && pending.Contains(c.Status));
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            q = q.Where(c => c.EnterpriseName.Contains(text) || c.Uscc.Contains(text));
        }

        return f.Todo ? Waiting(db, actor, q) : q;
    }

    /// <summary>The cases among <paramref name="q"/> that wait for the actor's office.</summary>
    private static IQueryable<CaseRow> Waiting(CasesDbContext db, Actor actor, IQueryable<CaseRow> q) => actor.Role switch
    {
        Role.Enterprise => q.Where(c => c.Status == CaseStatus.AwaitingConfirmation || c.Status == CaseStatus.AwaitingApplication
            || c.Status == CaseStatus.Returned || (c.Status == CaseStatus.Paid && c.Rating == null)),
        Role.DistrictReviewer => q.Where(c => c.Status == CaseStatus.DistrictReview),
        Role.CityReviewer => q.Where(c => c.Status == CaseStatus.ExpertReview || c.Status == CaseStatus.Audit || c.Status == CaseStatus.CityReview
            || c.Status == CaseStatus.Held || c.Status == CaseStatus.ReadyForNotice),
        Role.CityFinance => Unpaid(db, q, Payer.City),
        Role.DistrictFinance => Unpaid(db, q, Payer.District),
        _ => q.Where(c => false),
    };

    /// <summary>Approved cases whose share of <paramref name="payer"/> is due and not yet paid.</summary>
    private static IQueryable<CaseRow> Unpaid(CasesDbContext db, IQueryable<CaseRow> q, string payer)
    {
        q = q.Where(c => (c.Status == CaseStatus.Approved || c.Status == CaseStatus.Paying) && !db.Payments.Any(p => p.CaseId == c.Id && p.Payer == payer));
        return payer == Payer.City ? q.Where(c => c.CityShare > 0) : q.Where(c => c.DistrictShare > 0);
    }
}
