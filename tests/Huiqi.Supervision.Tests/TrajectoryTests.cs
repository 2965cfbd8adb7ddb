using Huiqi.Engine.Catalog;
using Huiqi.Policies;
using Huiqi.Supervision.Monitoring;

namespace Huiqi.Supervision.Tests;

/// <summary>
/// The path to a target and where an actual stands on it, with figures worked out from the documents: zzb2020-19
/// Annex 1 and 二, zzb2022-zjtx 二 (issued 2022-04-12, targets for 2025).
/// </summary>
public sealed class TrajectoryTests
{
    private static readonly PolicyCatalog Catalog = PolicySource.Load().Catalog!;

    private static Target Annex1(string district, string indicator) =>
        Catalog.Targets.Single(t => t.Source == "zzb2020-19/附件1" && t.Scope == district && t.Indicator == indicator);

    private static (Trajectory Path, Progress Progress) Judge(Target t, decimal? actual, int year, int month, decimal baseline = 0m)
    {
        var start = Trajectory.StartOf(t, Catalog.Document(t.Document)?.Window?.From);
        var kind = Trajectory.KindOf(t) == PathKind.Level && start.Year == t.Year ? PathKind.Level : PathKind.Cumulative;
        var path = new Trajectory(kind, start, t.Year, baseline, t.Value);
        return (path, Progress.Of(t, path, actual, year, month));
    }

    [Fact]
    public void An_at_least_rate_must_hold_the_target_every_month()
    {
        // Annex 1: 金水区 规上工业增加值预期增速 5%. 以月保季、以季保年: the cumulative rate must be 5% in every month.
        var t = Annex1("金水区", "规上工业增加值增速");
        Assert.Equal(5m, t.Value);
        var (path, june) = Judge(t, 4.2m, 2020, 6);
        Assert.All(path.PathOfYear(), v => Assert.Equal(5m, v));
        // 1–6月 4.2% against 5%: behind by 0.8 percentage points.
        Assert.Equal(TargetState.Behind, june.State);
        Assert.Equal(0.8m, june.Gap);
        Assert.Equal("0.8 个百分点", Progress.GapText(june.Gap, t.Unit));
        Assert.Equal(TargetState.OnTrack, Judge(t, 5.3m, 2020, 6).Progress.State);
        // December's cumulative figure is the year's: 5.0% meets 5%.
        Assert.Equal(TargetState.Met, Judge(t, 5.0m, 2020, 12).Progress.State);
        Assert.Equal(TargetState.NotReported, Judge(t, null, 2020, 6).Progress.State);
    }

    [Fact]
    public void An_at_least_count_builds_up_month_by_month_and_a_shortfall_warns_with_its_amount()
    {
        // Annex 1: 郑州高新区 规上工业新增入库企业 30 户 in 2020: 2.5 a month, so 15 by the end of June.
        var t = Annex1("郑州高新区", "规上工业新增入库企业数量");
        var (path, june) = Judge(t, 12m, 2020, 6);
        Assert.Equal(2.5m, path.NeededAt(2020, 1));
        Assert.Equal(15m, june.Needed);
        Assert.Equal(TargetState.Behind, june.State);
        Assert.Equal(3m, june.Gap);
        // 3 short of 15 is 20% of what was needed.
        Assert.Equal(20m, june.RelativeGap);
        var line = new TargetLine(t, path, june, TargetBoard.Registry);
        Assert.Equal("郑州高新区 规上工业新增入库企业数量 2020年1–6月 12 户，低于序时进度 15 户，差 3 户", line.Warning);
        // 31 entries by September already meet the year's 30.
        Assert.Equal(TargetState.Met, Judge(t, 31m, 2020, 9).Progress.State);
    }

    [Fact]
    public void An_about_target_is_met_within_a_tenth_either_side()
    {
        // zzb2020-19 二: 规上工业增加值增长 7% 左右, read as 6.3%–7.7%.
        var t = Catalog.Targets.Single(t => t.Source == "zzb2020-19/二" && t.Indicator == "规上工业增加值增速");
        Assert.Equal(TargetDirection.About, t.Direction);
        var low = Judge(t, 6.0m, 2020, 12).Progress;
        Assert.Equal(TargetState.Behind, low.State);
        Assert.Equal(0.3m, low.Gap);
        Assert.False(low.Above);
        Assert.Equal(TargetState.Met, Judge(t, 7.5m, 2020, 12).Progress.State);
        Assert.Equal(TargetState.Met, Judge(t, 6.3m, 2020, 12).Progress.State);
        var high = Judge(t, 8.0m, 2020, 12).Progress;
        Assert.Equal(TargetState.Behind, high.State);
        Assert.True(high.Above);
        Assert.Equal(0.3m, high.Gap);
    }

    [Fact]
    public void An_at_most_target_comes_down_its_path()
    {
        // No document sets an at-most target yet; one of the form "降到 100 以下" from 120 at the start of the year:
        // the path falls 20/12 a month, to 110 at the end of June.
        var t = new Target("test", "test/1", "city", "单位工业增加值能耗", "吨标准煤", TargetDirection.AtMost, 100m, 2020, [], new ReportedActual(), "test.yaml", 1);
        var path = new Trajectory(PathKind.Cumulative, new DateOnly(2020, 1, 1), 2020, 120m, 100m);
        Assert.Equal(110m, path.NeededAt(2020, 6));
        var behind = Progress.Of(t, path, 112m, 2020, 6);
        Assert.Equal(TargetState.Behind, behind.State);
        Assert.Equal(2m, behind.Gap);
        Assert.Equal(TargetState.OnTrack, Progress.Of(t, path, 109m, 2020, 6).State);
        Assert.Equal(TargetState.Met, Progress.Of(t, path, 99m, 2020, 12).State);
        Assert.Equal(TargetState.Behind, Progress.Of(t, path, 101m, 2020, 12).State);
    }

    [Fact]
    public void A_2025_target_runs_from_the_month_its_document_was_issued()
    {
        // zzb2022-zjtx (2022-04-12): 国家专精特新“小巨人” 130 by 2025. April 2022 to December 2025 is 45 months; from a
        // baseline of 40, by December 2023 (21 months) the path stands at 40 + 90 × 21 / 45 = 82.
        var t = Catalog.Targets.Single(t => t.Source == "zzb2022-zjtx/二" && t.Indicator == "国家专精特新“小巨人”企业数量");
        var (path, progress) = Judge(t, 80m, 2023, 12, baseline: 40m);
        Assert.Equal(new DateOnly(2022, 4, 1), path.Start);
        Assert.Equal(45, path.Months);
        Assert.Equal(82m, progress.Needed);
        Assert.Equal(TargetState.Behind, progress.State);
        Assert.Equal(2m, progress.Gap);
    }

    [Fact]
    public void The_board_judges_reported_targets_on_their_latest_month()
    {
        // 金水区 reports 1–3月 4.0% then 1–6月 5.5% for 规上工业增加值增速 (target 5%): June counts, on track.
        var reports = new[]
        {
            new IndicatorReportRow { District = "金水区", Indicator = "规上工业增加值增速", Year = 2020, Month = 3, Value = 4.0m, Unit = "%" },
            new IndicatorReportRow { District = "金水区", Indicator = "规上工业增加值增速", Year = 2020, Month = 6, Value = 5.5m, Unit = "%" },
        };
        var lines = TargetBoard.For(Catalog, 2020, null, reports, new DateOnly(2020, 7, 15));
        var line = lines.Single(l => l.Target.Scope == "金水区" && l.Target.Indicator == "规上工业增加值增速");
        Assert.Equal(5.5m, line.Progress.Actual);
        Assert.Equal(6, line.Progress.AsOfMonth);
        Assert.Equal(TargetState.OnTrack, line.Progress.State);
        // The 64 Annex 1 targets (16 districts × 4) are all on the board; what 金水区 has not reported stays so.
        Assert.Equal(64, lines.Count(l => l.Target.Source == "zzb2020-19/附件1"));
        Assert.Equal(TargetState.NotReported, lines.Single(l => l.Target.Scope == "金水区" && l.Target.Indicator == "工业投资增速").Progress.State);
    }
}
