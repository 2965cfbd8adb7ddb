using Huiqi.Engine.Catalog;
using Huiqi.Simulation;
using Huiqi.Simulation.Runs;
using Huiqi.Store.Import;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Simulation;

/// <summary>
/// 下一年度支出预测: the registry's figures of a year grown by central / low / high assumptions (by default, or per
/// district and metric) and evaluated for the next year, under the catalogue or a shipped reform, against budgets.
/// Growth and budgets come as the xlsx templates the page hands out (Chinese headers, example rows), filled and
/// uploaded, or pasted as CSV; a wrong cell is named by row and column and nothing is forecast.
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

    /// <summary>The filled growth template (增长假设.xlsx); it wins over pasted text.</summary>
    [BindProperty] public IFormFile? GrowthUpload { get; set; }

    /// <summary>The filled budget template (预算.xlsx); it wins over pasted text.</summary>
    [BindProperty] public IFormFile? BudgetUpload { get; set; }

    /// <summary>The largest table taken: a growth or budget sheet is a few dozen rows.</summary>
    public const int MaxUploadBytes = 1024 * 1024;

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
        if (Table(GrowthUpload, errors) is { } growthRows)
        {
            var (read, faults) = GrowthAssumptions.FromRows(GrowthUpload!.FileName, growthRows, central, spread);
            errors.AddRange(faults);
            growth = read ?? growth;
        }
        else if (!string.IsNullOrWhiteSpace(Growth))
        {
            var (read, faults) = GrowthAssumptions.Read(Named(GrowthFile, Growth), Growth, central, spread);
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
        if (Table(BudgetUpload, errors) is { } budgetRows)
        {
            var (read, faults) = Huiqi.Simulation.Budgets.FromRows(BudgetUpload!.FileName, budgetRows, scenario.Catalog);
            errors.AddRange(faults);
            budgets = read;
        }
        else if (!string.IsNullOrWhiteSpace(Budgets))
        {
            var (read, faults) = Huiqi.Simulation.Budgets.Read(Named(BudgetFile, Budgets), Budgets, scenario.Catalog);
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

    /// <summary>The name a pasted table is read and reported under: CSV when its first line is a header row (commas, no YAML key), else YAML.</summary>
    private static string Named(string name, string text) =>
        text.TrimStart('\uFEFF', ' ', '\n', '\r').Split('\n')[0] is var first && first.Contains(',', StringComparison.Ordinal) && !first.Contains(':', StringComparison.Ordinal) ? name + ".csv" : name + ".yaml";

    /// <summary>The rows of an uploaded xlsx (read whole: a few dozen rows), or null when none was uploaded or it is not an xlsx.</summary>
    private static List<(int Row, object?[] Cells)>? Table(IFormFile? upload, List<CatalogError> errors)
    {
        if (upload is not { Length: > 0 })
        {
            return null;
        }

        if (upload.Length > MaxUploadBytes)
        {
            errors.Add(new CatalogError(upload.FileName, 0, $"文件过大（上限 {MaxUploadBytes / 1024} KB）"));
            return null;
        }

        try
        {
            using var buffer = new MemoryStream();
            upload.CopyTo(buffer);
            buffer.Position = 0;
            return [.. SheetSource.Rows(buffer)];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or System.Xml.XmlException)
        {
            errors.Add(new CatalogError(upload.FileName, 0, "不是 Excel 工作簿（.xlsx），请用本页下载的模板填写"));
            return null;
        }
    }

    /// <summary>The growth template: Chinese headers and example rows.</summary>
    public IActionResult OnGetGrowthTemplate() => File(ForecastTables.GrowthTemplate(), Workbooks.ContentType, "增长假设模板.xlsx");

    /// <summary>The budget template: Chinese headers and example rows naming a document and a clause as the bureaus cite them.</summary>
    public IActionResult OnGetBudgetTemplate() => File(ForecastTables.BudgetTemplate(engine.Catalog), Workbooks.ContentType, "预算模板.xlsx");

    /// <summary>What the forecast evaluated: the catalogue, or the reform's title.</summary>
    public string Policy => string.IsNullOrEmpty(Reform) ? "现行政策" : ReformText.Shipped(Reform) is { } r && ReformReader.Read(r.File, r.Text).Reform is { } reform ? $"调整方案“{reform.Title}”" : "调整方案";

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

    /// <summary>A clause or a document as the bureaus cite it.</summary>
    public string ClauseOrDocument(string key) =>
        engine.Catalog.ClausesById.TryGetValue(key, out var c) ? c.Name : engine.Catalog.Document(key) is { } d ? d.Name : key;
}
