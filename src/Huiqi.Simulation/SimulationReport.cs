namespace Huiqi.Simulation;

/// <summary>An amount under the baseline and under the reform, in yuan.</summary>
public readonly record struct Amounts(decimal Baseline, decimal Reform)
{
    public decimal Delta => Reform - Baseline;

    public static Amounts operator +(Amounts a, Amounts b) => new(a.Baseline + b.Baseline, a.Reform + b.Reform);
}

/// <summary>
/// One award line (a clause and item of one enterprise) that the reform changes: its amount and its split between city
/// and district under both, and why it is paid as it is under the reform (the reform's sentence, or why it is not paid).
/// </summary>
public sealed record LineChange(string Clause, string? Item, Amounts Amount, Amounts City, Amounts District, string Reason)
{
    /// <summary>The event date of the line (the reform's, or the baseline's where the reform no longer pays it): what put it in its award year.</summary>
    public DateOnly EventDate { get; init; }
}

/// <summary>An enterprise whose total the reform changes, with the lines that change and why.</summary>
public sealed record Mover(string Uscc, string Name, string District, Amounts Total, IReadOnlyList<LineChange> Lines);

/// <summary>A line of the population that could not be read: it is reported and skipped.</summary>
public sealed record BadLine(long Line, string Message);

/// <summary>How many enterprises' answers a change of the reform altered (0: the change had no effect on this population).</summary>
public sealed record ChangeEffect(int Index, ReformChange Change, long Affected);

/// <summary>
/// The difference a reform makes to a population in one award year: totals, by clause, by district and by payer, who
/// gains and who loses, and whether each change had any effect.
/// </summary>
public sealed record SimulationReport
{
    public required string ReformId { get; init; }
    public required string Title { get; init; }
    public required int Year { get; init; }

    /// <summary>Dossiers evaluated (bad lines are not counted).</summary>
    public required long Dossiers { get; init; }

    public required long BadLines { get; init; }

    /// <summary>The first bad lines, with what was wrong.</summary>
    public required IReadOnlyList<BadLine> Errors { get; init; }

    public required Amounts Total { get; init; }

    /// <summary>Every clause that pays under either, in catalogue order.</summary>
    public required IReadOnlyList<KeyValuePair<string, Amounts>> ByClause { get; init; }

    /// <summary>Every district with an enterprise paid under either (the enterprise's district), in the order of the districts list.</summary>
    public required IReadOnlyList<KeyValuePair<string, Amounts>> ByDistrict { get; init; }

    /// <summary><c>city</c> and <c>district</c>: what city finance and the districts' finance pay (interpretation.md rule 9).</summary>
    public required IReadOnlyList<KeyValuePair<string, Amounts>> ByPayer { get; init; }

    /// <summary>What each district's own finance pays (its share of the split awards of its enterprises): what it must budget.</summary>
    public required IReadOnlyList<KeyValuePair<string, Amounts>> DistrictShares { get; init; }

    public required long Gainers { get; init; }
    public required long Losers { get; init; }
    public required long Unchanged { get; init; }

    /// <summary>The largest gains, largest first.</summary>
    public required IReadOnlyList<Mover> TopGainers { get; init; }

    /// <summary>The largest losses, largest first.</summary>
    public required IReadOnlyList<Mover> TopLosers { get; init; }

    public required IReadOnlyList<ChangeEffect> Changes { get; init; }

    /// <summary>The changes that altered no enterprise's answer: a reform that silently fails to apply must never pass unseen.</summary>
    public IReadOnlyList<ChangeEffect> NoEffect => Changes.Where(c => c.Affected == 0).ToList();
}
