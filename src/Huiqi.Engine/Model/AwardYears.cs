namespace Huiqi.Engine.Model;

/// <summary>
/// The award years (评估年度) a bureau works on at a given day — the one rule every screen and command opens on.
/// Clauses that pay on a year's figures (营业收入增长、采购额、销售额…) can only be judged once the year is over and its
/// statistics are in, so their current year is the last completed calendar year; clauses that pay on an event (a title,
/// a ranking, a completed project) are judged as the events happen, so theirs is the current calendar year. In
/// December 2026: figures 2025, events 2026.
/// </summary>
/// <param name="Figures">The award year of figures-based clauses: the last completed calendar year.</param>
/// <param name="Events">The award year of event-based clauses: the current calendar year.</param>
public readonly record struct AwardYears(int Figures, int Events)
{
    /// <summary>The current award years on a Beijing calendar day.</summary>
    public static AwardYears On(DateOnly today) => new(today.Year - 1, today.Year);

    /// <summary>The current award years by a clock (Beijing today).</summary>
    public static AwardYears Now(TimeProvider clock) => On(clock.Today());
}
