using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
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
public sealed partial class CaseWorkflow(CasesDatabase cases, HuiqiDatabase registry, PolicyCatalog catalog, TimeProvider clock, CaseSettings? settings = null)
{
    public CaseSettings Settings { get; } = settings ?? new CaseSettings();

    public WorkingCalendar Calendar { get; } = WorkingCalendar.China;

    /// <summary>Today in Zhengzhou: deadlines and notice periods are counted in local days.</summary>
    public DateOnly Today => clock.Today();

    /// <summary>The open transaction of <see cref="TogetherAsync"/>, for the steps taken inside it.</summary>
    private readonly AsyncLocal<Together?> _together = new();

    private sealed record Together(CasesDbContext Db, IDbContextTransaction Tx, ChainCursor Cursor);

    /// <summary>
    /// Takes the steps <paramref name="work"/> takes in one transaction (批量办理): the decision log's lock is taken once,
    /// each step is checked, changed and logged as it would be alone, and all of them commit together or not at all.
    /// For the platform's own bulk work (the demo's history); a person's step is always its own transaction.
    /// </summary>
    public async Task TogetherAsync(Func<Task> work, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_together.Value is not null)
        {
            throw new InvalidOperationException("steps taken together cannot be nested");
        }

        await using var db = cases.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var cursor = await DecisionLog.LockAsync(db, cancel);
        _together.Value = new Together(db, tx, cursor);
        try
        {
            await work();
        }
        finally
        {
            _together.Value = null;
        }

        await tx.CommitAsync(cancel);
    }

    private async Task<T> DecideAsync<T>(Func<CasesDbContext, ChainCursor, IDbContextTransaction, Task<T>> work, CancellationToken cancel)
    {
        if (_together.Value is { } open)
        {
            var done = await work(open.Db, open.Cursor, open.Tx);
            await DecisionLog.FlushAsync(open.Db, open.Cursor, cancel);
            await SaveAsync(open.Db, cancel);
            open.Db.ChangeTracker.Clear(); // each step reads afresh what it needs: keep the context small
            return done;
        }

        await using var db = cases.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var cursor = await DecisionLog.LockAsync(db, cancel);
        var result = await work(db, cursor, tx);
        await DecisionLog.FlushAsync(db, cursor, cancel);
        await SaveAsync(db, cancel);
        await tx.CommitAsync(cancel);
        return result;
    }

    private static async Task SaveAsync(CasesDbContext db, CancellationToken cancel)
    {
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
    }

    private Task<CaseRow> StepAsync(long id, int version, Actor actor, string action, Func<CaseRow, CasesDbContext, IDbContextTransaction, Task<object>> change, CancellationToken cancel) =>
        DecideAsync(async (db, cursor, tx) =>
        {
            var c = await FindAsync(db, id, actor, cancel);
            if (c.Version != version)
            {
                throw CaseException.Conflict(
                    $"该事项已被他人处理，现为“{c.Status.Chinese()}”，请刷新页面后再操作",
                    $"case {id} is at version {c.Version}, not {version}");
            }

            var from = c.Status;
            var detail = await change(c, db, tx);
            var now = clock.GetUtcNow().UtcDateTime;
            c.Version++;
            c.UpdatedAt = now;
            DecisionLog.Append(db, cursor, actor, action, c, $"{from.Code()}→{c.Status.Code()}", detail, now);
            return c;
        }, cancel);

    private static async Task<CaseRow> FindAsync(CasesDbContext db, long id, Actor actor, CancellationToken cancel)
    {
        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == id, cancel);
        return c is null || !actor.Sees(c) ? throw CaseException.NotFound(id) : c;
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
    private static void Move(CaseRow c, CaseStep step, CaseStatus to)
    {
        if (!CasePath.Allows(c.Status, step, to))
        {
            throw new InvalidOperationException($"{c.Status.Code()} --{step}--> {to.Code()} is not in the case steps' table");
        }

        c.Status = to;
    }

    private static void RequireStatus(CaseRow c, IReadOnlyList<CaseStatus> statuses)
    {
        if (!statuses.Contains(c.Status))
        {
            throw CaseException.Conflict(
                $"事项当前状态为“{c.Status.Chinese()}”，不能办理这一步（应为：{string.Join("、", statuses.Select(CaseStatuses.Chinese))}）",
                $"case is {c.Status.Code()}, expected {string.Join(" or ", statuses.Select(CaseStatuses.Code))}");
        }
    }

    private static string RequireReason(string reason, string what = "请填写理由") =>
        string.IsNullOrWhiteSpace(reason)
            ? throw CaseException.Invalid(what, "a reason is required")
            : CaseLimits.Text(reason, "理由", CaseLimits.Reason);
}
