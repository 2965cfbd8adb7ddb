using Huiqi.Store.Import;
using Huiqi.Web.Jobs;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Pages.Cases;

/// <summary>
/// The no-application batch (免申即享批量比对) for the city: start a run for an award year, watch its district parts
/// progress on the durable scheduler, and read the result by clause and district beside the engine's own totals.
/// </summary>
public sealed class BatchModel(BatchScheduler scheduler, CaseBatch batch, CasesDatabase cases, PolicyEngine engine) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Run { get; set; }

    [BindProperty] public int Year { get; set; }

    public PolicyEngine Engine => engine;

    public IReadOnlyList<BatchRunRow> Runs { get; private set; } = [];

    public BatchRunRow? Current { get; private set; }

    public IReadOnlyList<BatchPartRow> Parts { get; private set; } = [];

    public IReadOnlyList<CaseTally> Tally { get; private set; } = [];

    public string? Error { get; private set; }

    public bool MayStart => CaseBatch.MayStart(HttpContext.Actor());

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!MayStart)
        {
            return Forbid();
        }

        try
        {
            var run = await scheduler.StartAsync(Year, HttpContext.Actor(), cancel);
            return RedirectToPage(new { run = run.Id });
        }
        catch (CaseException e)
        {
            Error = e.Chinese;
            await LoadAsync(cancel);
            return Page();
        }
    }

    /// <summary>The result of the award year as an xlsx: cases and amounts by clause and district.</summary>
    public async Task<IActionResult> OnGetExportAsync(int year, CancellationToken cancel)
    {
        var rows = (await batch.TallyAsync(year, cancel)).Select((t, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["条款"] = t.Clause,
            ["条款名称"] = engine.ClauseName(t.Clause),
            ["区县（市）"] = t.District,
            ["事项数"] = t.Cases,
            ["平台计算金额（元）"] = t.Amount,
        }).ToList<IDictionary<string, object?>>();
        return File(Workbooks.Bytes(rows, $"{year}年度免申即享比对结果"), Workbooks.ContentType, $"免申即享比对结果-{year}.xlsx");
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        Year = Year == 0 ? engine.Current.Catalogue : Year;
        await using var db = cases.CreateDbContext();
        Runs = await db.BatchRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(10).ToListAsync(cancel);
        var id = Run ?? Runs.FirstOrDefault()?.Id;
        if (id is { } runId && await batch.ProgressAsync(runId, cancel) is { } progress)
        {
            (Current, Parts) = progress;
            Tally = Current.Status == "done" ? await batch.TallyAsync(Current.AwardYear, cancel) : [];
        }
    }
}
