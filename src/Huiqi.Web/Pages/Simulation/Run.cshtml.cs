using Huiqi.Simulation;
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

    /// <summary>Who ran it, as their account is named.</summary>

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

    /// <summary>A clause as the bureaus cite it (郑政〔2023〕23号第九条“支持企业技术改造升级”); a clause the catalogue no longer has, by its id.</summary>
    public string ClauseName(string id) => engine.Catalog.ClausesById.TryGetValue(id, out var c) ? c.Name : id;

    /// <summary>The short form, where space is tight (23号文第九条).</summary>
    public string ClauseShortName(string id) => engine.Catalog.ClausesById.TryGetValue(id, out var c) ? c.ShortName : id;

    /// <summary>
    /// A change of the run's reform in the bureau's words, from the stored reform text read again; the stored description
    /// (with ids) only when the text no longer reads.
    /// </summary>
    public string Change(ChangeLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return _changes is { } changes && line.Number >= 1 && line.Number <= changes.Count ? ReformWords.Describe(changes[line.Number - 1], engine.Catalog) : line.Change;
    }

    private IReadOnlyList<ReformChange>? _changes;

    private async Task<bool> LoadAsync(int id, CancellationToken cancel)
    {
        if (await runs.GetAsync(id, cancel) is not { } run)
        {
            return false;
        }

        Run = run;
        Report = RunReport.Parse(run.ReportJson);
        _changes = ReformReader.Read(run.ReformFile, run.ReformText).Reform?.Changes;
        return true;
    }
}
