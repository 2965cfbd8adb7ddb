using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Supervision.Tasks;

/// <summary>Settings of the task ledger (任务台账).</summary>
public sealed class TaskLedgerOptions
{
    /// <summary>A task not done with no progress report for this many months is stalled (停滞预警).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int StalledMonths { get; set; } = 2;
}

/// <summary>
/// One unit's line of a task as of a month (任务进展): its latest report up to that month, and the flags — overdue
/// (past its due month and not done) and stalled (marked so, or no report for <see cref="TaskLedgerOptions.StalledMonths"/>).
/// Once the task's plan has ended (its document's window is over, or it was repealed), the line is closed with the plan:
/// <see cref="Closed"/> says 完成 or 未完成 as the plan left it at its last month, and it is no longer overdue or stalled.
/// </summary>
public sealed record TaskLine(
    int AssignmentId,
    string TaskId,
    string Document,
    string Title,
    string Unit,
    string? District,
    bool Lead,
    string Due,
    string? Status,
    int Percent,
    string? LastMonth,
    string? LastText,
    string? LastBy,
    string? Overdue,
    string? Stalled,
    bool ReportedThisMonth,
    string? Closed = null)
{
    /// <summary>完成 for a task done when its plan ended.</summary>
    public const string ClosedDone = "完成";

    /// <summary>未完成 for a task not done when its plan ended.</summary>
    public const string ClosedUndone = "未完成";

    public string StatusName => ProgressStatus.Chinese(Status);

    public bool Done => Status == ProgressStatus.Done;

    /// <summary>The unit as shown: a Shangjie department with its district, 区科工信局（上街区）.</summary>
    public string UnitName => District is { } d && !Unit.StartsWith(d, StringComparison.Ordinal) ? $"{Unit}（{d}）" : Unit;
}

/// <summary>What a ledger list may be filtered by.</summary>
public sealed record TaskFilter
{
    public string? Document { get; init; }

    public string? Unit { get; init; }

    public string? District { get; init; }

    /// <summary>A <see cref="ProgressStatus"/> code, or <c>unreported</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>overdue</c>, <c>stalled</c>, or <c>flagged</c> (either).</summary>
    public string? Flag { get; init; }

    public string? Q { get; init; }
}

/// <summary>
/// The task ledger (任务台账): the tasks of the documents loaded with their units and due months, each unit's lines as
/// of a month with their flags, within the caller's reach. Progress is written by <see cref="ProgressReports"/>.
/// </summary>
public sealed class TaskLedger(IDbContextFactory<TaskLedgerDbContext> contexts, PolicyCatalog catalog, TaskLedgerOptions options, TimeProvider clock)
{
    public TaskLedgerOptions Options => options;

    /// <summary>The month the ledger opens on: this month.</summary>
    public string ThisMonth => Months.Of(BeijingTime.Of(clock.GetUtcNow()));

    /// <summary>The ledger's clock, for those that write into it on its behalf (the demo's history).</summary>
    public TimeProvider Clock => clock;

    /// <summary>
    /// Brings the ledger's tasks in line with the catalogue: new tasks and units are added, texts, units and due months
    /// updated; progress already reported is never touched. Returns how many tasks the ledger holds.
    /// </summary>
    public async Task<int> LoadAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var existing = await db.Tasks.Include(t => t.Assignments).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancel);
        var now = clock.GetUtcNow().UtcDateTime;
        var seq = 0;
        foreach (var document in catalog.Documents)
        {
            foreach (var task in document.Tasks)
            {
                seq++;
                if (!existing.TryGetValue(task.Id, out var row))
                {
                    row = new LedgerTaskRow { Id = task.Id, LoadedAt = now };
                    db.Tasks.Add(row);
                }

                var (due, basis) = TaskUnits.DueOf(document, task);
                row.Document = document.Id;
                row.Seq = seq;
                // A stray "**" the text carries before some titles (zzb2020-19/14) is not part of the title.
                row.Title = Clip(task.Title.TrimStart('*', ' '), 200);
                row.Text = Clip(task.Text.TrimStart('*', ' '), 8000);
                row.Lead = Clip(string.Join("、", task.Lead), 1000);
                row.Responsible = Clip(string.Join("、", task.Responsible), 2000);
                row.Due = due;
                row.DueBasis = Clip(basis, 100);
                foreach (var (unit, district, lead) in TaskUnits.Of(document, task))
                {
                    var a = row.Assignments.FirstOrDefault(x => x.Unit == unit);
                    if (a is null)
                    {
                        row.Assignments.Add(new LedgerAssignmentRow { Unit = Clip(unit, 100), District = district, Lead = lead });
                    }
                    else
                    {
                        a.District = district;
                        a.Lead = lead;
                    }
                }
            }
        }

        await db.SaveChangesAsync(cancel);
        return seq;
    }

    /// <summary>Every line within reach as of the month, in ledger order (task, then lead units first).</summary>
    public async Task<IReadOnlyList<TaskLine>> LinesAsync(Actor actor, string month, TaskFilter? filter = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        filter ??= new TaskFilter();
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var rows = db.Assignments.AsNoTracking().Visible(actor);
        if (!string.IsNullOrWhiteSpace(filter.Document))
        {
            rows = rows.Where(a => a.Task!.Document == filter.Document);
        }

        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            rows = rows.Where(a => a.Unit == filter.Unit);
        }

        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            rows = rows.Where(a => a.District == filter.District);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            rows = rows.Where(a => a.Task!.Title.Contains(q) || a.Task.Id.Contains(q) || a.Unit.Contains(q));
        }

        var heads = await rows
            .OrderBy(a => a.Task!.Seq).ThenByDescending(a => a.Lead).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.TaskId, a.Task!.Document, a.Task.Title, a.Unit, a.District, a.Lead, a.Task.Due, a.Task.LoadedAt })
            .ToListAsync(cancel);
        var ids = heads.Select(h => h.Id).ToList();
        var reports = (await db.Progress.AsNoTracking()
                .Where(p => ids.Contains(p.AssignmentId) && string.Compare(p.Month, month) <= 0)
                .Select(p => new { p.AssignmentId, p.Month, p.Status, p.Percent, p.Text, p.ReportedBy })
                .ToListAsync(cancel))
            .GroupBy(p => p.AssignmentId)
            .ToDictionary(g => g.Key, g => g.ToList());

        // A draft's tasks (征求意见稿: sj-sangao) have not been assigned yet: nothing is due, nothing is late.
        var drafts = catalog.Documents.Where(d => !d.Adopted).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var ends = catalog.Documents.Select(d => (d.Id, End: EndMonth(d))).Where(d => d.End is not null).ToDictionary(d => d.Id, d => d.End!, StringComparer.Ordinal);
        var lines = new List<TaskLine>(heads.Count);
        foreach (var h in heads)
        {
            // A plan that has ended is judged as it stood in its last month: what was reported after it does not count.
            var end = ends.GetValueOrDefault(h.Document);
            var closed = end is not null && string.CompareOrdinal(month, end) > 0;
            var last = reports.GetValueOrDefault(h.Id)?.Where(p => !closed || string.CompareOrdinal(p.Month, end) <= 0).MaxBy(p => p.Month);
            var done = last?.Status == ProgressStatus.Done;
            string? overdue = null, stalled = null;
            if (!done && !closed && !drafts.Contains(h.Document))
            {
                var late = Months.Between(h.Due, month);
                overdue = late > 0 ? $"逾期{late}个月（时限{Months.Chinese(h.Due)}）" : null;
                if (last?.Status == ProgressStatus.Stalled)
                {
                    stalled = "报告为停滞";
                }
                else if (last is not null && Months.Between(last.Month, month) >= options.StalledMonths)
                {
                    stalled = $"{Months.Between(last.Month, month)}个月未报送进展（最近一次{Months.Chinese(last.Month)}）";
                }
                else if (last is null && Months.Between(Months.Of(h.LoadedAt), month) >= options.StalledMonths)
                {
                    stalled = $"纳入台账（{Months.Chinese(Months.Of(h.LoadedAt))}）以来未报送进展";
                }
            }

            var line = new TaskLine(h.Id, h.TaskId, h.Document, h.Title, h.Unit, h.District, h.Lead, h.Due, last?.Status, last?.Percent ?? 0,
                last?.Month, last?.Text, last?.ReportedBy, overdue, stalled, last?.Month == month,
                closed ? (done ? TaskLine.ClosedDone : TaskLine.ClosedUndone) : null);
            if (Keep(line, filter))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>One task with its units' lines and every report, newest first; null when unknown or none of its units is in reach.</summary>
    public async Task<(LedgerTaskRow Task, IReadOnlyList<TaskLine> Lines, IReadOnlyList<LedgerProgressRow> Reports)?> TaskAsync(Actor actor, string id, string month, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancel);
        if (task is null)
        {
            return null;
        }

        var lines = (await LinesAsync(actor, month, new TaskFilter(), cancel)).Where(l => l.TaskId == id).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var ids = lines.Select(l => l.AssignmentId).ToList();
        var reports = await db.Progress.AsNoTracking().Include(p => p.Assignment)
            .Where(p => ids.Contains(p.AssignmentId))
            .OrderByDescending(p => p.Month).ThenBy(p => p.AssignmentId)
            .ToListAsync(cancel);
        return (task, lines, reports);
    }

    /// <summary>The units within reach, in ledger order (city units first, then districts), for the filters.</summary>
    public async Task<IReadOnlyList<(string Unit, string? District)>> UnitsAsync(Actor actor, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var units = await db.Assignments.AsNoTracking()
            .Visible(actor)
            .Select(a => new { a.Unit, a.District }).Distinct().ToListAsync(cancel);
        return [.. units
            .OrderBy(u => u.District is null ? 0 : 1)
            .ThenBy(u => u.District is null ? 0 : Engine.Model.Vocabulary.Districts.ToList().IndexOf(u.District))
            .ThenBy(u => u.Unit == u.District ? 0 : 1)
            .ThenBy(u => u.Unit, StringComparer.Ordinal)
            .Select(u => (u.Unit, u.District))];
    }

    /// <summary>The lines the reporter may report for, as of the month (the form's choices and the template's rows).</summary>
    public async Task<IReadOnlyList<TaskLine>> ReportableAsync(Actor reporter, string month, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        var lines = await LinesAsync(Actor.System("ledger"), month, null, cancel);
        return [.. lines.Where(l => reporter.CanReport(l.District, l.Unit))];
    }

    /// <summary>
    /// The last month of a plan that has ended: the month before its repeal, else its window's last month; null while it
    /// runs open-ended (zzb2022-zjtx sets no end) or is a draft not in force.
    /// </summary>
    public static string? EndMonth(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var end = document.Repealed is { } r ? r.On.AddDays(-1)
            : document.Window is { } w && w.To != DateOnly.MaxValue ? w.To
            : (DateOnly?)null;
        return end is { } e && document.Adopted ? TaskUnits.Month(e.Year, e.Month) : null;
    }

    private static bool Keep(TaskLine line, TaskFilter f) =>
        (string.IsNullOrWhiteSpace(f.Status) || (f.Status == "unreported" ? line.Status is null : line.Status == f.Status))
        && f.Flag switch
        {
            "overdue" => line.Overdue is not null,
            "stalled" => line.Stalled is not null,
            "flagged" => line.Overdue is not null || line.Stalled is not null,
            _ => true,
        };

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
