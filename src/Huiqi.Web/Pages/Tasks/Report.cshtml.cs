using Huiqi.Store.Import;
using Huiqi.Supervision.Tasks;
using Huiqi.Web.Uploads;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Tasks;

/// <summary>
/// A unit reports its monthly progress (月度进展填报): one task at a time with the form, or many with an xlsx made from
/// the template (all or nothing; each bad row reported by row, column and reason). Only the lines the account may
/// report for are offered, and the server checks again whatever is posted.
/// </summary>
[XlsxUpload(ImportKind.TaskProgress)]
public sealed class ReportModel(TaskLedger ledger, ProgressReports reports, UploadErrorLists errorLists) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Task { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    /// <summary>The form's choice of line: <c>taskId|unit</c>.</summary>
    [BindProperty] public string? Line { get; set; }
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public int? Percent { get; set; }
    [BindProperty] public string? Text { get; set; }

    public IReadOnlyList<TaskLine> Lines { get; private set; } = [];

    /// <summary>The first of an upload's errors (<see cref="Upload"/> counts them all and links the whole list).</summary>
    public IReadOnlyList<ImportIssue> Issues { get; private set; } = [];

    public UploadErrors Upload { get; private set; } = UploadErrors.None;

    public string? Error { get; private set; }

    [TempData] public string? Message { get; set; }

    public string ThisMonth => ledger.ThisMonth;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await LoadAsync(cancel))
        {
            return Forbid();
        }

        if (Line?.Split('|', 2) is [var task, var unit])
        {
            (Task, Unit) = (task, unit);
        }

        try
        {
            await reports.RecordAsync(HttpContext.Actor(),
                new ProgressInput(Task ?? "", Unit ?? "", Month ?? "", Status ?? "", Percent ?? -1, Text ?? ""), cancel);
        }
        catch (LedgerException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Message = $"已报送：{Task} {Unit} {Months.Chinese(Months.Parse(Month)!)} {ProgressStatus.Chinese(ProgressStatus.Parse(Status))}。";
        return Redirect("/tasks/report");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancel)
    {
        if (!await LoadAsync(cancel))
        {
            return Forbid();
        }

        await using var sheet = PostedSheet.Open(file);
        if (sheet is null)
        {
            Error = $"{PostedSheet.Missing}（由填报模板填写，不超过{ImportLimits.TaskProgress.Size}）。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (errors, written) = await reports.ImportAsync(HttpContext.Actor(), sheet, cancel);
        if (errors.Count > 0)
        {
            Issues = [.. errors.Take(ImportLimits.ShownErrors)];
            Upload = errorLists.Keep(User, errors);
            Error = $"表格有 {errors.Count} 处错误，未写入任何进展；请改正后重新上传。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Message = $"已从表格报送 {written} 条进展。";
        return Redirect("/tasks/report");
    }

    /// <summary>The template: this month, one row per line the account may report for.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancel)
    {
        if (!await LoadAsync(cancel))
        {
            return Forbid();
        }

        return File(ProgressReports.Template(Lines, ledger.ThisMonth), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"任务进展填报模板-{ledger.ThisMonth}.xlsx");
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        var reporter = HttpContext.Actor();
        if (!reporter.ReportsAny())
        {
            return false;
        }

        Lines = await ledger.ReportableAsync(reporter, ledger.ThisMonth, cancel);
        return true;
    }
}
