using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Pages;

/// <summary>
/// Corrections enterprises asked for, for the district bureau to confirm or reject (the city sees all). A request of
/// another district is not found. A decision is final: it is written once, only over a pending request (in one
/// conditional UPDATE, so two deciders at once give one decision), and logged; to change it the enterprise files a
/// new request.
/// </summary>
public sealed class CorrectionsModel(IDbContextFactory<WebDbContext> contexts, TimeProvider clock, ILogger<CorrectionsModel> log) : PageModel
{
    public IReadOnlyList<CorrectionRow> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the decision just posted was refused, in Chinese.</summary>
    public string? Error { get; private set; }

    /// <summary>The reviewers decide; the administrator keeps accounts and the system, not data decisions (不相容岗位分离).</summary>
    public bool CanDecide => HttpContext.Actor().Is(Role.DistrictReviewer, Role.CityReviewer);

    public static string StatusText(string status) => status switch
    {
        CorrectionRow.Pending => "待区县确认",
        CorrectionRow.Confirmed => "已确认",
        CorrectionRow.Rejected => "未通过",
        _ => status,
    };

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var scope = HttpContext.Actor();
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

        var scope = HttpContext.Actor();
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var status = confirm ? CorrectionRow.Confirmed : CorrectionRow.Rejected;
        var by = User.Identity?.Name;
        var at = clock.GetUtcNow().UtcDateTime;
        var said = note?.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 1000)] : null;
        var decided = await InScope(db, scope).Where(c => c.Id == id && c.Status == CorrectionRow.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, status).SetProperty(c => c.DecidedBy, by).SetProperty(c => c.DecidedAt, at).SetProperty(c => c.Note, said), cancel);
        if (decided == 0)
        {
            var item = await InScope(db, scope).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancel);
            if (item is null)
            {
                return NotFound();
            }

            log.LogWarning("Correction {Id} of {Uscc} is already {Status} (by {DecidedBy}); {User} asked to make it {Asked}: refused", id, item.Uscc, item.Status, item.DecidedBy, by, status);
            Error = $"更正申请 {id} 已于{(item.DecidedAt is { } decidedAt ? Show.Time(decidedAt) : "")}由{item.DecidedBy}处理（{StatusText(item.Status)}），处理结果不可更改；如需变更，请企业重新提交更正申请。";
            await OnGetAsync(cancel);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        log.LogInformation("Correction {Id} decided {Status} by {User}: {Note}", id, status, by, said);
        Message = confirm ? "已确认：请按确认的内容更新企业档案（数据导入）。" : "已退回。";
        return RedirectToPage();
    }

    private static IQueryable<CorrectionRow> InScope(WebDbContext db, Actor scope) => scope.Level switch
    {
        ScopeLevel.City => db.Corrections,
        ScopeLevel.District => db.Corrections.Where(c => c.District == scope.District),
        _ => db.Corrections.Where(c => false),
    };
}
