using System.Globalization;
using Huiqi.Engine.Model;
using Huiqi.Store.Import;
using Huiqi.Supervision.Monitoring;
using Huiqi.Web.Monitoring;
using Huiqi.Web.Uploads;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Monitoring;

/// <summary>
/// A district's monthly report (区县月报): this month's cumulative figures of the indicators its targets need, by form
/// or by xlsx upload (template downloadable), all or nothing; its reports so far, and each indicator's figures against
/// the path to its target. A district's reviewer reports for its own district only, whatever the form says.
/// </summary>
[XlsxUpload(ImportKind.MonthlyReports)]
public sealed class ReportsModel(MonthlyReports reports, SupervisionBoard board, UploadErrorLists errorLists) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty] public Dictionary<string, string> Values { get; set; } = [];

    public Actor Scope { get; private set; } = Actor.Anonymous;
    public string Shown { get; private set; } = "";
    public int ShownYear { get; private set; }
    public int ShownMonth { get; private set; }
    public IReadOnlyList<(string Indicator, string Unit)> Indicators { get; private set; } = [];
    public IReadOnlyList<IndicatorReportRow> Reported { get; private set; } = [];
    public IReadOnlyList<TargetLine> Lines { get; private set; } = [];
    /// <summary>The errors listed: all of a form's, the first of an upload's (<see cref="Upload"/> counts them all).</summary>
    public IReadOnlyList<RowError> Errors { get; private set; } = [];

    public UploadErrors Upload { get; private set; } = UploadErrors.None;
    public string? Saved { get; private set; }
    public SupervisionBoard Board => board;

    public bool CanReport => HttpContext.Actor().ReportsFigures();

    /// <summary>The districts the user may choose: its own, or for the city every district and 全市.</summary>
    public IReadOnlyList<string> Choices => Scope.Level == ScopeLevel.District ? [Scope.District!] : [MonthlyReports.CityName, .. Vocabulary.Districts];

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancel)
    {
        if (!CanReport)
        {
            return Forbid();
        }

        Scope = HttpContext.Actor();
        var (year, month) = (Year ?? 0, Month ?? 0);
        var inputs = new List<(int, ReportInput)>();
        var errors = new List<RowError>();
        foreach (var (indicator, text) in Values.Where(v => !string.IsNullOrWhiteSpace(v.Value)))
        {
            if (decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                inputs.Add((0, new ReportInput(District ?? "", indicator, year, month, value)));
            }
            else
            {
                errors.Add(new RowError(0, indicator, text, "应为数字"));
            }
        }

        if (errors.Count == 0 && inputs.Count == 0)
        {
            errors.Add(new RowError(0, "指标", "", "请至少填写一项指标"));
        }

        var result = errors.Count > 0 ? new SaveResult(0, 0, errors) : await reports.SaveAsync(inputs, Allowed, User.Identity!.Name!, cancel);
        return await AfterAsync(result, cancel);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancel)
    {
        if (!CanReport)
        {
            return Forbid();
        }

        Scope = HttpContext.Actor();
        await using var sheet = PostedSheet.Open(file);
        var result = sheet is null ? new SaveResult(0, 0, [new RowError(0, "文件", "", PostedSheet.Missing)]) : await reports.ImportAsync(sheet, Allowed, User.Identity!.Name!, cancel);
        Upload = errorLists.Keep(User, result.Errors);
        return await AfterAsync(result, cancel);
    }

    /// <summary>The blank sheet of the chosen district and month.</summary>
    public IActionResult OnGetTemplate()
    {
        Scope = HttpContext.Actor();
        Choose();
        return Xlsx.File(reports.Template(Shown, ShownYear, ShownMonth), $"月报模板-{Shown}-{ShownYear}年{ShownMonth}月.xlsx");
    }

    private string? Allowed => Scope.DistrictOnly;

    private async Task<IActionResult> AfterAsync(SaveResult result, CancellationToken cancel)
    {
        Errors = [.. result.Errors.Take(ImportLimits.ShownErrors)];
        Saved = result.Ok ? $"已保存：新增 {result.Inserted} 项，更新 {result.Updated} 项。" : null;
        await LoadAsync(cancel);
        // Another district's figures are refused as such (403), not merely shown an error.
        if (!result.Ok && Allowed is not null && result.Errors.Any(e => e.Column == "区县"))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else if (!result.Ok)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private void Choose()
    {
        var today = board.Today;
        Shown = Scope.Level == ScopeLevel.District ? Scope.District! : Choices.Contains(District ?? "") ? District! : MonthlyReports.CityName;
        ShownYear = Year ?? today.Year;
        ShownMonth = Month ?? today.Month;
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        var posted = District;
        Choose();
        // After a refused post the page shows the user's own district, not the one it asked for.
        District = posted;
        var key = MonthlyReports.Key(Shown);
        Indicators = TargetBoard.ReportedIndicators(board.Engine.Catalog, key);
        Reported = await reports.ListAsync(Shown, cancel);
        var year = board.TargetYears.Contains(ShownYear) ? ShownYear : board.TargetYears.Where(y => y <= ShownYear).DefaultIfEmpty(board.TargetYears[0]).Max();
        Lines = [.. (await board.TargetsAsync(year, Scope, cancel)).Where(l => l.Target.Scope == key && l.Source == TargetBoard.Reported)];
        foreach (var r in Reported.Where(r => r.Year == ShownYear && r.Month == ShownMonth))
        {
            Values.TryAdd(r.Indicator, r.Value.ToString("0.####", CultureInfo.InvariantCulture));
        }
    }
}
