using Huiqi.Simulation;
using Huiqi.Simulation.Runs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Simulation;

/// <summary>Two stored runs side by side (甲、乙): their totals and what each changes in every district.</summary>
public sealed class CompareModel(SimulationRuns runs) : PageModel
{
    public SimulationRunRow First { get; private set; } = null!;

    public SimulationRunRow Second { get; private set; } = null!;

    public RunReport A { get; private set; } = null!;

    public RunReport B { get; private set; } = null!;

    /// <summary>Every district either run pays in, in the order the reports list them.</summary>
    public IReadOnlyList<(string District, Amounts A, Amounts B)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? a, int? b, CancellationToken cancel)
    {
        if (a is null || b is null)
        {
            return Redirect("/simulation");
        }

        if (await runs.GetAsync(a.Value, cancel) is not { } first || await runs.GetAsync(b.Value, cancel) is not { } second)
        {
            return NotFound();
        }

        (First, Second, A, B) = (first, second, RunReport.Parse(first.ReportJson), RunReport.Parse(second.ReportJson));
        var inA = A.ByDistrict.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var inB = B.ByDistrict.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        Districts = [.. A.ByDistrict.Select(kv => kv.Key).Union(B.ByDistrict.Select(kv => kv.Key))
            .Select(d => (d, inA.GetValueOrDefault(d), inB.GetValueOrDefault(d)))];
        return Page();
    }
}
