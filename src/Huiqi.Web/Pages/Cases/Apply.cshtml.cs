using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;

namespace Huiqi.Web.Pages.Cases;

/// <summary>
/// 快申快享: an enterprise applies for an award the data cannot show (a referral clause, or any clause to be applied
/// for), asking for an amount; it then uploads its documents and submits on the case's page.
/// </summary>
public sealed class ApplyModel(CaseWorkflow workflow, PolicyEngine engine, DossierStore store, TimeProvider clock) : CasePageModel
{
    [BindProperty] public string ClauseId { get; set; } = "";
    [BindProperty] public string? Item { get; set; }
    [BindProperty] public int AwardYear { get; set; }
    [BindProperty(BinderType = typeof(Shared.MoneyBinder))] public decimal Requested { get; set; }
    [BindProperty] public string Account { get; set; } = "";

    public PolicyEngine Engine => engine;

    /// <summary>
    /// The clauses an enterprise applies for (catalogue data: the clause's way, or a referral with no formula) whose
    /// document takes applications today — in force, or expired but before its deadline (申报截止).
    /// </summary>
    public IEnumerable<Clause> Clauses => engine.Catalog.Clauses.Where(c => (c.Way == ClauseWay.Application || c.IsReferral) && c.Document.AcceptsApplicationsOn(clock.Today()));

    /// <summary>The form for every clause opens on the figures year; asked for one clause (<c>?clause=</c>), on that clause's current year.</summary>
    public IActionResult OnGet(string? clause)
    {
        if (Actor.Role != Role.Enterprise)
        {
            return Forbid();
        }

        if (clause is not null && Clauses.FirstOrDefault(c => c.Id == clause) is { } chosen)
        {
            ClauseId = chosen.Id;
            AwardYear = engine.Current.Of(chosen);
        }
        else
        {
            AwardYear = engine.Current.Catalogue;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (Actor.Role != Role.Enterprise)
        {
            return Forbid();
        }

        long id = 0;
        return await StepAsync(
            async a =>
            {
                var dossier = await store.GetAsync(a.Uscc!, cancel)
                    ?? throw CaseException.NotFound(0);
                var c = await workflow.ApplyAsync(a, ClauseId, string.IsNullOrWhiteSpace(Item) ? null : Item.Trim(), AwardYear, Requested, Account, dossier.Name, dossier.District, cancel);
                id = c.Id;
                return "申请已创建：请上传申报材料后提交。";
            },
            () => Redirect(CaseText.Url(id)),
            () => Task.FromResult<IActionResult>(Page()));
    }
}
