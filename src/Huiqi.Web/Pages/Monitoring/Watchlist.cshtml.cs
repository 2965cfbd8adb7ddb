using Huiqi.Store.Import;
using Huiqi.Supervision.Monitoring;
using Huiqi.Web.Monitoring;
using Huiqi.Web.Uploads;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Monitoring;

/// <summary>
/// Key-enterprise watchlists (重点企业监测): the city's leading enterprises and the districts' backbone enterprises,
/// added and removed with a reason; their monthly indicators by form or xlsx; the drop warnings; and, for the city,
/// the thresholds. A district's bureau sees and changes its own list only.
/// </summary>
[XlsxUpload(ImportKind.Watchlist)]
public sealed class WatchlistModel(Watchlists watchlists, SupervisionBoard board, UploadErrorLists errorLists) : PageModel
{
    public Actor Scope { get; private set; } = Actor.Anonymous;
    public IReadOnlyList<WatchEntryRow> Entries { get; private set; } = [];
    public IReadOnlyList<EnterpriseIndicatorRow> Figures { get; private set; } = [];
    public IReadOnlyList<DropWarning> Warnings { get; private set; } = [];
    public IReadOnlyDictionary<string, decimal> Thresholds { get; private set; } = new Dictionary<string, decimal>();
    /// <summary>The errors listed: all of a form's, the first of an upload's (<see cref="Upload"/> counts them all).</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public UploadErrors Upload { get; private set; } = UploadErrors.None;
    public string? Saved { get; private set; }

    public bool CanReport => HttpContext.Actor().ReportsFigures();

    public bool IsCity => Scope.IsCity;

    /// <summary>The lists the user may add to: its district's, or for the city its own and every district's.</summary>
    public IReadOnlyList<string> Levels => IsCity ? [WatchEntryRow.CityLevel, .. Huiqi.Engine.Model.Vocabulary.Districts] : [Scope.District!];

    public static string LevelName(string level) => level == WatchEntryRow.CityLevel ? "市级龙头企业" : $"{level}骨干企业";

    public int Year => board.Today.Year;

    public int Month => board.Today.Month;

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public Task<IActionResult> OnPostAddAsync(string level, string uscc, string reason, CancellationToken cancel) =>
        ActAsync(() => watchlists.AddAsync(level ?? "", uscc ?? "", reason ?? "", Allowed, User.Identity!.Name!, cancel), "已加入名单。", cancel);

    public Task<IActionResult> OnPostRemoveAsync(long id, string reason, CancellationToken cancel) =>
        ActAsync(() => watchlists.RemoveAsync(id, reason ?? "", Allowed, User.Identity!.Name!, cancel), "已移出名单。", cancel);

    public async Task<IActionResult> OnPostFigureAsync(string uscc, string indicator, int year, int month, decimal value, CancellationToken cancel)
    {
        if (!CanReport)
        {
            return Forbid();
        }

        Scope = HttpContext.Actor();
        var result = await watchlists.SaveAsync([(0, new EnterpriseFigure(uscc ?? "", indicator ?? "", year, month, value))], Allowed, User.Identity!.Name!, cancel);
        return await ShowAsync(result, cancel);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancel)
    {
        if (!CanReport)
        {
            return Forbid();
        }

        Scope = HttpContext.Actor();
        await using var sheet = PostedSheet.Open(file);
        var result = sheet is null ? new SaveResult(0, 0, [new RowError(0, "文件", "", PostedSheet.Missing)]) : await watchlists.ImportAsync(sheet, Allowed, User.Identity!.Name!, cancel);
        Upload = errorLists.Keep(User, result.Errors);
        return await ShowAsync(result, cancel);
    }

    public async Task<IActionResult> OnPostThresholdAsync(string indicator, decimal percent, CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        // The thresholds are the city bureau's (市工信局 sets them for everyone).
        if (!IsCity || !CanReport)
        {
            return Forbid();
        }

        if (percent is <= 0 or >= 100)
        {
            Errors = ["预警阈值应在 0 到 100 之间（百分比）"];
        }
        else
        {
            await watchlists.SetThresholdAsync(string.IsNullOrWhiteSpace(indicator) ? ThresholdRow.Default : indicator, percent, User.Identity!.Name!, cancel);
            Saved = "预警阈值已保存。";
        }

        await LoadAsync(cancel);
        return Page();
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        return Xlsx.File(await watchlists.TemplateAsync(Allowed, Year, Month, cancel), $"重点企业月度指标模板-{Scope.Describe()}-{Year}年{Month}月.xlsx");
    }

    private string? Allowed => Scope.DistrictOnly;

    private async Task<IActionResult> ActAsync(Func<Task<string?>> act, string done, CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        if (!CanReport)
        {
            return Forbid();
        }

        var error = await act();
        Errors = error is null ? [] : [error];
        Saved = error is null ? done : null;
        await LoadAsync(cancel);
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<IActionResult> ShowAsync(SaveResult result, CancellationToken cancel)
    {
        Errors = [.. result.Errors.Take(ImportLimits.ShownErrors).Select(e => e.ToString())];
        Saved = result.Ok ? $"已保存：新增 {result.Inserted} 项，更新 {result.Updated} 项。" : null;
        await LoadAsync(cancel);
        if (!result.Ok)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        Entries = await watchlists.ListAsync(Allowed, history: true, cancel);
        Figures = await watchlists.FiguresAsync(Allowed, cancel);
        Warnings = await watchlists.WarningsAsync(Allowed, cancel);
        Thresholds = await watchlists.ThresholdsAsync(cancel);
    }
}
