using System.Globalization;
using Huiqi.Supervision.Libraries;
using Huiqi.Web.Charts;
using Huiqi.Web.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;

namespace Huiqi.Web.Pages.Libraries;

/// <summary>How many enterprises each library (and ZJTX tier) held at the end of each selection year, in the caller's reach: a table, its chart, its xlsx.</summary>
public sealed class SizesModel(LibraryRegister register) : PageModel
{
    public string Subject { get; private set; } = "全市";

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>One row per library (and tier): its label and the members at the end of each year.</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<int> Members)> Rows { get; private set; } = [];

    public IReadOnlyList<ChartSeries> Series => [.. Rows.Select(r => new ChartSeries(r.Label, [.. r.Members.Select(m => (decimal?)m)]))];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel) ? Page() : Forbid();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancel)
    {
        if (!await LoadAsync(cancel))
        {
            return Forbid();
        }

        var rows = Rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { ["培育库"] = r.Label };
            for (var i = 0; i < Years.Count; i++)
            {
                row[$"{Years[i].ToString(CultureInfo.InvariantCulture)}年末（户）"] = r.Members[i];
            }

            return row;
        }).ToList();
        var buffer = new MemoryStream();
        await buffer.SaveAsAsync(rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["培育库"] = "（尚未运行遴选）" }], sheetName: "培育库规模", cancellationToken: cancel);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"培育库规模-{Subject}.xlsx");
    }

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        if (LedgerAccess.ScopeOf(User) is not { } reach)
        {
            return false;
        }

        Subject = reach.District ?? "全市";
        var sizes = await register.SizesAsync(reach, cancel);
        Years = [.. sizes.Select(s => s.Year).Distinct().Order()];
        Rows = [.. LibraryDefinitions.All
            .SelectMany(l => l.Tiers.Count == 0 ? [(l.Id, (string?)null)] : l.Tiers.Select(t => (l.Id, (string?)t.Id)))
            .Select(k => (LibraryDefinitions.Label(k.Item1, k.Item2),
                (IReadOnlyList<int>)[.. Years.Select(y => sizes.FirstOrDefault(s => s.Year == y && s.Library == k.Item1 && s.Tier == k.Item2)?.Members ?? 0)]))];
        return true;
    }
}
