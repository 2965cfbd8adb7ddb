using Huiqi.Engine.Catalog;
using Huiqi.Simulation;
using Huiqi.Simulation.Runs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Simulation;

/// <summary>
/// 下一年度支出预测: the registry's figures of a year grown by central / low / high assumptions (by default, or per
/// district and metric) and evaluated for the next year, under the catalogue or a shipped reform, against budgets.
/// </summary>
public sealed class ForecastModel(SimulationRuns runs, PolicyEngine engine) : PageModel
{
    public const string GrowthFile = "增长假设";
    public const string BudgetFile = "预算";

    [BindProperty] public int Year { get; set; }

    /// <summary>The growth a forecast assumes unless the bureau sets another: 8 % ± 4 points (the renewal's cost uses it too).</summary>
    public const string DefaultCentral = "8%";

    public const string DefaultSpread = "4%";

    [BindProperty] public string Central { get; set; } = DefaultCentral;

    [BindProperty] public string Spread { get; set; } = DefaultSpread;

    [BindProperty] public string? Growth { get; set; }

    [BindProperty] public string? Budgets { get; set; }

    [BindProperty] public string? Reform { get; set; }

    public IReadOnlyList<CatalogError> Errors { get; private set; } = [];

    public ForecastReport? Result { get; private set; }

    public IReadOnlyList<int> Years => engine.Current.Offered;

    public void OnGet() => Year = engine.Current.Catalogue;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var errors = new List<CatalogError>();
        var central = Rate(Central, "中值增长率", errors);
        var spread = Rate(Spread, "上下浮动", errors);
        var growth = new GrowthAssumptions(central, spread);
        if (!string.IsNullOrWhiteSpace(Growth))
        {
            var (read, faults) = GrowthAssumptions.Read(Named(GrowthFile, Growth, "district"), Growth, central, spread);
            errors.AddRange(faults);
            growth = read ?? growth;
        }

        var scenario = Huiqi.Simulation.Scenario.Baseline(engine.Catalog);
        if (!string.IsNullOrEmpty(Reform))
        {
            var (applied, faults) = runs.Apply(ReformText.Shipped(Reform) ?? new ReformText(Reform, ""));
            errors.AddRange(faults);
            scenario = applied ?? scenario;
        }

        IReadOnlyList<Budget>? budgets = null;
        if (!string.IsNullOrWhiteSpace(Budgets))
        {
            var (read, faults) = Huiqi.Simulation.Budgets.Read(Named(BudgetFile, Budgets, "key"), Budgets, scenario.Catalog);
            errors.AddRange(faults);
            budgets = read;
        }

        if (Year is < 2000 or > 2100)
        {
            errors.Add(new CatalogError("", 0, $"年度“{Year}”无效 / year {Year} is out of range"));
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Result = await runs.ForecastAsync(scenario, growth, Year, budgets, cancel);
        return Page();
    }

    /// <summary>The name a pasted table is read and reported under: CSV when its first line is the CSV header, else YAML.</summary>
    private static string Named(string name, string text, string firstColumn) =>
        text.TrimStart('\uFEFF', ' ', '\n', '\r').StartsWith(firstColumn + ",", StringComparison.Ordinal) ? name + ".csv" : name + ".yaml";

    /// <summary>A rate as the bureau writes it (8% or 0.08); a fault named by its field otherwise.</summary>
    internal static decimal Rate(string? text, string field, List<CatalogError> errors)
    {
        if (ParamReader.TryParseRate(text ?? "", out var v))
        {
            return v;
        }

        errors.Add(new CatalogError("", 0, $"{field}“{text}”不是比例（如 8% 或 0.08） / {field} is not a rate"));
        return 0;
    }

    public string ClauseOrDocument(string key) =>
        engine.Catalog.ClausesById.TryGetValue(key, out var c) ? $"{key} {c.Title}" : engine.Catalog.Document(key) is { } d ? $"{key} {d.Title}" : key;
}
