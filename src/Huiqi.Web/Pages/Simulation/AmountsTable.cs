using Huiqi.Simulation;

namespace Huiqi.Web.Pages.Simulation;

/// <summary>
/// One breakdown of a simulation (by district, clause or payer) as the pages show it: a chart of the change beside the
/// table of 现行 / 调整后 / 增减 it is drawn from (<c>_AmountsTable.cshtml</c>).
/// </summary>
/// <param name="Id">The section's id on the page.</param>
/// <param name="Title">The heading, e.g. 按区县.</param>
/// <param name="KeyHeader">The first column's header, e.g. 区县.</param>
/// <param name="Rows">The breakdown, in the report's order.</param>
/// <param name="Label">How a key is written in the table (a clause id with its title, 市级财政 for <c>city</c>).</param>
/// <param name="ChartLabel">How a key is written beside a bar, where a long title would not fit; the table's label when null.</param>
public sealed record AmountsTable(string Id, string Title, string KeyHeader, IReadOnlyList<KeyValuePair<string, Amounts>> Rows, Func<string, string> Label, Func<string, string>? ChartLabel = null)
{
    public string Short(string key) => (ChartLabel ?? Label)(key);

    /// <summary>The rows the chart draws: those that change, or every row when nothing does (so an empty chart still says 0).</summary>
    public IReadOnlyList<KeyValuePair<string, Amounts>> Charted =>
        Rows.Any(r => r.Value.Delta != 0) ? [.. Rows.Where(r => r.Value.Delta != 0)] : Rows;

    public Amounts Sum => Rows.Aggregate(default(Amounts), (s, r) => s + r.Value);
}
