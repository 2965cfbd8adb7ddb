using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Pages;

/// <summary>
/// One enterprise: the policy calculator (what it qualifies for in the award year and why, what it would need for more),
/// its library badges, its dossier as the registry holds it (一企一档), and what it has been paid. Any signed-in user
/// may ask; the scope decides, and an enterprise outside it is a 404.
/// </summary>
public sealed class EnterpriseModel(EnterpriseDirectory directory, PolicyEngine engine, CaseQueries cases, IDbContextFactory<WebDbContext> contexts, TimeProvider clock) : PageModel
{
    /// <summary>Dossier sections the enterprise declares itself, and so may ask to correct (the district confirms).</summary>
    public static readonly IReadOnlyDictionary<string, string> CorrectableSections = new Dictionary<string, string>
    {
        ["projects"] = "项目",
        ["spending"] = "费用支出",
        ["procurement"] = "采购（配套）",
        ["patentProducts"] = "专利产品",
        ["premises"] = "工业楼宇",
        ["training"] = "技能人才培养",
        ["relocatedOn"] = "整体迁入日期",
        ["name"] = "企业名称",
    };

    public Dossier Dossier { get; private set; } = null!;

    public Answer Answer { get; private set; } = null!;

    public PolicyEngine Engine => engine;

    public Actor Scope { get; private set; } = Actor.Anonymous;

    public int Year { get; private set; }

    public IReadOnlyList<CorrectionRow> Corrections { get; private set; } = [];

    /// <summary>The payments of the enterprise's cases for the award year on screen, with their cases (已兑付's 办理案件).</summary>
    public IReadOnlyList<(PaymentRow Payment, CaseRow Case)> Payments { get; private set; } = [];

    /// <summary>The payments that settled a ledger line: the same clause, item and award year, paid in full on its date.</summary>
    public IEnumerable<(PaymentRow Payment, CaseRow Case)> PaymentsOf(Grant g) =>
        Payments.Where(p => p.Case.Clause == g.Clause && p.Case.Item == (g.Item ?? "") && p.Case.AwardYear == g.Year && p.Case.Amount == g.Amount);

    /// <summary>
    /// What is left of a clause for the award year once the ledger is counted, in the engine's own words: what it still
    /// offers (the sentence names the yearly cap and how much of it the ledger used), or why it offers nothing more.
    /// </summary>
    public (decimal Left, string Because) LeftOfYear(string clause)
    {
        var owed = Answer.Awards.Where(w => w.Clause == clause).ToList();
        if (owed.Count > 0)
        {
            return (owed.Sum(w => (decimal)w.Amount), string.Join("；", owed.Select(w => w.Because)));
        }

        var refused = Answer.NotPaid.Where(n => n.Clause == clause).Select(n => n.Reason).ToList();
        return (0m, refused.Count > 0 ? string.Join("；", refused) : "按现有数据，本年度该条款没有其他应享金额");
    }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public string Section { get; set; } = "";

    [BindProperty]
    public string Text { get; set; } = "";

    public bool IsOwner => Scope.Level == ScopeLevel.Enterprise;

    public Clause? ClauseOf(string id) => engine.Catalog.ClausesById.GetValueOrDefault(id);

    public async Task<IActionResult> OnGetAsync(string uscc, int? year, CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        var dossier = await directory.GetAsync(Scope, uscc, cancel);
        if (dossier is null)
        {
            return NotFound();
        }

        Dossier = dossier;
        Year = year is >= 2000 and <= 2100 ? year.Value : engine.Current.Catalogue;
        Answer = engine.Evaluate(dossier, Year, hints: true);
        Payments = await cases.PaymentsOfEnterpriseAsync(Scope, uscc, Year, cancel);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        Corrections = await db.Corrections.AsNoTracking().Where(c => c.Uscc == uscc).OrderByDescending(c => c.Id).Take(50).ToListAsync(cancel);
        return Page();
    }

    /// <summary>An enterprise asks its district to confirm a correction of a fact it declared.</summary>
    public async Task<IActionResult> OnPostCorrectionAsync(string uscc, CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        var dossier = Scope.Level == ScopeLevel.Enterprise ? await directory.GetAsync(Scope, uscc, cancel) : null;
        if (dossier is null)
        {
            return NotFound();
        }

        if (!CorrectableSections.ContainsKey(Section) || string.IsNullOrWhiteSpace(Text) || Text.Length > 2000)
        {
            Message = "请选择要更正的事项并填写更正内容（不超过2000字）。";
            return Redirect(Show.EnterpriseUrl(uscc) + "#corrections");
        }

        await using var db = await contexts.CreateDbContextAsync(cancel);
        db.Corrections.Add(new CorrectionRow
        {
            Uscc = dossier.Uscc,
            District = dossier.District,
            Section = Section,
            Text = Text.Trim(),
            RequestedBy = User.Identity?.Name ?? "",
            RequestedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancel);
        Message = $"更正申请已提交，等待{dossier.District}工信部门确认。";
        return Redirect(Show.EnterpriseUrl(uscc) + "#corrections");
    }
}
