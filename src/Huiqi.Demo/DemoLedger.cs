using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Demo;

/// <summary>
/// The demo city's supervision ledger (演示数据): the library selections of the demo years with two changes by hand, and
/// six months of progress reports ending this month, so that lists, histories and a bulletin with overdue and stalled
/// tasks are there on a fresh start. Deterministic for a seed (the months are counted back from this month); done once,
/// when the ledger holds no selection yet.
/// </summary>
public static class DemoLedger
{
    public const string Actor = "demo-data";

    /// <summary>Seeds an empty ledger; returns false when it already holds a selection (left as it is).</summary>
    public static async Task<bool> SeedIfEmptyAsync(
        IDbContextFactory<TaskLedgerDbContext> contexts,
        LibrarySelection selection,
        LibraryRegister register,
        TaskLedger ledger,
        IReadOnlyList<int> years,
        int seed,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(years);
        if (await register.LatestYearAsync(cancel) is not null)
        {
            return false;
        }

        await selection.RunAsync(years, LibraryEventRow.BySelection, cancel);
        await ByHandAsync(contexts, register, years[^1], cancel);
        await ProgressAsync(contexts, ledger, seed, cancel);
        return true;
    }

    /// <summary>A district's two decisions of the last year: one enterprise taken out of the Sangao library, one put into the reserve.</summary>
    private static async Task ByHandAsync(IDbContextFactory<TaskLedgerDbContext> contexts, LibraryRegister register, int year, CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var sangao = await db.Memberships.AsNoTracking().Where(m => m.Library == LibraryDefinitions.Sangao && m.Active).OrderBy(m => m.Uscc).FirstOrDefaultAsync(cancel);
        if (sangao is not null)
        {
            await register.RemoveAsync(Huiqi.Store.Actor.DistrictReviewerOf(sangao.District, "shangjie-review"), sangao.Library, sangao.Uscc, "企业书面申请暂缓纳入，经区科工信局核实同意出库", year, "shangjie-review", cancel);
        }

        var inReserve = await db.Memberships.AsNoTracking().Where(m => m.Library == LibraryDefinitions.SmallToAbove).Select(m => m.Uscc).ToListAsync(cancel);
        var candidate = await db.Memberships.AsNoTracking()
            .Where(m => m.Library == LibraryDefinitions.Zjtx && m.Tier == "reserve" && m.Active && !inReserve.Contains(m.Uscc))
            .OrderBy(m => m.Uscc).FirstOrDefaultAsync(cancel);
        if (candidate is not null)
        {
            await register.AddAsync(Huiqi.Store.Actor.DistrictReviewerOf(candidate.District, "district-review"), LibraryDefinitions.SmallToAbove, candidate.Uscc, null,
                "创新型中小企业，本年前三季度主营业务收入增长较快，经区工信部门实地核实纳入储备", year, "district-review", cancel);
        }
    }

    /// <summary>
    /// Six months of reports: most lines done along the way, some going on, some silent for months, some reported
    /// stalled, a few never reported — the ledger is opened six months back so the silent ones are flagged.
    /// </summary>
    private static async Task ProgressAsync(IDbContextFactory<TaskLedgerDbContext> contexts, TaskLedger ledger, int seed, CancellationToken cancel)
    {
        var now = ledger.ThisMonth;
        var first = Months.Add(now, -5);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var opened = new DateTime(int.Parse(first[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(first[5..], System.Globalization.CultureInfo.InvariantCulture), 1, 0, 0, 0, DateTimeKind.Utc);
        await db.Tasks.ExecuteUpdateAsync(s => s.SetProperty(t => t.LoadedAt, opened), cancel);
        var lines = await db.Assignments.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Unit, a.District }).ToListAsync(cancel);
        var rng = new Random(seed);
        var clockNow = ledger.Clock.GetUtcNow().UtcDateTime;
        foreach (var line in lines)
        {
            var by = line.District is null ? "city-review" : line.District;
            var kind = rng.NextDouble();
            // done in month k | going on to the end | silent after month k | reported stalled | never
            var (stop, status) = kind switch
            {
                < 0.55 => (rng.Next(0, 6), ProgressStatus.Done),
                < 0.80 => (5, ProgressStatus.InProgress),
                < 0.90 => (rng.Next(0, 3), ProgressStatus.InProgress),
                < 0.96 => (rng.Next(3, 6), ProgressStatus.Stalled),
                _ => (-1, ProgressStatus.NotStarted),
            };
            var percent = rng.Next(10, 40);
            for (var k = 0; k <= stop; k++)
            {
                var last = k == stop;
                percent = last && status == ProgressStatus.Done ? 100 : Math.Min(95, percent + rng.Next(5, 20));
                var s = last ? status : ProgressStatus.InProgress;
                db.Progress.Add(new LedgerProgressRow
                {
                    AssignmentId = line.Id,
                    Month = Months.Add(first, k),
                    Status = s,
                    Percent = s == ProgressStatus.Stalled ? Math.Min(percent, 60) : percent,
                    Text = s switch
                    {
                        ProgressStatus.Done => $"{line.Unit}已完成该项任务，形成工作总结并报市工信局备案。",
                        ProgressStatus.Stalled => $"{line.Unit}反映：项目用地和资金尚未落实，推进受阻，请求协调。",
                        _ => $"{line.Unit}按计划推进，本月召开专题推进会，累计完成{percent}%。",
                    },
                    ReportedBy = by,
                    // Reported on the 25th of its month at 09:00 Beijing time (01:00 UTC), never after now.
                    ReportedAt = ReportedOn(Months.Add(first, k), clockNow),
                });
            }
        }

        await db.SaveChangesAsync(cancel);
    }

    /// <summary>The 25th of a month at 09:00 Beijing time (01:00 UTC), or now if that is still to come.</summary>
    private static DateTime ReportedOn(string month, DateTime now)
    {
        var at = new DateTime(int.Parse(month[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(month[5..], System.Globalization.CultureInfo.InvariantCulture), 25, 1, 0, 0, DateTimeKind.Utc);
        return at < now ? at : now;
    }
}
