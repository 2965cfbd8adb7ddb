using Huiqi.Store;
using Huiqi.Supervision.Tasks;
using MiniExcelLibs;

namespace Huiqi.Supervision.Tests;

/// <summary>
/// The task ledger: every task of the three documents with its lead, units and due month; progress reported by the
/// units that may; overdue and stalled lines flagged; a spreadsheet with a bad row writes nothing and says where.
/// On SQLite and PostgreSQL.
/// </summary>
public sealed class TaskLedgerTests(SupervisionDatabases databases) : IClassFixture<SupervisionDatabases>
{
    private static readonly Actor City = new("city-review", Role.CityReviewer, null, null, "test");

    [Theory]
    [BothDatabases]
    public async Task The_ledger_holds_every_task_of_the_three_documents_with_its_lead_and_units(Db db)
    {
        var l = await databases.LedgerAsync(db);
        Assert.Equal(49 + 33 + 21, await l.Tasks.LoadAsync());
        Assert.Equal(49 + 33 + 21, await l.Tasks.LoadAsync()); // loading again adds nothing

        await using var ctx = l.Database.CreateDbContext();
        var tasks = ctx.Tasks.OrderBy(t => t.Seq).ToList();
        Assert.Equal(49, tasks.Count(t => t.Document == "zzb2020-19"));
        Assert.Equal(33, tasks.Count(t => t.Document == "zzb2022-zjtx"));
        Assert.Equal(21, tasks.Count(t => t.Document == "sj-sangao"));
        var t2 = tasks.Single(t => t.Id == "zzb2020-19/2");
        Assert.Equal(("强化目标跟踪管理", "市工信局", "2020-12"), (t2.Title, t2.Lead, t2.Due));
        Assert.Equal("明确招商引资目标", tasks.Single(t => t.Id == "zzb2020-19/14").Title);
        Assert.Equal("区科工信局、区发改委", tasks.Single(t => t.Id == "sj-sangao/2.2").Lead);
        // "到2025年" in zzb2022-zjtx 二 is a goal, not a task's time: its tasks are due at the end of 2022.
        Assert.Equal("2022-12", tasks.Single(t => t.Id == "zzb2022-zjtx/1").Due);
        Assert.Contains(tasks, t => t.Document == "sj-sangao" && t.Due == "2023-12" && t.DueBasis.Contains("2023", StringComparison.Ordinal));

        // zzb2020-19/2: 市工信局 leads, and each of the 16 districts reports its own part.
        var units = ctx.Assignments.Where(a => a.TaskId == "zzb2020-19/2").ToList();
        Assert.Single(units, a => a.Lead && a.Unit == "市工信局" && a.District == null);
        Assert.Equal(16, units.Count(a => !a.Lead && a.District == a.Unit));
        // Shangjie's own document: its departments report through 上街区.
        Assert.All(ctx.Assignments.Where(a => a.TaskId.StartsWith("sj-sangao/")).ToList(), a => Assert.Equal("上街区", a.District));
    }

    [Theory]
    [BothDatabases]
    public async Task Overdue_and_stalled_lines_are_flagged(Db db)
    {
        // zzb2022-zjtx is in force (it sets no end), and the ledger's clock stands in March 2025, inside it; its tasks
        // are due at the end of 2022, since the text names no time of their own.
        var l = await databases.LedgerAsync(db);
        await l.Tasks.LoadAsync();
        var jinshui = Actor.DistrictReviewerOf("金水区", "jinshui-review");

        await l.Reports.RecordAsync(City, new ProgressInput("zzb2022-zjtx/1", "市工信局", "2025-03", ProgressStatus.InProgress, 60, "培育库已建立，动态调整中"));
        await l.Reports.RecordAsync(jinshui, new ProgressInput("zzb2022-zjtx/2", "金水区", "2024-12", ProgressStatus.InProgress, 40, "已分解目标"));
        await l.Reports.RecordAsync(jinshui, new ProgressInput("zzb2022-zjtx/3", "金水区", "2025-03", ProgressStatus.Done, 100, "招引企业已落地"));
        await l.Reports.RecordAsync(jinshui, new ProgressInput("zzb2022-zjtx/4", "金水区", "2025-03", ProgressStatus.Stalled, 20, "资金未到位"));

        // A district reports for its own part only.
        var refused = await Assert.ThrowsAsync<LedgerException>(() =>
            l.Reports.RecordAsync(jinshui, new ProgressInput("zzb2022-zjtx/2", "二七区", "2025-03", ProgressStatus.Done, 100, "代填")));
        Assert.Contains("无权为“二七区”填报", refused.Message, StringComparison.Ordinal);

        var lines = (await l.Tasks.LinesAsync(Actor.System("test"), "2025-03")).ToDictionary(x => (x.TaskId, x.Unit));
        var zjtx = lines[("zzb2022-zjtx/1", "市工信局")];
        Assert.Equal(("推进中", 60), (zjtx.StatusName, zjtx.Percent));
        // Due 2022-12, not done in 2025-03: 27 months late (2023-01 … 2025-03).
        Assert.Contains("逾期27个月", zjtx.Overdue, StringComparison.Ordinal);
        Assert.Null(zjtx.Stalled);
        Assert.Null(zjtx.Closed);
        Assert.Contains("3个月未报送进展", lines[("zzb2022-zjtx/2", "金水区")].Stalled, StringComparison.Ordinal);
        Assert.Null(lines[("zzb2022-zjtx/3", "金水区")].Overdue);
        Assert.Null(lines[("zzb2022-zjtx/3", "金水区")].Stalled);
        Assert.Equal("报告为停滞", lines[("zzb2022-zjtx/4", "金水区")].Stalled);
        // The Shangjie draft's tasks carry a due month (2023-12) but are not yet assigned: in 2025 none is overdue or stalled.
        Assert.All(lines.Values.Where(x => x.Document == "sj-sangao"), x => Assert.Equal((null, null, null), (x.Overdue, x.Stalled, x.Closed)));
        Assert.Contains(lines.Values, x => x.Document == "sj-sangao" && x.Due == "2023-12");
        // Never reported, but opened this month: not yet stalled; two months on, it is.
        Assert.Null(lines[("zzb2022-zjtx/5", "金水区")].Stalled);
        Assert.Contains("未报送进展", (await l.Tasks.LinesAsync(Actor.System("test"), "2025-05")).Single(x => x.TaskId == "zzb2022-zjtx/5" && x.Unit == "金水区").Stalled, StringComparison.Ordinal);

        // The district's bulletin counts and names them; another district's reach does not see them.
        var mine = (await l.Tasks.LinesAsync(Actor.DistrictReviewerOf("金水区", "test"), "2025-03")).Where(x => x.Document == "zzb2022-zjtx").ToList();
        Assert.All(mine, x => Assert.Equal("金水区", x.District));
        var bulletin = Bulletin.Build("2025-03", "金水区", 2, mine);
        Assert.Contains(("已完成", 1), bulletin.Counts);
        Assert.Contains(("停滞", 1), bulletin.Counts);
        Assert.Equal(["zzb2022-zjtx/3", "zzb2022-zjtx/4"], bulletin.Reported.Select(x => x.TaskId));
        Assert.Contains(bulletin.Stalled, x => x.TaskId == "zzb2022-zjtx/2");
        Assert.DoesNotContain(bulletin.Overdue, x => x.TaskId == "zzb2022-zjtx/3");
        Assert.DoesNotContain(await l.Tasks.LinesAsync(Actor.DistrictReviewerOf("二七区", "test"), "2025-03"), x => x.District == "金水区");
    }

    [Theory]
    [BothDatabases]
    public async Task A_plan_s_tasks_close_with_it_done_or_not_done_as_it_ended(Db db)
    {
        // zzb2020-19 runs from 2020-04-14 to 2020-12-31; its tasks are loaded in June 2020, inside it.
        var l = await databases.LedgerAsync(db, new DateTimeOffset(2020, 6, 15, 2, 0, 0, TimeSpan.Zero));
        await l.Tasks.LoadAsync();
        var jinshui = Actor.DistrictReviewerOf("金水区", "jinshui-review");
        await l.Reports.RecordAsync(City, new ProgressInput("zzb2020-19/2", "市工信局", "2020-06", ProgressStatus.Done, 100, "目标已分解到各区县"));
        await l.Reports.RecordAsync(jinshui, new ProgressInput("zzb2020-19/2", "金水区", "2020-06", ProgressStatus.InProgress, 40, "已分解目标"));
        // Done after the plan ended: the plan is judged as it stood in its last month, December 2020.
        l.Clock.Now = new DateTimeOffset(2021, 2, 15, 2, 0, 0, TimeSpan.Zero);
        await l.Reports.RecordAsync(jinshui, new ProgressInput("zzb2020-19/3", "金水区", "2021-02", ProgressStatus.Done, 100, "补报：监测体系已运行"));

        // In December 2020, inside the plan: 金水区's part of /2 is due this month and in progress, /3 never reported.
        var running = (await l.Tasks.LinesAsync(Actor.System("test"), "2020-12")).ToDictionary(x => (x.TaskId, x.Unit));
        Assert.Null(running[("zzb2020-19/2", "金水区")].Closed);
        Assert.Contains("个月未报送进展", running[("zzb2020-19/2", "金水区")].Stalled, StringComparison.Ordinal);
        // One month past the end the due month is passed, but the plan is over: no 逾期1个月, a verdict instead.
        var ended = (await l.Tasks.LinesAsync(Actor.System("test"), "2021-01")).ToDictionary(x => (x.TaskId, x.Unit));
        Assert.Equal(TaskLine.ClosedDone, ended[("zzb2020-19/2", "市工信局")].Closed);
        Assert.Equal(TaskLine.ClosedUndone, ended[("zzb2020-19/2", "金水区")].Closed);
        // Reported done only in 2021-02, after the plan ended: 未完成, and the late report is not its status.
        var late = (await l.Tasks.LinesAsync(Actor.System("test"), "2026-12")).ToDictionary(x => (x.TaskId, x.Unit));
        Assert.Equal((TaskLine.ClosedUndone, null), (late[("zzb2020-19/3", "金水区")].Closed, late[("zzb2020-19/3", "金水区")].Status));
        var plan = late.Values.Where(x => x.Document == "zzb2020-19").ToList();
        Assert.All(plan, x => Assert.Equal((null, null), (x.Overdue, x.Stalled)));
        Assert.All(plan, x => Assert.Contains(x.Closed, new[] { TaskLine.ClosedDone, TaskLine.ClosedUndone }));
        Assert.Single(plan, x => x.Closed == TaskLine.ClosedDone);
        // The draft's tasks stay not due; the open-ended zzb2022-zjtx's tasks stay open.
        Assert.All(late.Values.Where(x => x.Document != "zzb2020-19"), x => Assert.Null(x.Closed));
    }

    [Theory]
    [BothDatabases]
    public async Task A_spreadsheet_with_a_bad_row_is_reported_by_row_and_column_and_nothing_is_written(Db db)
    {
        var l = await databases.LedgerAsync(db);
        await l.Tasks.LoadAsync();
        var lines = await l.Tasks.ReportableAsync(City, "2025-03");
        Assert.DoesNotContain(lines, x => x.District is not null);
        var template = ProgressReports.Template(lines, "2025-03");
        var rows = MiniExcel.Query(new MemoryStream(template), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(ProgressReports.Columns, rows[0].Keys);

        var sheet = new List<Dictionary<string, object?>>
        {
            Row("zzb2022-zjtx/1", "市工信局", "2025-03", "推进中", 50, "走访企业120家"),
            Row("zzb2022-zjtx/2", "市工信局", "2025-03", "进行中", 150, "已分解"),
            Row("zzb2022-zjtx/3", "市工信局", "2025-02", null, null, null), // not filled: skipped
        };
        var bad = await Import(l, City, sheet);
        Assert.Equal(0, bad.Written);
        Assert.Equal(2, bad.Errors.Count);
        Assert.All(bad.Errors, e => Assert.Equal(3, e.Row));
        Assert.Contains(bad.Errors, e => e.Column == "进展状态（E列）" && e.Reason.Contains("未开始、推进中、已完成、停滞", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.Column == "完成进度（%）（F列）" && e.Value == "150");
        Assert.DoesNotContain(await l.Tasks.LinesAsync(Actor.System("test"), "2025-03"), x => x.Status is not null);

        // A district's unit in a city account's sheet is refused the same way.
        var other = await Import(l, City, [Row("zzb2022-zjtx/1", "金水区", "2025-03", "推进中", 50, "代填")]);
        Assert.Equal(("填报单位（C列）", 2), (other.Errors.Single().Column, other.Errors.Single().Row));

        sheet.RemoveAt(1);
        var good = await Import(l, City, sheet);
        Assert.Empty(good.Errors);
        Assert.Equal(1, good.Written);
        Assert.Equal(("推进中", 50), (await l.Tasks.LinesAsync(Actor.System("test"), "2025-03")).Where(x => x.Status is not null).Select(x => (x.StatusName, x.Percent)).Single());
    }

    [Theory]
    [BothDatabases]
    public async Task A_progress_sheet_over_the_row_cap_is_refused_naming_the_cap(Db db)
    {
        var l = await databases.LedgerAsync(db);
        await l.Tasks.LoadAsync();
        var cap = Huiqi.Store.Import.ImportLimits.TaskProgress.MaxRows;
        // The city's template (every line it may report for) fits the cap many times over.
        Assert.InRange((await l.Tasks.ReportableAsync(City, "2025-03")).Count, 1, cap / 4);

        var over = await Import(l, City, [.. Enumerable.Range(0, cap + 1).Select(_ => Row("zzb2022-zjtx/1", "市工信局", "2025-03", "推进中", 50, "走访企业"))]);
        Assert.Equal(0, over.Written);
        var refused = Assert.Single(over.Errors);
        Assert.Equal(cap + 2, refused.Row);
        Assert.Contains("每个工作表最多 5,000 行数据", refused.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(await l.Tasks.LinesAsync(Actor.System("test"), "2025-03"), x => x.Status is not null);
    }

    private static Dictionary<string, object?> Row(string task, string unit, string month, string? status, int? percent, string? text) => new()
    {
        ["任务编号"] = task, ["任务名称"] = "", ["填报单位"] = unit, ["月份"] = month, ["进展状态"] = status, ["完成进度（%）"] = percent, ["进展情况"] = text,
    };

    private static async Task<(IReadOnlyList<Huiqi.Store.Import.ImportIssue> Errors, int Written)> Import(Ledger l, Actor reporter, List<Dictionary<string, object?>> rows)
    {
        var buffer = new MemoryStream();
        await buffer.SaveAsAsync(rows);
        buffer.Position = 0;
        return await l.Reports.ImportAsync(reporter, buffer);
    }
}
