using Huiqi.Web.Accounts;
using Huiqi.Web.Extensions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Pages;

/// <summary>
/// Corrections enterprises asked for, for the district bureau to confirm or reject (the city sees all). A request of
/// another district is not found.
/// </summary>
[Authorize(Policy = AccessPolicies.Lists)]
public sealed class CorrectionsModel(IDbContextFactory<WebDbContext> contexts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CorrectionRow> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? Message { get; set; }

    public bool CanDecide => User.IsInRole(Roles.DistrictReviewer) || User.IsInRole(Roles.CityReviewer) || User.IsInRole(Roles.Admin);

    public static string StatusText(string status) => status switch
    {
        CorrectionRow.Pending => "待区县确认",
        CorrectionRow.Confirmed => "已确认",
        CorrectionRow.Rejected => "未通过",
        _ => status,
    };

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var scope = Scope.Of(User);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        Items = await InScope(db, scope).OrderBy(c => c.Status == CorrectionRow.Pending ? 0 : 1).ThenByDescending(c => c.Id).Take(200).ToListAsync(cancel);
        var usccs = Items.Select(i => i.Uscc).Distinct().ToList();
        Names = await db.Enterprises.AsNoTracking().Where(e => usccs.Contains(e.Uscc)).ToDictionaryAsync(e => e.Uscc, e => e.Name, cancel);
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, bool confirm, string? note, CancellationToken cancel)
    {
        if (!CanDecide)
        {
            return Forbid();
        }

        var scope = Scope.Of(User);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var item = await InScope(db, scope).SingleOrDefaultAsync(c => c.Id == id, cancel);
        if (item is null)
        {
            return NotFound();
        }

        item.Status = confirm ? CorrectionRow.Confirmed : CorrectionRow.Rejected;
        item.DecidedBy = User.Identity?.Name;
        item.DecidedAt = clock.GetUtcNow().UtcDateTime;
        item.Note = note?.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 1000)] : null;
        await db.SaveChangesAsync(cancel);
        Message = confirm ? "已确认：请按确认的内容更新企业档案（数据导入）。" : "已退回。";
        return RedirectToPage();
    }

    private static IQueryable<CorrectionRow> InScope(WebDbContext db, Scope scope) => scope.Level switch
    {
        ScopeLevel.City => db.Corrections,
        ScopeLevel.District => db.Corrections.Where(c => c.District == scope.District),
        _ => db.Corrections.Where(c => false),
    };
}
