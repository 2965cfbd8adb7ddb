using Huiqi.Engine.Catalog;

namespace Huiqi.Supervision.Monitoring;

/// <summary>One target with its path, its actual and where it stands (目标完成情况的一行).</summary>
/// <param name="Target">The target of the catalogue.</param>
/// <param name="Path">The path to it (序时进度).</param>
/// <param name="Progress">Its actual and state.</param>
/// <param name="Source"><c>registry</c> (counted) or <c>district-report</c> (reported monthly).</param>
public sealed record TargetLine(Target Target, Trajectory Path, Progress Progress, string Source)
{
    public bool IsBehind => Progress.State == TargetState.Behind;

    /// <summary>The scope as people say it: the district, or 全市.</summary>
    public string ScopeName => Target.Scope == "city" ? "全市" : Target.Scope;

    /// <summary>The warning of a target behind (预警), e.g. "金水区 规上工业增加值增速 2020年1–6月 3.2%，低于序时进度 5%，差 1.8 个百分点".</summary>
    public string? Warning => !IsBehind ? null
        : $"{ScopeName} {Target.Indicator} {Progress.AsOfYear}年{(Progress.AsOfMonth == 12 ? "全年" : $"1–{Progress.AsOfMonth}月")} {Show(Progress.Actual!.Value)}，"
          + (Progress.Above ? "高于" : Target.Direction == TargetDirection.AtMost ? "高于" : "低于")
          + (Progress.Needed == Target.Value ? "目标 " : "序时进度 ") + Show(Progress.Needed!.Value)
          + (Target.Direction == TargetDirection.About ? "（±10%）" : "")
          + $"，差 {Progress.GapText(Progress.Gap, Target.Unit)}";

    private string Show(decimal v) => Target.Unit == "%" ? $"{v:0.##}%" : $"{v:#,0.##} {Target.Unit}";
}

/// <summary>
/// Targets against actuals for a year (目标对账): each target of the catalogue in force that year, its actual from the
/// registry (counted by <see cref="RegistryFigures"/>) or from the districts' monthly reports (the latest month
/// reported within its period), the path needed to meet it in time, and its state.
/// </summary>
public static class TargetBoard
{
    public const string Registry = "registry";
    public const string Reported = "district-report";

    /// <param name="catalog">The catalogue.</param>
    /// <param name="year">The targets' year.</param>
    /// <param name="figures">The registry's counts, or null when no registry is read (counted actuals stay null).</param>
    /// <param name="reports">The districts' reports (any years; those outside a target's period are ignored).</param>
    /// <param name="today">The day the board is for: a period not over is judged against its path at that point.</param>
    public static IReadOnlyList<TargetLine> For(PolicyCatalog catalog, int year, RegistryFigures? figures, IEnumerable<IndicatorReportRow> reports, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var byKey = reports.GroupBy(r => (r.District, r.Indicator)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Year).ThenBy(r => r.Month).ToList());
        var lines = new List<TargetLine>();
        foreach (var t in catalog.Targets.Where(t => t.Year == year))
        {
            var start = Trajectory.StartOf(t, catalog.Document(t.Document)?.Window?.From);
            // A % target within one year is a level held every month; over several years (研发经费占比 by 2025) it climbs from its baseline.
            var kind = Trajectory.KindOf(t) == PathKind.Level && start.Year == t.Year ? PathKind.Level : PathKind.Cumulative;
            if (t.Actual is CountActual)
            {
                var counted = figures?.CountOf(t);
                var path = new Trajectory(kind, start, t.Year, counted?.Baseline ?? 0m, t.Value);
                var progress = counted is { } c
                    ? Progress.Of(t, path, c.Count, c.CountedTo.Year, c.CountedTo.Month)
                    : Progress.Of(t, path, null, today.Year, today.Month);
                lines.Add(new TargetLine(t, path, progress, Registry));
                continue;
            }

            var inPeriod = byKey.GetValueOrDefault((t.Scope, t.Indicator))?
                .Where(r => (r.Year, r.Month).CompareTo((start.Year, start.Month)) >= 0 && r.Year <= t.Year)
                .ToList() ?? [];
            // A single-year amount starts from nothing; a multi-year one from the first figure reported in its period.
            var baseline = kind == PathKind.Cumulative && start.Year < t.Year && inPeriod.Count > 0 ? inPeriod[0].Value : 0m;
            var reportedPath = new Trajectory(kind, start, t.Year, baseline, t.Value);
            var last = inPeriod.LastOrDefault();
            lines.Add(new TargetLine(t, reportedPath, last is null
                ? Progress.Of(t, reportedPath, null, today.Year, today.Month)
                : Progress.Of(t, reportedPath, last.Value, last.Year, last.Month), Reported));
        }

        return lines;
    }

    /// <summary>The targets behind, the largest shortfall (relative to what was needed) first: "who is behind, on what, by how much".</summary>
    public static IReadOnlyList<TargetLine> Behind(IEnumerable<TargetLine> lines) =>
        [.. lines.Where(l => l.IsBehind).OrderByDescending(l => l.Progress.RelativeGap).ThenBy(l => l.Target.Scope, StringComparer.Ordinal)];

    /// <summary>Indicators the districts (or the city, scope <c>city</c>) report monthly for targets, with their units.</summary>
    public static IReadOnlyList<(string Indicator, string Unit)> ReportedIndicators(PolicyCatalog catalog, string scope)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Targets
            .Where(t => t.Actual is ReportedActual && t.Scope == scope)
            .Select(t => (t.Indicator, t.Unit))
            .Distinct()];
    }
}
