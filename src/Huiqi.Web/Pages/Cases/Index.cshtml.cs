using System.Globalization;
using Huiqi.Engine.Model;

namespace Huiqi.Web.Pages.Cases;

/// <summary>
/// The case list of the signed-in role (an enterprise its own, a district its district's, the city all): filtered and
/// paged in the database, with counts by status, and exported whole as an xlsx with Chinese headers.
/// </summary>
public sealed class IndexModel(CaseQueries queries, CaseWorkflow workflow, PolicyEngine engine) : CasePageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Clause { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Way { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool Todo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public CasePage Result { get; private set; } = null!;

    public PolicyEngine Engine => engine;

    public DateOnly Today => workflow.Today;

    public bool IsCity => Actor.Role is Role.CityReviewer or Role.CityFinance or Role.Admin;

    public static IReadOnlyList<string> Districts => Vocabulary.Districts;

    /// <summary>The award year listed: the figures year unless another is chosen; 0 for every year (全部).</summary>
    public int ShownYear => Year ?? engine.Current.Catalogue;

    public CaseFilter Filter => new() { Year = ShownYear == 0 ? null : ShownYear, Status = Status, Clause = Clause, District = District, Way = Way, Overdue = Overdue, Todo = Todo, Q = Q };

    public async Task OnGetAsync(CancellationToken cancel) => Result = await queries.ListAsync(Actor, Filter, PageNumber, cancel);

    /// <summary>The whole filtered list as an xlsx, headers in Chinese, amounts in yuan.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancel)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var c in await queries.AllAsync(Actor, Filter, cancel))
        {
            rows.Add(new Dictionary<string, object?>
            {
                ["序号"] = rows.Count + 1,
                ["事项编号"] = c.Id,
                ["企业名称"] = c.EnterpriseName,
                ["统一社会信用代码"] = c.Uscc,
                ["所属区县"] = c.District,
                ["政策条款"] = c.Clause,
                ["条款名称"] = engine.ClauseName(c.Clause),
                ["事项"] = c.Item.Length == 0 ? "" : Show.Item(c.Item),
                ["评估年度"] = c.AwardYear,
                ["受理方式"] = CaseWay.Chinese(c.Way),
                ["平台计算金额（元）"] = c.Proposed,
                ["核定金额（元）"] = c.Amount,
                ["市级承担（元）"] = c.CityShare,
                ["区级承担（元）"] = c.DistrictShare,
                ["办理状态"] = c.Status.Chinese(),
                ["办理时限"] = Show.Date(c.Deadline),
                ["是否逾期"] = c.IsOverdue(Today) ? "是" : "否",
                ["计算依据"] = c.Because,
            });
        }

        return await XlsxAsync(rows, "兑现事项", $"兑现事项-{(ShownYear == 0 ? "全部年度" : ShownYear.ToString(CultureInfo.InvariantCulture))}.xlsx", "（无符合条件的事项）", cancel);
    }

    /// <summary>This list's query string with some values changed (paging, status tabs, export).</summary>
    public string Link(string? handler = null, int? page = null, string? status = null, bool keepStatus = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["year"] = ShownYear.ToString(CultureInfo.InvariantCulture), ["status"] = keepStatus ? Status : status, ["clause"] = Clause,
            ["district"] = District, ["way"] = Way, ["overdue"] = Overdue ? "true" : null, ["todo"] = Todo ? "true" : null, ["q"] = Q,
            ["p"] = page?.ToString(CultureInfo.InvariantCulture), ["handler"] = handler,
        };
        var query = string.Join("&", values.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
        return "/cases" + (query.Length > 0 ? "?" + query : "");
    }
}
