using Huiqi.Engine.Model;
using Huiqi.Store.Import;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Enterprises;

/// <summary>
/// The enterprise list of a district or city bureau: filtered, sorted and paged in the database within the caller's
/// scope, and exported whole as an xlsx with Chinese headers.
/// </summary>
public sealed class IndexModel(EnterpriseDirectory directory, PolicyEngine engine) : PageModel
{
    /// <summary>The most rows one export writes.</summary>
    public const int MaxExportRows = 100_000;

    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Trait { get; set; }
    [BindProperty(SupportsGet = true)] public string? Library { get; set; }
    [BindProperty(SupportsGet = true)] public string? Clause { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Actor Scope { get; private set; } = Actor.Anonymous;

    public EnterprisePage Result { get; private set; } = null!;

    public PolicyEngine Engine => engine;

    public EnterpriseFilter Filter => new() { District = District, Sector = Sector, Trait = Trait, Library = Library, Clause = Clause, Q = Q, Sort = Sort, Year = Year };

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        Result = await directory.ListAsync(Scope, Filter, PageNumber, EnterpriseDirectory.DefaultPageSize, cancel);
    }

    /// <summary>The whole filtered list as an Excel workbook, headers in Chinese.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        var year = directory.YearOf(Filter);
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var e in directory.AllAsync(Scope, Filter, cancel))
        {
            if (rows.Count >= MaxExportRows)
            {
                break;
            }

            rows.Add(new Dictionary<string, object?>
            {
                ["序号"] = rows.Count + 1,
                ["企业名称"] = e.Name,
                ["统一社会信用代码"] = e.Uscc,
                ["所属区县"] = e.District,
                ["企业属性"] = string.Join("、", e.Traits.Select(Show.Trait)),
                ["产业领域"] = string.Join("、", e.Sectors.Select(Show.Sector)),
                ["评估年度"] = year,
                ["可享奖励合计（元）"] = e.Total ?? 0m,
                ["市级承担（元）"] = e.CityShare ?? 0m,
                ["区级承担（元）"] = e.DistrictShare ?? 0m,
                ["奖励项数"] = e.Awards ?? 0,
                ["奖励条款"] = string.Join("、", e.Clauses),
                ["奖励条款名称"] = string.Join("、", e.Clauses.Select(engine.ClauseShortName)),
                ["培育库"] = string.Join("、", e.Libraries.Select(engine.LibraryName)),
            });
        }

        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?> { ["序号"] = null, ["企业名称"] = "（无符合条件的企业）" });
        }

        return File(Workbooks.Bytes(rows, "企业列表"), Workbooks.ContentType, $"企业列表-{Scope.Describe()}-{year}年度.xlsx");
    }

    /// <summary>This list's query string with some values changed (paging, sorting, export links).</summary>
    public string Link(string? handler = null, int? page = null, string? sort = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["district"] = District, ["sector"] = Sector, ["trait"] = Trait, ["library"] = Library, ["clause"] = Clause,
            ["q"] = Q, ["sort"] = sort ?? Sort, ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["handler"] = handler,
        };
        var query = string.Join("&", values.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
        return "/enterprises" + (query.Length > 0 ? "?" + query : "");
    }

    public static IReadOnlyList<string> Districts => Vocabulary.Districts;
}
