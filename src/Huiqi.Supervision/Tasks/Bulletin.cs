using Huiqi.Store.Import;

namespace Huiqi.Supervision.Tasks;

/// <summary>One unit's counts in a bulletin.</summary>
public sealed record UnitSummary(string Unit, string UnitName, int Total, int NotStarted, int InProgress, int Done, int Stalled, int Unreported, int Overdue, int Flagged, int Reported);

/// <summary>
/// The monthly bulletin (月度通报) of a unit, a district or the city: how many task lines stand at each status, the
/// overdue and stalled ones named with why, and the progress reported that month.
/// </summary>
public sealed record Bulletin(
    string Month,
    string Subject,
    int StalledMonths,
    IReadOnlyList<TaskLine> Lines,
    IReadOnlyList<TaskLine> Overdue,
    IReadOnlyList<TaskLine> Stalled,
    IReadOnlyList<TaskLine> Reported,
    IReadOnlyList<UnitSummary> Units)
{
    /// <summary>Lines per status, the never-reported last (未报送).</summary>
    public IReadOnlyList<(string Name, int Count)> Counts =>
        [.. ProgressStatus.All.Select(s => (ProgressStatus.Chinese(s), Lines.Count(l => l.Status == s))), (ProgressStatus.Chinese(null), Lines.Count(l => l.Status is null))];

    public static Bulletin Build(string month, string subject, int stalledMonths, IReadOnlyList<TaskLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var units = lines.GroupBy(l => (l.Unit, l.District)).Select(g => new UnitSummary(
            g.Key.Unit,
            g.First().UnitName,
            g.Count(),
            g.Count(l => l.Status == ProgressStatus.NotStarted),
            g.Count(l => l.Status == ProgressStatus.InProgress),
            g.Count(l => l.Status == ProgressStatus.Done),
            g.Count(l => l.Status == ProgressStatus.Stalled),
            g.Count(l => l.Status is null),
            g.Count(l => l.Overdue is not null),
            g.Count(l => l.Stalled is not null),
            g.Count(l => l.ReportedThisMonth))).ToList();
        return new Bulletin(month, subject, stalledMonths, lines,
            [.. lines.Where(l => l.Overdue is not null)],
            [.. lines.Where(l => l.Stalled is not null)],
            [.. lines.Where(l => l.ReportedThisMonth)],
            units);
    }

    /// <summary>The bulletin as a workbook: 汇总, 各单位, 逾期任务, 停滞任务, 本月进展, headers in Chinese.</summary>
    public byte[] ToXlsx()
    {
        var summary = new List<Dictionary<string, object?>>
        {
            Row(("项目", "通报对象"), ("数值", Subject)),
            Row(("项目", "通报月份"), ("数值", Months.Chinese(Month))),
            Row(("项目", "任务（单位）条数"), ("数值", Lines.Count)),
        };
        summary.AddRange(Counts.Select(c => Row(("项目", c.Name), ("数值", c.Count))));
        summary.Add(Row(("项目", "逾期"), ("数值", Overdue.Count)));
        summary.Add(Row(("项目", $"停滞（含{StalledMonths}个月未报送）"), ("数值", Stalled.Count)));
        summary.Add(Row(("项目", "本月报送进展"), ("数值", Reported.Count)));

        return Workbooks.Bytes(
        [
            ("汇总", summary),
            ("各单位", Units.Select(u => Row(
                ("单位", u.UnitName), ("任务条数", u.Total), ("未开始", u.NotStarted), ("推进中", u.InProgress), ("已完成", u.Done),
                ("停滞", u.Stalled), ("未报送", u.Unreported), ("逾期", u.Overdue), ("停滞预警", u.Flagged), ("本月报送", u.Reported))).ToList()),
            ("逾期任务", Listed(Overdue, l => l.Overdue!)),
            ("停滞任务", Listed(Stalled, l => l.Stalled!)),
            ("本月进展", Listed(Reported, l => l.LastText ?? "")),
        ]);
    }

    private static List<Dictionary<string, object?>> Listed(IReadOnlyList<TaskLine> lines, Func<TaskLine, string> note)
    {
        // An empty list still has its headers: one row saying so.
        static Dictionary<string, object?> Line(TaskLine? l, Func<TaskLine, string> note) => Row(
            ("任务编号", l?.TaskId ?? "（无）"), ("任务名称", l?.Title), ("单位", l?.UnitName), ("完成时限", l is null ? null : Months.Chinese(l.Due)),
            ("进展状态", l?.StatusName), ("完成进度（%）", l?.Percent), ("最近报送月份", l?.LastMonth is null ? null : Months.Chinese(l.LastMonth)),
            ("说明", l is null ? null : note(l)));
        return lines.Count == 0 ? [Line(null, note)] : [.. lines.Select(l => Line(l, note))];
    }

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);
}
