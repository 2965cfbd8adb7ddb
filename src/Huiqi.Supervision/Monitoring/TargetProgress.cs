using System.Globalization;
using Huiqi.Engine.Catalog;

namespace Huiqi.Supervision.Monitoring;

/// <summary>Where a target stands (完成情况).</summary>
public enum TargetState
{
    /// <summary>达标: the period is over (or the final figure is in) and the target is met, or a count already reached it.</summary>
    Met,

    /// <summary>序时达标: mid-period, at or past the month's point on the path to the target.</summary>
    OnTrack,

    /// <summary>落后: short of the month's point on the path (or, the period over, of the target itself).</summary>
    Behind,

    /// <summary>未报送: no figure yet.</summary>
    NotReported,
}

/// <summary>How a target's indicator moves through its period, which decides the path to it (以月保季、以季保年).</summary>
public enum PathKind
{
    /// <summary>A rate or share (unit %), reported as the cumulative figure of the year: it must hold the target every month.</summary>
    Level,

    /// <summary>An amount or count that builds up from the baseline (新增入库企业, 工业投资 亿元, 企业数量 by 2025): a straight path.</summary>
    Cumulative,
}

/// <summary>
/// The path from a baseline to a target, month by month (序时进度): for a cumulative indicator, baseline + (target −
/// baseline) × months elapsed / months in the period; for a rate, the target itself every month ("以月保季、以季保年":
/// holding it each month holds the quarter and the year).
/// </summary>
/// <param name="Kind">Level or cumulative.</param>
/// <param name="Start">The first month of the period (1 January of the target's year, or the document's month for a multi-year target).</param>
/// <param name="Year">The target's year: the period ends with its December.</param>
/// <param name="Baseline">The figure at the period's start (0 for an amount of the year).</param>
/// <param name="Value">The target.</param>
public sealed record Trajectory(PathKind Kind, DateOnly Start, int Year, decimal Baseline, decimal Value)
{
    /// <summary>Months in the period, from <see cref="Start"/>'s month to December of <see cref="Year"/>.</summary>
    public int Months => ((Year - Start.Year) * 12) + 12 - Start.Month + 1;

    /// <summary>Months of the period elapsed at the end of (<paramref name="year"/>, <paramref name="month"/>), clamped to 0…<see cref="Months"/>.</summary>
    public int Elapsed(int year, int month) => Math.Clamp(((year - Start.Year) * 12) + month - Start.Month + 1, 0, Months);

    /// <summary>What the indicator should be at the end of the month to be on the way to the target.</summary>
    public decimal NeededAt(int year, int month) => Kind == PathKind.Level
        ? Value
        : Baseline + decimal.Round((Value - Baseline) * Elapsed(year, month) / Months, 4);

    /// <summary>The months of the target's year with the point needed at each end of month: the path a chart draws.</summary>
    public IReadOnlyList<decimal> PathOfYear() => [.. Enumerable.Range(1, 12).Select(m => NeededAt(Year, m))];

    /// <summary>The path's kind for a target: % figures are levels; everything else builds up.</summary>
    public static PathKind KindOf(Target target) => target.Unit == "%" ? PathKind.Level : PathKind.Cumulative;

    /// <summary>
    /// The first month of a target's period: a target years after its document was issued runs from that month (zzb2022-zjtx
    /// was issued in April 2022, so its 2025 targets run from April 2022); otherwise from January of the target's year.
    /// </summary>
    public static DateOnly StartOf(Target target, DateOnly? documentFrom) =>
        documentFrom is { } from && from.Year < target.Year ? new DateOnly(from.Year, from.Month, 1) : new DateOnly(target.Year, 1, 1);
}

/// <summary>The actual of a target as of a month, with where it stands and how far off it is.</summary>
/// <param name="Actual">The figure; null when nothing is reported (or counted) yet.</param>
/// <param name="AsOfYear">The year of the month the actual is for.</param>
/// <param name="AsOfMonth">The month the actual is for (the last reported month, or the month counted to).</param>
/// <param name="Needed">The path's point for that month; for a finished period, the target itself.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Gap">How far the actual falls short of <see cref="Needed"/> (or outside the ±10% band of an "about" target), in the target's unit; 0 unless behind.</param>
/// <param name="Above">For an "about" target: behind because above its band, not below.</param>
public sealed record Progress(decimal? Actual, int AsOfYear, int AsOfMonth, decimal? Needed, TargetState State, decimal Gap, bool Above)
{
    /// <summary>The gap as a share of the needed value, for sorting shortfalls of different units together.</summary>
    public decimal RelativeGap => Needed is { } n && n != 0 ? decimal.Round(Gap / Math.Abs(n) * 100m, 1) : Gap;

    /// <summary>
    /// Judges <paramref name="actual"/> for (<paramref name="year"/>, <paramref name="month"/>) against the target and its
    /// path. At least: short when below the path. At most: short when above it. About: within ±10% of the path's point;
    /// outside the band on either side is off target (the catalogue reads 左右 as a band, <see cref="Target.Met"/>).
    /// </summary>
    public static Progress Of(Target target, Trajectory path, decimal? actual, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(path);
        if (actual is not { } a)
        {
            return new Progress(null, year, month, null, TargetState.NotReported, 0m, false);
        }

        var final = path.Elapsed(year, month) >= path.Months;
        var needed = final ? target.Value : path.NeededAt(year, month);
        // A count that already stands at its final at-least target is met, whatever month it is.
        if (final || (path.Kind == PathKind.Cumulative && target.Direction == TargetDirection.AtLeast && a >= target.Value))
        {
            var (gap, above) = GapTo(target.Direction, target.Value, a);
            return new Progress(a, year, month, target.Value, gap == 0 ? TargetState.Met : TargetState.Behind, gap, above);
        }

        var (g, up) = GapTo(target.Direction, needed, a);
        return new Progress(a, year, month, needed, g == 0 ? TargetState.OnTrack : TargetState.Behind, g, up);
    }

    private static (decimal Gap, bool Above) GapTo(TargetDirection direction, decimal needed, decimal actual)
    {
        switch (direction)
        {
            case TargetDirection.AtLeast:
                return (Math.Max(0, needed - actual), false);
            case TargetDirection.AtMost:
                return (Math.Max(0, actual - needed), false);
            default:
                var band = Math.Abs(needed) / 10m;
                return actual < needed - band ? (needed - band - actual, false)
                    : actual > needed + band ? (actual - needed - band, true)
                    : (0m, false);
        }
    }

    /// <summary>The gap as a reader says it: 个百分点 for rates, else the unit.</summary>
    public static string GapText(decimal gap, string unit) =>
        unit == "%" ? $"{gap.ToString("0.##", CultureInfo.InvariantCulture)} 个百分点" : $"{gap.ToString("#,0.##", CultureInfo.InvariantCulture)} {unit}";

    /// <summary>The state in Chinese.</summary>
    public static string Chinese(TargetState state) => state switch
    {
        TargetState.Met => "已达标",
        TargetState.OnTrack => "序时达标",
        TargetState.Behind => "落后",
        _ => "未报送",
    };

    /// <summary>The state as the command line and the API write it.</summary>
    public static string Word(TargetState state) => state switch
    {
        TargetState.Met => "met",
        TargetState.OnTrack => "on-track",
        TargetState.Behind => "behind",
        _ => "not-reported",
    };
}
