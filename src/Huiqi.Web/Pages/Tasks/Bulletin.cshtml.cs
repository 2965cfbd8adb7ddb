using Huiqi.Supervision.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Tasks;

/// <summary>
/// The monthly bulletin (月度通报) of a unit, a district or the whole city, for a chosen month: counts by status, the
/// overdue and stalled tasks named, the progress reported that month. A page made to print, and an xlsx. A district
/// account gets its own district's bulletin whatever it asks.
/// </summary>
public sealed class BulletinModel(TaskLedger ledger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }

    public Actor Reach { get; private set; } = Actor.Anonymous;

    public Bulletin Result { get; private set; } = null!;

    public IReadOnlyList<(string Unit, string? District)> Units { get; private set; } = [];

    public string ThisMonth => ledger.ThisMonth;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel) ? Page() : Forbid();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancel)
    {
        if (!await LoadAsync(cancel))
        {
            return Forbid();
        }

        return File(Result.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"月度通报-{Result.Subject}-{Result.Month}.xlsx");
    }

    public string ExportLink =>
        $"/tasks/bulletin?handler=Export&month={Result.Month}" + (Unit is { Length: > 0 } ? "&unit=" + Uri.EscapeDataString(Unit) : "") + (District is { Length: > 0 } ? "&district=" + Uri.EscapeDataString(District) : "");

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        if (HttpContext.Actor() is not { } reach || !reach.SeesLists)
        {
            return false;
        }

        Reach = reach;
        var month = Months.Parse(Month) is { } m && string.CompareOrdinal(m, ledger.ThisMonth) <= 0 ? m : ledger.ThisMonth;
        District = reach.District ?? (string.IsNullOrWhiteSpace(District) ? null : District);
        Unit = string.IsNullOrWhiteSpace(Unit) ? null : Unit;
        var lines = await ledger.LinesAsync(reach, month, new TaskFilter { Unit = Unit, District = District }, cancel);
        var subject = Unit is not null ? (District is not null && Unit != District ? $"{District}{Unit}" : Unit) : District ?? "全市";
        Result = Bulletin.Build(month, subject, ledger.Options.StalledMonths, lines);
        Units = await ledger.UnitsAsync(reach, cancel);
        return true;
    }
}
