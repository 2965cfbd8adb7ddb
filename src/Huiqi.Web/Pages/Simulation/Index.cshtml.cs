using Huiqi.Engine.Catalog;
using Huiqi.Simulation.Runs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Simulation;

/// <summary>
/// 政策测算: a city bureau chooses a shipped reform or hands in its own (uploaded or pasted YAML, checked like the
/// catalogue), and an award year; the whole registry is evaluated under the catalogue and under the reform, the run is
/// stored and opened. A reform with faults shows each with its line and runs nothing.
/// </summary>
public sealed class IndexModel(SimulationRuns runs, PolicyEngine engine) : PageModel
{
    /// <summary>The largest reform file taken: reforms are a few changes, never megabytes.</summary>
    public const int MaxReformBytes = 256 * 1024;

    [BindProperty] public string? Reform { get; set; }

    [BindProperty] public string? ReformYaml { get; set; }

    [BindProperty] public IFormFile? ReformFile { get; set; }

    [BindProperty] public int Year { get; set; }

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
        Runs = await runs.ListAsync(cancel: cancel);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var (input, error) = await ReadAsync(cancel);
        if (input is not null && Year is < 2000 or > 2100)
        {
            error = $"年度“{Year}”无效 / year {Year} is out of range";
            input = null;
        }

        if (input is not null)
        {
            var outcome = await runs.RunAsync(input, Year, User.Identity?.Name ?? "", cancel);
            if (outcome.Id is { } id)
            {
                return Redirect($"/simulation/runs/{id}");
            }

            Errors = outcome.Errors;
            TooMany = outcome.TooMany;
        }
        else
        {
            Errors = [new CatalogError("", 0, error!)];
        }

        Runs = await runs.ListAsync(cancel: cancel);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The reform handed in: an uploaded file wins over pasted text, which wins over the shipped example chosen.</summary>
    private async Task<(ReformText? Reform, string? Error)> ReadAsync(CancellationToken cancel)
    {
        if (ReformFile is { Length: > 0 } file)
        {
            if (file.Length > MaxReformBytes)
            {
                return (null, $"调整方案文件过大（上限 {MaxReformBytes / 1024} KB） / the reform file is too large");
            }

            using var reader = new StreamReader(file.OpenReadStream());
            return (new ReformText(Path.GetFileName(file.FileName), await reader.ReadToEndAsync(cancel)), null);
        }

        if (!string.IsNullOrWhiteSpace(ReformYaml))
        {
            return ReformYaml.Length > MaxReformBytes
                ? (null, $"调整方案过长（上限 {MaxReformBytes / 1024} KB） / the reform text is too long")
                : (new ReformText(ReformText.Pasted, ReformYaml), null);
        }

        return Reform is not null && ReformText.Shipped(Reform) is { } shipped
            ? (shipped, null)
            : (null, "请选择内置调整方案，或上传、粘贴调整方案 YAML / choose a shipped reform or hand one in");
    }
}
