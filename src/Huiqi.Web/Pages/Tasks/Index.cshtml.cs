using Huiqi.Supervision.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Tasks;

/// <summary>
/// The task ledger (任务台账) as of a month: each task's line per reporting unit with its latest progress, overdue and
/// stalled flags, filtered and paged on the server within the caller's reach.
/// </summary>
public sealed class IndexModel(TaskLedger ledger) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? Document { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Flag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Actor Reach { get; private set; } = Actor.Anonymous;

    public Actor Reporter { get; private set; } = Actor.Anonymous;

    public string AsOf { get; private set; } = "";

    public int Count { get; private set; }

    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);

    public IReadOnlyList<TaskLine> Items { get; private set; } = [];

    public IReadOnlyList<(string Unit, string? District)> Units { get; private set; } = [];

    public (int Overdue, int Stalled) Flags { get; private set; }

    public TaskLedger Ledger => ledger;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (HttpContext.Actor() is not { } reach || !reach.SeesLists)
        {
            return Forbid();
        }

        Reach = reach;
        Reporter = HttpContext.Actor();
        AsOf = Months.Parse(Month) is { } m && string.CompareOrdinal(m, ledger.ThisMonth) <= 0 ? m : ledger.ThisMonth;
        var lines = await ledger.LinesAsync(reach, AsOf, new TaskFilter { Document = Document, Unit = Unit, District = District, Status = Status, Flag = Flag, Q = Q }, cancel);
        Count = lines.Count;
        Flags = (lines.Count(l => l.Overdue is not null), lines.Count(l => l.Stalled is not null));
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Items = [.. lines.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        Units = await ledger.UnitsAsync(reach, cancel);
        return Page();
    }

    public string Link(int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["month"] = Month, ["document"] = Document, ["unit"] = Unit, ["district"] = District, ["status"] = Status, ["flag"] = Flag, ["q"] = Q,
            ["p"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Pager.Url("/tasks", values);
    }

    /// <summary>The page of a task: <c>/tasks/zzb2020-19/12</c>.</summary>
    public static string TaskUrl(string id) => "/tasks/" + string.Join('/', id.Split('/').Select(Uri.EscapeDataString));

    public static string ReportUrl(TaskLine line) => $"/tasks/report?task={Uri.EscapeDataString(line.TaskId)}&unit={Uri.EscapeDataString(line.Unit)}";

    /// <summary>The documents of the ledger, for the filter.</summary>
    public static IReadOnlyList<(string Id, string Name)> Documents { get; } =
        [("zzb2020-19", "郑政办〔2020〕19号（49项）"), ("zzb2022-zjtx", "“专精特新”实施意见（33项）"), ("sj-sangao", "上街区“三高”工作方案")];
}
