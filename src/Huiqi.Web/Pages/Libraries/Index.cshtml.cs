using Huiqi.Store.Import;
using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Libraries;

/// <summary>
/// The cultivation libraries (培育库) of a district or the city: members filtered and paged on the server, exported as
/// xlsx; a district adds its own enterprises by hand with a reason; the city runs a year's selection.
/// </summary>
public sealed class IndexModel(LibraryRegister register, LibrarySelection selection, PolicyEngine engine) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Library { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tier { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Actor Reach { get; private set; } = Actor.Anonymous;

    public LibraryPage Result { get; private set; } = null!;

    /// <summary>The selection year manual changes belong to: the last one run, else the award year.</summary>
    public int Year { get; private set; }

    public IReadOnlyList<LibrarySelectionRow> Selections { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    [TempData] public string? Error { get; set; }

    public LibraryFilter Filter => new() { Library = Library, Tier = Tier, District = District, Status = Status, Q = Q };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await LoadAsync(cancel))
        {
            return Forbid();
        }

        Result = await register.ListAsync(Reach, Filter, PageNumber, LibraryRegister.DefaultPageSize, cancel);
        return Page();
    }

    /// <summary>The whole filtered list as xlsx, headers in Chinese.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancel)
    {
        if (!await LoadAsync(cancel))
        {
            return Forbid();
        }

        var rows = new List<Dictionary<string, object?>>();
        await foreach (var m in register.AllAsync(Reach, Filter, cancel))
        {
            rows.Add(new Dictionary<string, object?>
            {
                ["序号"] = rows.Count + 1,
                ["培育库"] = LibraryDefinitions.Name(m.Library),
                ["层级"] = LibraryDefinitions.Find(m.Library)?.TierName(m.Tier),
                ["企业名称"] = m.Name,
                ["统一社会信用代码"] = m.Uscc,
                ["所属区县"] = m.District,
                ["状态"] = m.Active ? "在库" : "已出库",
                ["入库年度"] = m.SinceYear,
                ["出库年度"] = m.LeftYear,
                ["入库方式"] = m.Manual ? "人工入库" : "年度遴选",
                ["入库（出库）理由"] = m.Reason,
            });
        }

        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?> { ["序号"] = null, ["培育库"] = "（无符合条件的企业）", ["层级"] = null, ["企业名称"] = null, ["统一社会信用代码"] = null, ["所属区县"] = null, ["状态"] = null, ["入库年度"] = null, ["出库年度"] = null, ["入库方式"] = null, ["入库（出库）理由"] = null });
        }

        return File(Workbooks.Bytes(rows, "培育库名单"), Workbooks.ContentType, $"培育库名单-{Reach.District ?? "全市"}.xlsx");
    }

    /// <summary>A district (or the city) puts an enterprise into a library by hand.</summary>
    public async Task<IActionResult> OnPostAddAsync(string library, string uscc, string? tier, string reason, CancellationToken cancel)
    {
        if (!await LoadAsync(cancel) || !HttpContext.Actor().ManagesLibraries())
        {
            return Forbid();
        }

        try
        {
            await register.AddAsync(Reach, library, uscc, tier, reason, Year, User.Identity?.Name ?? "", cancel);
            Message = $"已将 {uscc} 纳入{LibraryDefinitions.Label(library, tier)}（{Year}年度）。";
        }
        catch (LedgerException e)
        {
            Error = e.Message;
        }

        return Redirect(Link());
    }

    /// <summary>The city runs a year's selection over the whole registry.</summary>
    public async Task<IActionResult> OnPostSelectAsync(int year, CancellationToken cancel)
    {
        if (!await LoadAsync(cancel) || !HttpContext.Actor().RunsSelection())
        {
            return Forbid();
        }

        try
        {
            var r = (await selection.RunAsync([year], User.Identity?.Name ?? "", cancel)).Single();
            Message = $"{year}年度遴选完成：符合条件 {r.Members} 户次，新入库 {r.Entered}，层级调整 {r.TierChanged}，出库 {r.Left}。";
        }
        catch (LedgerException e)
        {
            Error = e.Message;
        }

        return Redirect(Link());
    }

    /// <summary>Years a selection may be run for: the last run and after, up to this year (the events year).</summary>
    public IEnumerable<int> SelectableYears
    {
        get
        {
            var now = engine.Current;
            return Enumerable.Range(Selections.Count > 0 ? Selections[^1].Year : now.Figures - 2, 3).Where(y => y <= now.Events);
        }
    }

    /// <summary>How the year switch names a year (which is current for figures, which for events).</summary>
    public string YearName(int year) => engine.Current.Name(year);

    public string Link(string? handler = null, int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["library"] = Library, ["tier"] = Tier, ["district"] = District, ["status"] = Status, ["q"] = Q,
            ["p"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["handler"] = handler,
        };
        return Pager.Url("/libraries", values);
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        if (HttpContext.Actor() is not { } reach || !reach.SeesLists)
        {
            return false;
        }

        Reach = reach;
        Selections = await register.SelectionsAsync(cancel);
        Year = Selections.Count > 0 ? Selections[^1].Year : engine.Current.Catalogue;
        return true;
    }
}
