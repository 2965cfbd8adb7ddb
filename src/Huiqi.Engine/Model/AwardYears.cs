using Huiqi.Engine.Catalog;

namespace Huiqi.Engine.Model;

/// <summary>What a clause pays on, which decides the award year a bureau judges it for now.</summary>
public enum AwardBasis
{
    /// <summary>A year's (or a period's) figures: 营业收入、增长、采购额、销售额、用电量、培训人数….</summary>
    Figures,

    /// <summary>An event: a title, a ranking, a project signed or completed, premises, a move, a referral.</summary>
    Events,
}

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

    /// <summary>The current award year of clauses paid on <paramref name="basis"/>.</summary>
    public int Of(AwardBasis basis) => basis == AwardBasis.Figures ? Figures : Events;

    /// <summary>A clause's current award year, by what it pays on (<see cref="Clause.Basis"/>).</summary>
    public int Of(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return Of(clause.Basis);
    }

    /// <summary>
    /// The year a screen covering the whole catalogue opens on: the figures year, the one in which every clause can be
    /// judged (an event year is still running).
    /// </summary>
    public int Catalogue => Figures;

    /// <summary>
    /// The award years offered on a year switch: the three before the figures year, the figures year and the events
    /// year, newest first (never before 2020, the oldest document's year).
    /// </summary>
    public IReadOnlyList<int> Offered => [.. Enumerable.Range(Figures - 3, Events - Figures + 4).Where(y => y >= 2020).Reverse()];

    /// <summary>How a year switch names a year: "2025年度（数据类条款的当前年度）", "2026年度（事件类条款的当前年度）", "2024年度".</summary>
    public string Name(int year) =>
        year == Figures ? $"{year}年度（数据类条款的当前年度）"
        : year == Events ? $"{year}年度（事件类条款的当前年度）"
        : $"{year}年度";
}
