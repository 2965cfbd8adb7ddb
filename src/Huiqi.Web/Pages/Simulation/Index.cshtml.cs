using Huiqi.Engine.Catalog;
using Huiqi.Simulation;
using Huiqi.Simulation.Runs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Simulation;

/// <summary>
/// 政策测算: a city bureau fills in the common changes of a reform (<see cref="ReformForm"/>: a clause's amount, rate, cap or
/// threshold, a window extended, a split, a draft in force), or, the advanced way, chooses a shipped reform or hands in
/// its own YAML (uploaded or pasted, checked like the catalogue); and an award year. The form's reform is written as the
/// YAML it stands for and run as any other: the whole registry is evaluated under the catalogue and under the reform,
/// the run is stored and opened. A form with faults names each field; a YAML reform with faults shows each with its
/// line; neither runs anything.
/// </summary>
public sealed class IndexModel(SimulationRuns runs, PolicyEngine engine) : PageModel
{
    /// <summary>The largest reform file taken: reforms are a few changes, never megabytes.</summary>
    public const int MaxReformBytes = 256 * 1024;

    [BindProperty] public string? Reform { get; set; }

    [BindProperty] public string? ReformYaml { get; set; }

    [BindProperty] public IFormFile? ReformFile { get; set; }

    [BindProperty] public int Year { get; set; }

    /// <summary>The form's changes (调整方案表单).</summary>
    [BindProperty] public ReformForm Form { get; set; } = new();

    /// <summary>Set by 只生成调整方案: the form's reform is shown as YAML and not run.</summary>
    [BindProperty] public bool Preview { get; set; }

    /// <summary>The YAML the form's reform is written as, once built.</summary>
    public string? GeneratedYaml { get; private set; }

    public PolicyCatalog Catalog => engine.Catalog;

    public IReadOnlyList<CatalogError> Errors { get; private set; } = [];

    /// <summary>Set when the registry holds more enterprises than a page request simulates.</summary>
    public long? TooMany { get; private set; }

    public IReadOnlyList<SimulationRunRow> Runs { get; private set; } = [];

    public long MaxEnterprises => runs.MaxEnterprises;

    /// <summary>The award years offered: from three before the default year to three after (a reform is often about the years to come).</summary>
    public IReadOnlyList<int> Years => [.. Enumerable.Range(engine.Current.Catalogue - 3, 7).Reverse()];

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Year = engine.Current.Catalogue;
        Reform = ReformText.ShippedNames.FirstOrDefault();
        await ListAsync(cancel);
    }

    /// <summary>The form's reform: its faults by field, or its YAML shown (只生成调整方案), or run as a pasted reform is.</summary>
    public async Task<IActionResult> OnPostFormAsync(CancellationToken cancel)
    {
        var (yaml, faults) = Form.Build(engine.Catalog);
        if (yaml is null)
        {
            return await RefusedAsync([.. faults.Select(f => new CatalogError("", 0, f))], null, cancel);
        }

        GeneratedYaml = yaml;
        if (Preview)
        {
            await ListAsync(cancel);
            return Page();
        }

        return await RunAsync(new ReformText(ReformForm.File, yaml), cancel);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var (input, error) = await ReadAsync(cancel);
        return input is null ? await RefusedAsync([new CatalogError("", 0, error!)], null, cancel) : await RunAsync(input, cancel);
    }

    private async Task<IActionResult> RunAsync(ReformText input, CancellationToken cancel)
    {
        if (Year is < 2000 or > 2100)
        {
            return await RefusedAsync([new CatalogError("", 0, $"评估年度“{Year}”无效")], null, cancel);
        }

        var outcome = await runs.RunAsync(input, Year, User.Identity?.Name ?? "", cancel);
        return outcome.Id is { } id ? Redirect($"/simulation/runs/{id}") : await RefusedAsync(outcome.Errors, outcome.TooMany, cancel);
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<CatalogError> errors, long? tooMany, CancellationToken cancel)
    {
        Errors = errors;
        TooMany = tooMany;
        await ListAsync(cancel);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task ListAsync(CancellationToken cancel)
    {
        Runs = await runs.ListAsync(cancel: cancel);
    }

    /// <summary>The reform handed in: an uploaded file wins over pasted text, which wins over the shipped example chosen.</summary>
    private async Task<(ReformText? Reform, string? Error)> ReadAsync(CancellationToken cancel)
    {
        if (ReformFile is { Length: > 0 } file)
        {
            if (file.Length > MaxReformBytes)
            {
                return (null, $"调整方案文件过大（上限 {MaxReformBytes / 1024} KB）");
            }

            using var reader = new StreamReader(file.OpenReadStream());
            return (new ReformText(Path.GetFileName(file.FileName), await reader.ReadToEndAsync(cancel)), null);
        }

        if (!string.IsNullOrWhiteSpace(ReformYaml))
        {
            return ReformYaml.Length > MaxReformBytes
                ? (null, $"调整方案过长（上限 {MaxReformBytes / 1024} KB）")
                : (new ReformText(ReformText.Pasted, ReformYaml), null);
        }

        return Reform is not null && ReformText.Shipped(Reform) is { } shipped
            ? (shipped, null)
            : (null, "请选择内置调整方案，或上传、粘贴调整方案 YAML");
    }
}
