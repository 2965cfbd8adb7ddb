using Huiqi.Simulation.Runs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Simulation;

/// <summary>
/// A stored simulation run: its report (totals; by district, clause and payer as chart and table; gainers and losers
/// with why; the changes that had no effect), reproduction from its snapshot, and its detail as xlsx.
/// </summary>
public sealed class RunModel(SimulationRuns runs, PolicyEngine engine) : PageModel
{
    public SimulationRunRow Run { get; private set; } = null!;

    public RunReport Report { get; private set; } = null!;

    /// <summary>Set after 复现: the run evaluated again from its snapshot.</summary>
    public Reproduction? Reproduced { get; private set; }

    public PolicyEngine Engine => engine;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancel) =>
        await LoadAsync(id, cancel) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReproduceAsync(int id, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel))
        {
            return NotFound();
        }

        Reproduced = runs.Reproduce(Run);
        return Page();
    }

    /// <summary>The detail (every changed award line) with the summary and the changes, headers in Chinese.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel))
        {
            return NotFound();
        }

        return File(runs.Workbook(Run), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"政策测算-{Run.ReformId}-{Run.Year}年度-第{Run.Id}次.xlsx");
    }

    public string ClauseLabel(string id) => $"{id} {engine.ClauseTitle(id)}";

    private async Task<bool> LoadAsync(int id, CancellationToken cancel)
    {
        if (await runs.GetAsync(id, cancel) is not { } run)
        {
            return false;
        }

        Run = run;
        Report = RunReport.Parse(run.ReportJson);
        return true;
    }
}
