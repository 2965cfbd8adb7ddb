using Huiqi.Engine.Catalog;
using Huiqi.Simulation;
using Huiqi.Simulation.Runs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Simulation;

/// <summary>
/// 续期测算: what renewing 郑政〔2023〕23号 costs on the whole registry (<see cref="SimulationRuns.RenewalAsync"/>): the
/// year it expired (its remaining events and the year's figures) and the next year, forecast with the growth the
/// bureau sets (the forecast page's by default); by clause, district and payer; as a printable page and an xlsx.
/// </summary>
public sealed class RenewalModel(SimulationRuns runs) : PageModel
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty(SupportsGet = true)] public string Central { get; set; } = ForecastModel.DefaultCentral;

    [BindProperty(SupportsGet = true)] public string Spread { get; set; } = ForecastModel.DefaultSpread;

    public IReadOnlyList<CatalogError> Errors { get; private set; } = [];

    /// <summary>Set when the registry holds more enterprises than a page request evaluates.</summary>
    public long? TooMany { get; private set; }

    public long MaxEnterprises => runs.MaxEnterprises;

    public RenewalReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await LoadAsync(cancel))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    /// <summary>The page's tables as an xlsx with Chinese headers.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancel)
    {
        if (!await LoadAsync(cancel) || Report is not { } r)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return File(RenewalWorkbook.Write(r), XlsxType, $"续期测算-{r.DocumentNumber}-{r.Year}年与{r.NextYear}年.xlsx");
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        var errors = new List<CatalogError>();
        var central = ForecastModel.Rate(Central, "中值增长率", errors);
        var spread = ForecastModel.Rate(Spread, "上下浮动", errors);
        if (errors.Count > 0)
        {
            Errors = errors;
            return false;
        }

        var outcome = await runs.RenewalAsync(new GrowthAssumptions(central, spread), cancel);
        (Report, Errors, TooMany) = (outcome.Report, outcome.Errors, outcome.TooMany);
        return Report is not null;
    }
}
